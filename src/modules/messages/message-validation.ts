import { isValidBusinessId } from '../../domain/business-id.js';
import { deceptiveCharacterProblem, findDeceptiveCharacter } from '../../domain/deceptive-characters.js';
import { isValidIdentityCode } from '../../domain/identity-code.js';
import { ValidationError } from '../../errors.js';
import type { AddressInput, ElectronicPartInput, PaperMailPartInput } from './message-input.js';

/**
 * Checks beyond the request schema (which already enforces the contract's types, enums and lengths).
 * Messages name the field but never repeat an identity code.
 */
export function validateRecipientId(id: string, field = 'recipient.id'): void {
  if (!isValidIdentityCode(id) && !isValidBusinessId(id)) {
    throw new ValidationError(field, 'is not a valid personal identity code or business ID');
  }
}

/**
 * Refuses text a reader would see differently from what it is (bidirectional overrides, control
 * characters): "Lasku \u202Efdp.exe" must not display as "Lasku exe.pdf". Refused rather than
 * stripped, so the sender learns that their system produced such text.
 */
export function validateDisplayedText(value: string, field: string, options: { multiline: boolean }): void {
  const found = findDeceptiveCharacter(value, options);
  if (found) throw new ValidationError(field, deceptiveCharacterProblem(found));
}

export function validateElectronicPart(part: ElectronicPartInput, field = 'electronic'): void {
  if (part.title.trim() === '') throw new ValidationError(`${field}.title`, 'must not be blank');
  validateDisplayedText(part.title, `${field}.title`, { multiline: false });
  if (part.body.trim() === '') throw new ValidationError(`${field}.body`, 'must not be blank');
  // Link texts and every other visible part of a Markdown body are inside the body.
  validateDisplayedText(part.body, `${field}.body`, { multiline: true });
  const custom = part.notifications.customisedNewMessageNotification;
  if (custom) {
    for (const language of ['fi', 'sv', 'en'] as const) {
      const base = `${field}.notifications.customisedNewMessageNotification`;
      validateDisplayedText(custom.title[language], `${base}.title.${language}`, { multiline: false });
      validateDisplayedText(custom.content[language], `${base}.content.${language}`, { multiline: true });
    }
  }
  const seen = new Set<string>();
  part.attachments.forEach((attachment, index) => {
    if (seen.has(attachment.attachmentId)) {
      throw new ValidationError(`${field}.attachments[${index}].attachmentId`, 'is listed twice');
    }
    seen.add(attachment.attachmentId);
  });
}

function validateAddress(address: AddressInput, field: string): void {
  // A Finnish letter is sorted by its five-digit postal code; anything else would be unprintable.
  if (address.countryCode === 'FI' && !/^\d{5}$/.test(address.zipCode)) {
    throw new ValidationError(`${field}.zipCode`, 'must be five digits for a Finnish address');
  }
  for (const key of ['name', 'streetAddress', 'city', 'additionalName', 'zipCode'] as const) {
    const value = address[key];
    if (value !== undefined && value.trim() === '') {
      throw new ValidationError(`${field}.${key}`, 'must not be blank');
    }
    if (value !== undefined) validateDisplayedText(value, `${field}.${key}`, { multiline: false });
  }
}

export function validatePaperPart(part: PaperMailPartInput, field = 'paperMail'): void {
  validateAddress(part.recipient.address, `${field}.recipient.address`);
  validateAddress(part.sender.address, `${field}.sender.address`);
}
