import type { OutboxState } from '../../db/schema.js';
import { channelOf } from './job-kinds.js';
import type { FailedJobSummary, OutboxRepository } from './outbox-repository.js';
import type { BatchSummary, PrintBatchRepository } from './print-batch-repository.js';

/** `pending`: due now, waiting for a worker; `scheduled`: pending but not due yet (reminders, backoff). */
export type StatusColumn = 'pending' | 'scheduled' | Exclude<OutboxState, 'pending'>;

export interface DeliveryStatus {
  /** Job counts per channel and state; every state is present for every channel seen. */
  channels: Record<string, Record<StatusColumn, number>>;
  /** The most recent failed jobs (ids, kinds and the non-personal failure reason only). */
  failed: FailedJobSummary[];
  printBatches: BatchSummary[];
}

const states: StatusColumn[] = ['pending', 'scheduled', 'running', 'done', 'failed'];

/** What `asiointitili deliveries status` shows. Holds no personal data by construction. */
export async function deliveryStatus(
  outbox: OutboxRepository,
  batches: PrintBatchRepository,
  now: Date,
): Promise<DeliveryStatus> {
  const channels: DeliveryStatus['channels'] = {};
  for (const row of await outbox.countByKindAndState(now.toISOString())) {
    const channel = channelOf(row.kind);
    const counts = (channels[channel] ??= Object.fromEntries(states.map((s) => [s, 0])) as Record<
      StatusColumn,
      number
    >);
    counts[row.state] = (counts[row.state] ?? 0) + row.count;
  }
  return { channels, failed: await outbox.listFailed(20), printBatches: await batches.recentBatches(5) };
}
