import { css } from '../styles/css.js';
import { InlineList } from './inline-list.js';

/** Short status words of one item ("Uusi", "Todisteellinen tiedoksianto"); nothing when there are none. */
export function TagList(props: { tags: string[] }) {
  if (props.tags.length === 0) return null;
  return (
    <InlineList class="tag-list">
      {props.tags.map((tag) => (
        <li>{tag}</li>
      ))}
    </InlineList>
  );
}

// Tags are plain text in a row for now; the citizen-side restyle gives them their badge look here.
export const styles = css`
  .tag-list {
    gap: var(--fi-spacing-s);
  }
`;
