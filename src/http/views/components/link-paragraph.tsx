import type { ComponentChildren } from 'preact';

/** A link on a line of its own: a way on from the page (back to the start page, the terms, closing). */
export function LinkParagraph(props: { href: string; children: ComponentChildren }) {
  return (
    <p>
      <a href={props.href}>{props.children}</a>
    </p>
  );
}
