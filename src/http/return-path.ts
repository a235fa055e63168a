/**
 * The one decision about where a browser may be sent back to after signing in or out, or after
 * choosing a language or text size. The value arrives from the query string, so it is hostile until
 * proven otherwise: browsers drop tabs and line breaks from URLs, read a backslash as a slash, and
 * take `//host` or `/\host` as another site, so string checks on the raw value are not enough. It is
 * parsed with the WHATWG URL parser (the browser's own rules) against PUBLIC_URL, accepted only when
 * it stays on our origin, and returned in its normalised, percent-encoded form, which is plain ASCII
 * and therefore always a valid Location header.
 */
export function safeReturnPath(value: unknown, publicUrl: URL): string {
  if (typeof value !== 'string' || !value.startsWith('/')) return '/';
  let url: URL;
  try {
    url = new URL(value, publicUrl);
  } catch {
    return '/';
  }
  if (url.origin !== publicUrl.origin) return '/';
  const path = `${url.pathname}${url.search}${url.hash}`;
  // Dot segments can normalise "/.//host" into "//host", which a browser would leave the site for.
  if (!path.startsWith('/') || path.startsWith('//') || path.startsWith('/\\')) return '/';
  return path;
}
