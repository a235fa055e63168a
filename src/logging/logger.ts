import {
  destination as fileDestination,
  pino,
  stdTimeFunctions,
  type DestinationStream,
  type Logger,
} from 'pino';
import type { LogLevel } from '../config/config.js';
import { identityCodeLikePattern } from '../domain/identity-code.js';

export type { Logger };

/**
 * Structured paths that may carry secrets or message content. pino removes them before a line is
 * written; identity codes are additionally masked by pattern on the final line, because they can hide
 * anywhere (URLs, error messages, third-party library output).
 */
const redactedPaths = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  'password',
  'newPassword',
  'currentPassword',
  'token',
  'accessToken',
  'access_token',
  'id_token',
  'refresh_token',
  'code_verifier',
  'body',
  'title',
  'content',
  'identityCode',
  '*.password',
  '*.newPassword',
  '*.token',
  '*.accessToken',
  '*.access_token',
  '*.body',
  '*.title',
  '*.content',
  '*.identityCode',
];

export function maskIdentityCodes(line: string): string {
  return line.replace(identityCodeLikePattern, '[hetu]');
}

export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'asiointitili' },
      timestamp: stdTimeFunctions.isoTime,
      redact: { paths: redactedPaths, censor: '[redacted]' },
      hooks: { streamWrite: maskIdentityCodes },
      serializers: {
        // Query strings may carry personal data; the path alone is enough to trace a request.
        req: (req: { method: string; url: string; id: string }) => ({
          method: req.method,
          url: req.url.split('?')[0],
          id: req.id,
        }),
      },
    },
    destination ?? fileDestination(1),
  );
}
