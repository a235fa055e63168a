/**
 * Whether an error means "the database cannot be reached or is going away right now", as opposed to
 * a problem with the query. Such errors are temporary: the request is answered 503 with Retry-After,
 * a read may be retried on a fresh connection, and a worker job is retried later.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  // Drivers wrap their errors; look through `cause` a few levels deep.
  while (current instanceof Error && !seen.has(current) && seen.size < 5) {
    seen.add(current);
    const { code, message } = current as Error & { code?: unknown };
    if (typeof code === 'string' && (unavailableCodes.has(code) || unavailableCodePrefixes.test(code)))
      return true;
    if (unavailableMessages.test(message)) return true;
    current = (current as Error & { cause?: unknown }).cause;
  }
  return false;
}

/**
 * PostgreSQL SQLSTATEs 57P01–57P03 (an administrator or crash shut the backend down, or it cannot
 * accept connections yet), 53300 (too many connections), class 08 (connection exceptions, matched by
 * prefix below); Node's socket errors; SQLite's busy and closed-database errors, and a disk that is
 * full, read-only or failing (SQLITE_FULL, SQLITE_READONLY*, SQLITE_IOERR*, ENOSPC, EROFS): SQLite
 * rolls the transaction back and the next write succeeds once the operator frees space, so these
 * are outages to wait out, not faults in the request.
 */
const unavailableCodes = new Set([
  '57P01',
  '57P02',
  '57P03',
  '53300',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'SQLITE_BUSY',
  'SQLITE_BUSY_SNAPSHOT',
  'SQLITE_BUSY_TIMEOUT',
  'SQLITE_FULL',
  'SQLITE_CANTOPEN',
  'ENOSPC',
  'EROFS',
]);

const unavailableCodePrefixes = /^(08|SQLITE_READONLY|SQLITE_IOERR)/;

const unavailableMessages =
  /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|Cannot use a pool after calling end|The database connection is not open|driver has already been destroyed/i;
