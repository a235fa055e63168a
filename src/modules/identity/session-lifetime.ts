import type {
  NewSessionRow,
  SessionTableName,
  SessionTableRepository,
} from '../../db/session-table-repository.js';
import { hashSessionId, randomToken } from './session-tokens.js';

export interface SessionTimeouts {
  idleMinutes: number;
  absoluteHours: number;
}

const minute = 60_000;
/**
 * last_seen_at is written at most this often, so a page with many requests costs one write; the idle
 * timeout is therefore exact to within a minute.
 */
const touchIntervalMs = minute;

/** A session about to be stored: the cookie value (never stored) and the row's shared columns. */
export interface BegunSession {
  cookieValue: string;
  now: Date;
  row: NewSessionRow;
}

/**
 * The life of a server-side session row, the same for citizens' and staff's sessions (each in its
 * own table, behind its own cookie): a fresh random id whose hash alone is stored, the idle and
 * absolute timeouts, the idle timer kept running, and the sweep of expired rows.
 */
export class SessionLifetime<T extends SessionTableName> {
  constructor(
    private readonly deps: {
      repository: SessionTableRepository<T>;
      clock: () => Date;
      timeouts: SessionTimeouts;
    },
  ) {}

  /**
   * A new session id, its hash and CSRF token, ready to store with `data`. Every sign-in makes a new
   * id, so an id planted in a browser before sign-in (session fixation) is never promoted. Expired
   * rows are swept here, where a row is written anyway (and by no anonymous request).
   */
  async begin(data: (idHash: string) => object): Promise<BegunSession> {
    const now = this.deps.clock();
    const idleBefore = new Date(now.getTime() - this.deps.timeouts.idleMinutes * minute).toISOString();
    await this.deps.repository.deleteExpired(now.toISOString(), idleBefore);
    const cookieValue = randomToken();
    const idHash = hashSessionId(cookieValue);
    return {
      cookieValue,
      now,
      row: {
        idHash,
        csrfToken: randomToken(),
        data: JSON.stringify(data(idHash)),
        now: now.toISOString(),
        absoluteExpiresAt: new Date(
          now.getTime() + this.deps.timeouts.absoluteHours * 60 * minute,
        ).toISOString(),
      },
    };
  }

  /**
   * Whether a stored session is still alive (idle and absolute timeouts); a timed-out row is deleted,
   * a live one has its idle timer kept running.
   */
  async keepAlive(idHash: string, row: { lastSeenAt: string; absoluteExpiresAt: string }): Promise<boolean> {
    const now = this.deps.clock();
    const idleDeadline = Date.parse(row.lastSeenAt) + this.deps.timeouts.idleMinutes * minute;
    if (now.getTime() >= idleDeadline || now.toISOString() >= row.absoluteExpiresAt) {
      await this.deps.repository.delete(idHash);
      return false;
    }
    if (now.getTime() - Date.parse(row.lastSeenAt) >= touchIntervalMs) {
      await this.deps.repository.touch(idHash, now.toISOString());
    }
    return true;
  }

  /** Ends the session without recording anything; a missing session is not an error. */
  async end(cookieValue: string | undefined): Promise<void> {
    if (cookieValue) await this.deps.repository.delete(hashSessionId(cookieValue));
  }
}
