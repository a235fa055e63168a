import { isValidBusinessId } from '../../domain/business-id.js';
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

export function validateElectronicPart(part: ElectronicPartInput, field = 'electronic'): void {
  if (part.title.trim() === '') throw new ValidationError(`${field}.title`, 'must not be blank');
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\u0000-\u001f\u007f]/.test(part.title)) {
    throw new ValidationError(`${field}.title`, 'must be a single line without control characters');
  }
  if (part.body.trim() === '') throw new ValidationError(`${field}.body`, 'must not be blank');
  if (part.body.includes('\u0000')) throw new ValidationError(`${field}.body`, 'must not contain NUL');
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
  for (const key of ['name', 'streetAddress', 'city', 'additionalName'] as const) {
    const value = address[key];
    if (value !== undefined && value.trim() === '') {
      throw new ValidationError(`${field}.${key}`, 'must not be blank');
    }
  }
}

export function validatePaperPart(part: PaperMailPartInput, field = 'paperMail'): void {
  validateAddress(part.recipient.address, `${field}.recipient.address`);
  validateAddress(part.sender.address, `${field}.sender.address`);
}
