import type { ComponentChildren } from 'preact';

/** A section of a page named by its own heading (a region a screen reader can list and jump to). */
export function HeadedSection(props: {
  id: string;
  heading: ComponentChildren;
  children: ComponentChildren;
}) {
  return (
    <section aria-labelledby={props.id}>
      <h2 id={props.id}>{props.heading}</h2>
      {props.children}
    </section>
  );
}
