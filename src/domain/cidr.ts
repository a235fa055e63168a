import { isIP } from 'node:net';

/** Normalises `10.0.0.0/8`, a bare address (a single host) or an IPv6 range; undefined if invalid. */
export function normaliseCidr(value: string): string | undefined {
  const [address = '', prefixText, extra] = value.trim().split('/');
  if (extra !== undefined) return undefined;
  const family = isIP(address);
  if (family === 0) return undefined;
  const max = family === 4 ? 32 : 128;
  if (prefixText === undefined) return `${address}/${max}`;
  if (!/^\d{1,3}$/.test(prefixText) || Number(prefixText) > max) return undefined;
  return `${address}/${Number(prefixText)}`;
}
