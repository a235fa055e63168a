import type { ComponentChildren } from 'preact';
import { Icon, type IconName } from './icon.js';

export interface AccountNavLink {
  href: string;
  icon: IconName;
  text: string;
  /** The page the reader is on (or below): marked aria-current="page". */
  current: boolean;
  /** After the text, such as the count of unread messages. */
  extra?: ComponentChildren;
}

/** The signed-in person's own navigation in the account bar: an icon and a word for each link. */
export function AccountNav(props: { label: string; links: AccountNavLink[] }) {
  return (
    <nav class="account-nav" aria-label={props.label}>
      <ul class="account-nav__list">
        {props.links.map((link) => (
          <li>
            <a class="account-nav__link" href={link.href} aria-current={link.current ? 'page' : undefined}>
              <Icon name={link.icon} />
              <span>{link.text}</span>
              {link.extra}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
