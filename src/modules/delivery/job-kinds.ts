import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { PermanentDeliveryError } from './delivery-errors.js';
import type { ClaimedJob, Job } from './job-handler.js';

/**
 * Every kind of outbox job. The first five are planned by other modules (delivery-planner.ts); the
 * notification kinds fan out into one job per channel, so an SMS gateway outage never resends an
 * e-mail that already went, and each channel retries on its own.
 */
export const jobKinds = {
  newMessageNotification: 'new-message-notification',
  reminder: 'reminder',
  welcomeNotification: 'welcome-notification',
  paperLetter: 'paper-letter',
  verifiablePaperFallback: 'verifiable-paper-fallback',
  email: 'email-notification',
  sms: 'sms-notification',
} as const;

export type JobKind = (typeof jobKinds)[keyof typeof jobKinds];

/** The channel an operator sees a job under; planning jobs only decide which channels to use. */
export type DeliveryChannel = 'email' | 'sms' | 'paper' | 'planning';

const notificationTemplate = Type.Union([
  Type.Literal('new-message'),
  Type.Literal('reminder'),
  Type.Literal('welcome'),
]);

/** Which notification text a channel job sends. */
export type NotificationTemplate = Static<typeof notificationTemplate>;

/**
 * Most jobs need nothing beyond the row's message and account ids. Typed as an empty record so a
 * planner cannot put anything in it; checked leniently, as the handlers never read it.
 */
const noPayload = Type.Unsafe<Record<string, never>>(Type.Object({}));

/** An e-mail or SMS job names only its text: the text is rendered from current data when sent. */
const channelPayload = Type.Object({ template: notificationTemplate });

/**
 * Each kind's channel and payload: the one place both planning (insertJobsInTransaction) and handling
 * (JobHandler.run) take their types from, and the schema a stored payload is checked against.
 */
const jobSpecs = {
  [jobKinds.newMessageNotification]: { channel: 'planning', payload: noPayload },
  [jobKinds.reminder]: { channel: 'planning', payload: noPayload },
  [jobKinds.welcomeNotification]: { channel: 'planning', payload: noPayload },
  [jobKinds.paperLetter]: { channel: 'paper', payload: noPayload },
  [jobKinds.verifiablePaperFallback]: { channel: 'paper', payload: noPayload },
  [jobKinds.email]: { channel: 'email', payload: channelPayload },
  [jobKinds.sms]: { channel: 'sms', payload: channelPayload },
} as const satisfies Record<JobKind, { channel: DeliveryChannel; payload: TSchema }>;

export type JobPayloads = { [K in JobKind]: Static<(typeof jobSpecs)[K]['payload']> };

/** Rows can hold any kind (an older or newer version wrote them); only these have handlers. */
export function isJobKind(kind: string): kind is JobKind {
  return Object.hasOwn(jobSpecs, kind);
}

export function channelOf(kind: string): DeliveryChannel | 'unknown' {
  return isJobKind(kind) ? jobSpecs[kind].channel : 'unknown';
}

/**
 * Turns a claimed row into the job its handler expects: the one check between the stored JSON and
 * the typed payload. The row was written from a typed plan, so a payload that does not match its
 * kind's schema is corrupt (edited by hand, or written by a version with another shape): the error
 * names the kind and the first mismatch, never the payload's values.
 */
export function readJob(job: ClaimedJob): Job {
  const { kind } = job;
  if (!isJobKind(kind)) throw new PermanentDeliveryError(`unknown job kind ${kind}`);
  // The kind and its payload's type are tied by readPayload's signature; the spread loses the tie.
  return { ...job, kind, payload: readPayload(kind, job.payload) } as Job;
}

function readPayload<K extends JobKind>(kind: K, raw: string): JobPayloads[K] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new PermanentDeliveryError(`corrupt ${kind} job payload: not JSON`);
  }
  const schema: TSchema = jobSpecs[kind].payload;
  if (Value.Check(schema, parsed)) return parsed as JobPayloads[K];
  const first = Value.Errors(schema, parsed).First();
  throw new PermanentDeliveryError(
    `corrupt ${kind} job payload: ${first?.path || '/'} ${first?.message ?? 'does not match'}`,
  );
}
