/**
 * Return-path values an attacker would try in `?return=` to send a signed-in person to another site:
 * whitespace and line breaks that browsers drop, backslashes they read as slashes, scheme-relative
 * and scheme-only forms, dot segments, percent-encoded variants, and characters that are not valid
 * in a header. Written as the decoded value; tests percent-encode them into the query.
 */
export const hostileReturnPaths: readonly string[] = [
  '//evil.example/x',
  '///evil.example/x',
  '/\t/evil.example/x',
  '/\n/evil.example/x',
  '/\r\n/evil.example/x',
  '\t//evil.example/x',
  ' //evil.example/x',
  '/\\evil.example/x',
  '\\\\evil.example/x',
  '/\\/evil.example/x',
  '/.//evil.example/x',
  '/./\\evil.example/x',
  '/%2F%2Fevil.example/x',
  '/%2f/evil.example',
  '/%5Cevil.example',
  '/%09/evil.example/x',
  '/%0d%0a/evil.example/x',
  'https:evil.example',
  'https:/evil.example',
  'https://evil.example/',
  'HTTPS://evil.example/',
  'http://localhost:3000@evil.example/',
  '/@evil.example',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  '/\u0000/evil.example',
  '/\u2028/evil.example',
  '/€',
  '/mailbox/inbox?x=€',
  '/päätös',
  '/\u202e/evil',
  '/%E2%82%AC',
  `/${'a'.repeat(1900)}`,
];

/**
 * One value of each way out (a tab browsers drop, a backslash read as a slash, scheme-relative, a dot
 * segment, a character not valid in a header), for flows too slow to try every value, such as a whole
 * identification in a browser. Drawn from the list above, so the sample never holds a value the
 * faster tests do not also try.
 */
export const hostileReturnPathSample: readonly string[] = hostileReturnPaths.filter((value) =>
  ['/\t/evil.example/x', '/\\evil.example/x', '//evil.example/x', '/.//evil.example/x', '/€'].includes(value),
);

/** True when a Location header value is plain printable ASCII (any other byte breaks HTTP). */
export function isPrintableAscii(value: string): boolean {
  return /^[\x21-\x7e]*$/.test(value);
}
