import { BlockList, isIP } from 'node:net';
import { normaliseCidr } from '../../domain/cidr.js';

export { normaliseCidr };

/**
 * Per-credential IP allowlists (the national API requires whitelisted addresses). Stored as CIDR
 * strings; an empty or missing list allows every address.
 */

/** `::ffff:192.0.2.1` (an IPv4 client on a dual-stack socket) is matched as `192.0.2.1`. */
function unmapped(ip: string): string {
  const match = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  return match ? match[1]! : ip;
}

/** One spelling per client address, for keying per-address counters (IPv4-mapped as IPv4). */
export function canonicalAddress(ip: string): string {
  return unmapped(ip).toLowerCase();
}

export function isAddressAllowed(ip: string, cidrs: readonly string[] | null): boolean {
  if (!cidrs || cidrs.length === 0) return true;
  const address = unmapped(ip);
  const family = isIP(address);
  if (family === 0) return false;
  const list = new BlockList();
  for (const cidr of cidrs) {
    const [network = '', prefix = ''] = cidr.split('/');
    const networkFamily = isIP(network) === 4 ? 'ipv4' : 'ipv6';
    list.addSubnet(network, Number(prefix), networkFamily);
  }
  return list.check(address, family === 4 ? 'ipv4' : 'ipv6');
}
