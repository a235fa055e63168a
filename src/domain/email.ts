/**
 * Pragmatic e-mail address check for notification addresses.
 *
 * We only ever hand these addresses to an SMTP server, so full RFC 5322 is the wrong target: quoted
 * local parts, comments and IP literals are legal there yet are almost always typos in a form and
 * are refused by many mail servers. What we accept is what a person would recognise as an address
 * and what any relay will take: a dot-atom local part in ASCII (non-ASCII local parts need
 * SMTPUTF8, which we cannot rely on) and a host name whose domain may be internationalised, since
 * IDN domains travel as punycode and need nothing special from the relay.
 */
import { domainToASCII, domainToUnicode } from 'node:url';

const LOCAL_PART = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const DNS_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
// A letters-only or punycode top-level label rules out IP addresses and single-label hosts.
const TOP_LEVEL_LABEL = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;
// Invisible and control characters are rejected rather than stripped: IDNA mapping would quietly
// drop some of them, and an address that looks the same but is stored differently invites confusion.
const INVISIBLE_OR_CONTROL = /[\p{Cc}\p{Cf}\p{Z}]/u;

const MAX_ADDRESS_LENGTH = 254;
const MAX_LOCAL_PART_LENGTH = 64;

/** Normalised address (trimmed, domain lower-cased in its Unicode form) or null when not acceptable. */
export function normaliseEmail(input: string): string | null {
  const trimmed = input.trim();
  if (INVISIBLE_OR_CONTROL.test(trimmed)) return null;
  const at = trimmed.lastIndexOf('@');
  if (at < 1) return null;
  // The local part keeps its case: RFC 5321 lets the receiving server treat it as case-sensitive.
  const local = trimmed.slice(0, at);
  if (local.length > MAX_LOCAL_PART_LENGTH || !LOCAL_PART.test(local)) return null;

  const asciiDomain = domainToASCII(trimmed.slice(at + 1));
  if (asciiDomain === '') return null;
  const labels = asciiDomain.split('.');
  if (labels.length < 2 || !labels.every((label) => DNS_LABEL.test(label))) return null;
  if (!TOP_LEVEL_LABEL.test(labels[labels.length - 1] ?? '')) return null;
  // The limit applies to what goes on the wire, i.e. the punycode form.
  if (local.length + 1 + asciiDomain.length > MAX_ADDRESS_LENGTH) return null;

  // Round-tripping through IDNA gives one canonical spelling per domain, so the same address
  // typed as ÄÄNEKOSKI.FI, äänekoski.fi or xn--nekoski-4waa.fi is stored once.
  return `${local}@${domainToUnicode(asciiDomain)}`;
}
