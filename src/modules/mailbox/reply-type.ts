import type { CitizenMessageType } from './types.js';

/**
 * The type a reply starts with, guessed from the title of the message it answers. The contract
 * gives organisations' messages no type, so the title is all there is; the person sees the guess
 * pre-selected and can change it. Only a clear request for clarification or additional information
 * ("Pyyntö lisäselvityksestä", "Täydennyspyyntö", "Begäran om komplettering", "Request for
 * clarification") suggests Selvitys: both a word for asking and a word for what is asked must be
 * there, so a title that merely mentions a report ("Selvitys kunnan taloudesta") stays Muu.
 * Nothing suggests Oikaisuvaatimus or Hakemus: answering a decision is not by itself a request for
 * rectification, and that choice has legal weight the person must make.
 */
const clarificationRequests: ReadonlyArray<{ asking: RegExp; asked: RegExp }> = [
  // fi: pyyntö, pyydämme, pyydetään, pyytää … selvitys, lisäselvitys, täydennys, täydentää, lisätieto
  { asking: /pyy[ndt]/i, asked: /selvit|täydenn|täydent|lisätie/i },
  // sv: begäran, begär, ber … utredning, komplettering, förtydligande, tilläggsuppgift
  { asking: /begär|\bber\b/i, asked: /utredning|komplett|förtydlig|tilläggsuppgift/i },
  // en: request, please, asked … clarification, additional/further information, supplement
  { asking: /request|please|\bask/i, asked: /clarif|additional information|further information|supplement/i },
];

export function suggestedReplyType(originalTitle: string): CitizenMessageType {
  const title = originalTitle.normalize('NFC');
  const isClarificationRequest = clarificationRequests.some(
    ({ asking, asked }) => asking.test(title) && asked.test(title),
  );
  return isClarificationRequest ? 'Selvitys' : 'Muu';
}
