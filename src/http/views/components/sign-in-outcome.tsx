import type { Translate, TranslationKey } from '../../../i18n/i18n.js';
import { ButtonRow } from './button-row.js';
import { LinkButton } from './link-button.js';

/** What one outcome says: its heading, its paragraph, and the link to identify again if there is one. */
export interface SignInOutcomeTexts {
  title: TranslationKey;
  text: TranslationKey;
  /** None where identifying again cannot help (no identification service is available). */
  again?: TranslationKey;
}

export interface SignInOutcomeProps {
  t: Translate;
  texts: SignInOutcomeTexts;
  /** Where identifying again starts. */
  loginHref: string;
  /** The start page link's text. */
  toStart: TranslationKey;
}

/**
 * The end of a sign-in that led nowhere, or of a logout (citizens' and staff's alike): says what
 * happened plainly, then offers to identify again and the way to the start page. The page's frame
 * writes the heading (`texts.title`): the citizen's PublicPage does, the staff page adds its own.
 */
export function SignInOutcome(props: SignInOutcomeProps) {
  const { t, texts } = props;
  return (
    <>
      <p>{t(texts.text)}</p>
      <ButtonRow>
        {texts.again && <LinkButton href={props.loginHref}>{t(texts.again)}</LinkButton>}
        <a href="/">{t(props.toStart)}</a>
      </ButtonRow>
    </>
  );
}
