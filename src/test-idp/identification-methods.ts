import type { Translate } from '../i18n/i18n.js';
import { ftnAssuranceLevels } from '../modules/identity/index.js';

/**
 * The identification methods the test IdP imitates. Banks are listed by their own names (not
 * translated); the method id travels to the relying party in the `amr` claim.
 */
export const banks = [
  { id: 'bank-aktia', name: 'Aktia' },
  { id: 'bank-danske', name: 'Danske Bank' },
  { id: 'bank-handelsbanken', name: 'Handelsbanken' },
  { id: 'bank-nordea', name: 'Nordea' },
  { id: 'bank-omasp', name: 'OmaSP' },
  { id: 'bank-op', name: 'Osuuspankki' },
  { id: 'bank-pop', name: 'POP Pankki' },
  { id: 'bank-s', name: 'S-Pankki' },
  { id: 'bank-saastopankki', name: 'Säästöpankki' },
  { id: 'bank-alandsbanken', name: 'Ålandsbanken' },
] as const;

export const otherMethods = [
  { id: 'mobile', key: 'account.idp.mobile' },
  { id: 'card', key: 'account.idp.card' },
] as const;

export type MethodId = (typeof banks)[number]['id'] | (typeof otherMethods)[number]['id'];

export function isMethodId(value: unknown): value is MethodId {
  return (
    typeof value === 'string' &&
    (banks.some((bank) => bank.id === value) || otherMethods.some((method) => method.id === value))
  );
}

/** A method's name for the page: the bank's own name, or the translated method name. */
export function methodLabel(method: MethodId, t: Translate): string {
  const bank = banks.find((b) => b.id === method);
  if (bank) return `${t('account.idp.banks')}: ${bank.name}`;
  const other = otherMethods.find((m) => m.id === method);
  return other ? t(other.key) : method;
}

/**
 * The FTN level of assurance each method reaches: bank credentials are substantial (loa2),
 * Mobiilivarmenne and the certificate card high (loa3). The test IdP offers every method whatever
 * was asked, so that the service's own check of the returned `acr` can be exercised.
 */
export function assuranceOf(method: MethodId): string {
  const [substantial, high] = ftnAssuranceLevels as [string, string];
  return method === 'mobile' || method === 'card' ? high : substantial;
}
