import type { Translate, TranslationKey } from '../../../i18n/i18n.js';
import { isCitizenMessageType, type CitizenMessageType } from '../../../modules/mailbox/index.js';

/** The wording of each type a citizen can give a message. */
export const citizenTypeKeys = {
  Hakemus: 'mailbox.types.Hakemus',
  Selvitys: 'mailbox.types.Selvitys',
  Oikaisuvaatimus: 'mailbox.types.Oikaisuvaatimus',
  Muu: 'mailbox.types.Muu',
} as const satisfies Record<CitizenMessageType, TranslationKey>;

/** A stored type in the reader's language; a type this version does not know is shown as stored. */
export function citizenTypeName(t: Translate, type: string): string {
  return isCitizenMessageType(type) ? t(citizenTypeKeys[type]) : type;
}
