import { InlineList } from './inline-list.js';

export interface NavLink {
  href: string;
  text: string;
  /** The page shown now: marked for the eye and for a screen reader (aria-current="page"). */
  current: boolean;
}

export interface NavLinksProps {
  /** The CSS block of this navigation; its `__list` and `__link` elements style the list and links. */
  block: string;
  /** Accessible name of the navigation landmark. */
  label: string;
  links: NavLink[];
}

/** A few links between the views of one list or the pages of one area, in a row, the current one marked. */
export function NavLinks(props: NavLinksProps) {
  return (
    <nav class={props.block} aria-label={props.label}>
      <InlineList class={`${props.block}__list`}>
        {props.links.map((link) => (
          <li>
            <a
              class={`${props.block}__link`}
              href={link.href}
              aria-current={link.current ? 'page' : undefined}
            >
              {link.text}
            </a>
          </li>
        ))}
      </InlineList>
    </nav>
  );
}
