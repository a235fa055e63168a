import { ValidationError } from '../../errors.js';

/**
 * The event feed's continuation token: opaque to clients, it carries the id of the last event
 * returned. Ids are only ever compared within the caller's own feed, so a forged token can skip or
 * repeat the caller's own events but never reveal anyone else's.
 */
const PREFIX = 'f1.';

export function encodeContinuationToken(lastEventId: number): string {
  return PREFIX + Buffer.from(String(lastEventId), 'utf8').toString('base64url');
}

export function decodeContinuationToken(token: string | undefined): number {
  if (token === undefined || token === '') return 0;
  const body = token.startsWith(PREFIX)
    ? Buffer.from(token.slice(PREFIX.length), 'base64url').toString()
    : '';
  if (!/^\d{1,15}$/.test(body)) {
    throw new ValidationError('continuationToken', 'is not a token returned by this API');
  }
  return Number(body);
}
