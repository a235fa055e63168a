import type { RecipientRepository } from './recipient-repository.js';

/**
 * The consent register as the mailbox check and sending need it (DELIVERY_CONSENT=per-organisation):
 * of some people, those who consented to the organisation's electronic delivery. The composition
 * root gives the consents module's service here, or nothing when an open account is enough.
 */
export interface DeliveryConsents {
  consentedAmong(organisationId: number, identityCodes: readonly string[]): Promise<Set<string>>;
}

/**
 * Identity code → account id of the given people the organisation may deliver to electronically:
 * an active account, and (with `consents`) a consent in force for this organisation. Everyone else
 * is, for the mailbox check and for sending alike, a person without an active mailbox.
 */
export async function reachableAccounts(
  recipients: RecipientRepository,
  consents: DeliveryConsents | undefined,
  organisationId: number,
  identityCodes: readonly string[],
): Promise<Map<string, number>> {
  const active = await recipients.activeAccounts(identityCodes);
  if (!consents || active.size === 0) return active;
  const consented = await consents.consentedAmong(organisationId, [...active.keys()]);
  return new Map([...active].filter(([identityCode]) => consented.has(identityCode)));
}
