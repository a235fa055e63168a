import {
  createDeliveryServices,
  type DeliveryOptions,
  type DeliveryProviders,
  type DeliveryServices,
} from '../../src/modules/delivery/index.js';
import assert from 'node:assert/strict';
import { deemedReceivedLetter } from '../../src/domain/legal-dates.js';
import { eventTypesOf, messageRow } from './stored-rows.js';
import type { TestHarness } from './test-app.js';

/**
 * Options that keep tests deterministic (no jitter). The provider time-outs stay at their production
 * length: a local test server always answers, but on a busy machine maybe not within a second, and a
 * short time-out would turn that into a spurious failure. A test of the time-out itself shortens it
 * while its stand-in never answers.
 */
export const testDeliveryOptions: Partial<DeliveryOptions> = {
  retryBaseDelayMs: 60_000,
  retryMaxDelayMs: 3600_000,
  leaseMs: 60_000,
  random: () => 0.5,
};

/** Delivery services on the harness's context, with test options and optional provider stand-ins. */
export function deliveryFor(
  h: TestHarness,
  overrides: Partial<DeliveryOptions> = {},
  providers: DeliveryProviders = {},
): DeliveryServices {
  return createDeliveryServices(
    h.context,
    h.services.evidence.recorder,
    { ...testDeliveryOptions, ...overrides },
    providers,
  );
}

/** Runs due jobs until none are due (at the harness's current time). */
export async function drain(delivery: DeliveryServices, maxRounds = 100): Promise<number> {
  let total = 0;
  for (let round = 0; round < maxRounds; round++) {
    const claimed = await delivery.worker.runDueJobs();
    total += claimed;
    if (claimed === 0) return total;
  }
  throw new Error('the outbox did not drain');
}

/**
 * Marks a message's receipt confirmed at `at`, straight in its row: what reminders and paper
 * fallbacks look at, without the reading service's feed event and audit.
 */
export async function confirmReceipt(h: TestHarness, messageId: number, at: Date): Promise<void> {
  await h.context.database.db
    .updateTable('messages')
    .set({ receipt_confirmed_at: at.toISOString() })
    .where('id', '=', messageId)
    .execute();
}

/** The feed events of a letter that went into a print batch, in order. */
export const printedLetterEvents = ['Paper mail created', 'Sent for printing and enveloping'];

/**
 * Asserts what handing a letter to printing leaves on its message: the feed events and the
 * deemed-received date of a letter posted at `postedAt` (which the caller may pin further). Gives
 * that date.
 */
export async function assertHandedToPrinting(
  h: TestHarness,
  messageId: number,
  postedAt: Date,
): Promise<string> {
  assert.deepEqual(await eventTypesOf(h.context, messageId), printedLetterEvents);
  const { deemed_received_on: deemedReceivedOn } = await messageRow(h, messageId);
  assert.equal(deemedReceivedOn, deemedReceivedLetter(postedAt));
  return deemedReceivedOn!;
}
