import { HeadedSection } from './headed-section.js';

/** A section of a page that is a list of links under its own heading (the id names the section). */
export function LinkSection(props: {
  id: string;
  heading: string;
  links: Array<{ href: string; text: string }>;
}) {
  return (
    <HeadedSection id={props.id} heading={props.heading}>
      <ul>
        {props.links.map((link) => (
          <li>
            <a href={link.href}>{link.text}</a>
          </li>
        ))}
      </ul>
    </HeadedSection>
  );
}
