import type { RateLimitCounterRepository } from '../../db/rate-limit-counter-repository.js';
import { retentionCutoff } from '../../domain/retention-cutoff.js';
import { normaliseEmail } from '../../domain/email.js';
import { TooManyRequestsError } from '../../errors.js';
import type { FeedbackRepository, FeedbackRow } from './feedback-repository.js';
import type { FormStamp } from './form-stamp.js';

export const feedbackTopics = ['service', 'accessibility', 'content', 'other'] as const;
export type FeedbackTopic = (typeof feedbackTopics)[number];

export const messageLength = { min: 10, max: 4_000 } as const;
/** Submissions (accepted or not) one client address may make in a window. */
export const feedbackThrottle = { max: 5, windowMs: 3600_000 } as const;

/** What the form sent; every field as typed (absent fields as undefined). */
export interface FeedbackInput {
  topic?: string | undefined;
  message?: string | undefined;
  email?: string | undefined;
  /** The honeypot: a field people do not see; anything in it means a script filled the form. */
  trap?: string | undefined;
  stamp?: string | undefined;
  locale: string;
}

export type FeedbackProblem =
  | { field: 'topic'; code: 'topicMissing' }
  | { field: 'message'; code: 'messageMissing' | 'messageTooShort' | 'messageTooLong' }
  | { field: 'email'; code: 'emailInvalid' }
  | { field: 'form'; code: 'tooFast' | 'expired' };

export type FeedbackOutcome = { status: 'accepted' } | { status: 'rejected'; problems: FeedbackProblem[] };

export function isFeedbackTopic(value: unknown): value is FeedbackTopic {
  return typeof value === 'string' && (feedbackTopics as readonly string[]).includes(value);
}

/**
 * The public feedback form. Spam resistance without third parties or scripts, in this order:
 * 1. every submission counts against its client address (`feedbackThrottle`), across processes;
 * 2. a filled honeypot is answered like a success but nothing is stored (the script learns nothing);
 * 3. the fields are checked, and the signed issue stamp must be at least a few seconds and at most
 *    a day old (FormStamp). Any problem stores nothing; the form comes back with a fresh stamp.
 */
export class FeedbackService {
  constructor(
    private readonly deps: {
      repository: FeedbackRepository;
      counters: RateLimitCounterRepository;
      stamps: FormStamp;
      clock: () => Date;
      retentionDays: number;
    },
  ) {}

  /** A fresh stamp for a form being served. */
  issueStamp(): string {
    return this.deps.stamps.issue();
  }

  async submit(input: FeedbackInput, clientAddress: string): Promise<FeedbackOutcome> {
    const now = this.deps.clock();
    const counted = await this.deps.counters.hit(
      `feedback|${clientAddress}`,
      now.getTime(),
      feedbackThrottle.windowMs,
    );
    if (counted.hits > feedbackThrottle.max) {
      throw new TooManyRequestsError(
        'too much feedback from one address',
        Math.max(1, Math.ceil((counted.windowEndsAt - now.getTime()) / 1000)),
      );
    }
    if (input.trap) return { status: 'accepted' };

    const problems: FeedbackProblem[] = [];
    if (!isFeedbackTopic(input.topic)) problems.push({ field: 'topic', code: 'topicMissing' });
    const message = (input.message ?? '').trim();
    if (message === '') problems.push({ field: 'message', code: 'messageMissing' });
    else if ([...message].length < messageLength.min)
      problems.push({ field: 'message', code: 'messageTooShort' });
    else if ([...message].length > messageLength.max)
      problems.push({ field: 'message', code: 'messageTooLong' });
    const emailText = (input.email ?? '').trim();
    const email = emailText === '' ? null : normaliseEmail(emailText);
    if (emailText !== '' && email === null) problems.push({ field: 'email', code: 'emailInvalid' });
    const stamp = this.deps.stamps.check(input.stamp);
    if (stamp !== 'ok') problems.push({ field: 'form', code: stamp });
    if (problems.length > 0) return { status: 'rejected', problems };

    await this.deps.repository.insert({
      receivedAt: now.toISOString(),
      topic: input.topic!,
      message,
      replyEmail: email,
      locale: input.locale,
    });
    return { status: 'accepted' };
  }

  /** For operators (`asiointitili feedback list`). */
  async listNewest(limit: number): Promise<FeedbackRow[]> {
    return this.deps.repository.listNewest(limit);
  }

  /** Erases feedback older than FEEDBACK_RETENTION_DAYS; returns how many. */
  async purgeExpired(): Promise<number> {
    return this.deps.repository.purgeBefore(
      retentionCutoff(this.deps.clock(), this.deps.retentionDays).toISOString(),
    );
  }
}
