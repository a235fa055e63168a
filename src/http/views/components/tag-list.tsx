import { css } from '../styles/css.js';
import { Icon, type IconName } from './icon.js';
import { InlineList } from './inline-list.js';

/**
 * How a status chip stands out. The text always says the status; tone and icon only repeat it, so
 * nothing depends on seeing colour: new (filled, the one to notice), attention (something to do),
 * and plain (a fact about the item).
 */
export type ChipTone = 'new' | 'attention' | 'plain';

export interface Chip {
  text: string;
  tone?: ChipTone | undefined;
  icon?: IconName | undefined;
}

const toneClasses: Record<ChipTone, string> = {
  new: 'chip chip--new',
  attention: 'chip chip--attention',
  plain: 'chip',
};

/** Short status words of one item as chips ("Uusi", "Todisteellinen tiedoksianto"); nothing when there are none. */
export function TagList(props: { tags: Array<Chip | string> }) {
  if (props.tags.length === 0) return null;
  return (
    <InlineList class="tag-list">
      {props.tags.map((tag) => {
        const chip = typeof tag === 'string' ? { text: tag } : tag;
        return (
          <li class={toneClasses[chip.tone ?? 'plain']}>
            {chip.icon && <Icon name={chip.icon} />}
            {chip.text}
          </li>
        );
      })}
    </InlineList>
  );
}

export const styles = css`
  .tag-list {
    gap: var(--fi-spacing-xxs) var(--fi-spacing-xs);
  }
  .chip {
    display: inline-flex;
    align-items: center;
    gap: var(--fi-spacing-xxs);
    padding: 0 var(--fi-spacing-xs);
    border: 1px solid var(--fi-color-depth-base);
    border-radius: 1em;
    background: var(--fi-color-depth-light-3);
    color: var(--fi-color-black-base);
    font-size: var(--fi-font-size-body-text-small);
    line-height: 1.6;
    white-space: nowrap;
  }
  .chip--new {
    background: var(--fi-color-highlight-base);
    border-color: var(--fi-color-highlight-base);
    color: var(--fi-color-white-base);
    font-weight: 600;
  }
  .chip--attention {
    background: var(--fi-color-warning-light-1);
    border-color: var(--fi-color-warning-base);
    font-weight: 600;
  }
`;
