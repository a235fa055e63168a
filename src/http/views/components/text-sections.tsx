import type { Translate, TranslationKey } from '../../../i18n/i18n.js';
import { HeadedSection } from './headed-section.js';

export interface TextSection {
  /** The section's anchor: `#<idPrefix><id>` (the A–Ö index links to some). */
  id: string;
  title: TranslationKey;
  text: TranslationKey;
}

/** An information page's sections: each a heading and one paragraph, a region named by its heading. */
export function TextSections(props: { t: Translate; sections: readonly TextSection[]; idPrefix?: string }) {
  return (
    <>
      {props.sections.map((section) => (
        <HeadedSection id={`${props.idPrefix ?? ''}${section.id}`} heading={props.t(section.title)}>
          <p>{props.t(section.text)}</p>
        </HeadedSection>
      ))}
    </>
  );
}
