import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/**
 * Browser features no page of ours uses. Denying them means injected or framed content cannot ask
 * for the camera, location or payment either.
 */
const permissionsPolicy = [
  'accelerometer=()',
  'camera=()',
  'display-capture=()',
  'geolocation=()',
  'gyroscope=()',
  'magnetometer=()',
  'microphone=()',
  'payment=()',
  'publickey-credentials-get=()',
  'usb=()',
  'interest-cohort=()',
].join(', ');

/**
 * Security headers on every response:
 * - a strict Content-Security-Policy: no inline script or style anywhere, so pages work (and must
 *   work) without JavaScript, and injected markup cannot run;
 * - framing refused twice, consistently: CSP `frame-ancestors 'none'` and, for browsers that predate
 *   it, `X-Frame-Options: DENY`;
 * - HSTS only when the service is reached over https (PUBLIC_URL), since a browser ignores it over
 *   http and a wrong one would lock a host name onto https;
 * - `Cache-Control: no-store` unless a route chose otherwise (the static assets do): pages and API
 *   answers carry personal data or CSRF tokens, and must not be kept by browsers or proxies.
 */
export async function registerSecurityHeaders(
  app: FastifyInstance,
  options: { https: boolean },
): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
      },
    },
    xFrameOptions: { action: 'deny' },
    strictTransportSecurity: options.https ? { maxAge: 31536000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'same-origin' },
    crossOriginEmbedderPolicy: false,
  });
  app.addHook('onSend', async (_request, reply, payload) => {
    void reply.header('permissions-policy', permissionsPolicy);
    if (!reply.hasHeader('cache-control')) void reply.header('cache-control', 'no-store');
    return payload;
  });
}
