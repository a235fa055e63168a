import type { FastifyInstance, InjectOptions } from 'fastify';
import type { CustomFetch } from 'openid-client';

const nullBodyStatuses = new Set([101, 204, 205, 304]);

/**
 * A fetch for the relying party's back-channel calls (discovery, JWKS, token, userinfo) to the
 * bundled test IdP, served by this very app through Fastify's inject. This needs no listening port
 * and no route from the server to its own public URL (which behind a proxy or in a container often
 * does not exist), while every request still goes through the full HTTP stack as if sent over the
 * network. Only the service's own origin can be reached this way.
 */
export function inProcessFetch(app: FastifyInstance, publicUrl: URL): CustomFetch {
  return async (url, options) => {
    const target = new URL(url);
    if (target.origin !== publicUrl.origin) {
      throw new Error('in-process fetch only reaches the service itself');
    }
    const headers: Record<string, string> = {};
    new Headers(options.headers).forEach((value, name) => {
      headers[name] = value;
    });
    headers.host = publicUrl.host;
    headers['x-forwarded-proto'] = publicUrl.protocol.replace(':', '');
    const response = await app.inject({
      method: options.method as InjectOptions['method'],
      url: target.pathname + target.search,
      headers,
      ...(options.body === undefined || options.body === null ? {} : { payload: String(options.body) }),
    });
    const responseHeaders = new Headers();
    for (const [name, value] of Object.entries(response.headers)) {
      if (Array.isArray(value)) value.forEach((v) => responseHeaders.append(name, v));
      else if (value !== undefined) responseHeaders.set(name, String(value));
    }
    const body = nullBodyStatuses.has(response.statusCode) ? null : new Uint8Array(response.rawPayload);
    return new Response(body, { status: response.statusCode, headers: responseHeaders });
  };
}
