import type { OutboxState } from '../../db/schema.js';
import { channelOf } from './job-kinds.js';
import type { FailedJobSummary, OutboxRepository } from './outbox-repository.js';
import type { BatchSummary, PrintBatchRepository } from './print-batch-repository.js';

export interface DeliveryStatus {
  /** Job counts per channel and state; every state is present for every channel seen. */
  channels: Record<string, Record<OutboxState, number>>;
  /** The most recent failed jobs (ids, kinds and the non-personal failure reason only). */
  failed: FailedJobSummary[];
  printBatches: BatchSummary[];
}

const states: OutboxState[] = ['pending', 'running', 'done', 'failed'];

/** What `asiointitili deliveries status` shows. Holds no personal data by construction. */
export async function deliveryStatus(
  outbox: OutboxRepository,
  batches: PrintBatchRepository,
): Promise<DeliveryStatus> {
  const channels: DeliveryStatus['channels'] = {};
  for (const row of await outbox.countByKindAndState()) {
    const channel = channelOf(row.kind);
    const counts = (channels[channel] ??= Object.fromEntries(states.map((s) => [s, 0])) as Record<
      OutboxState,
      number
    >);
    counts[row.state] = (counts[row.state] ?? 0) + row.count;
  }
  return { channels, failed: await outbox.listFailed(20), printBatches: await batches.recentBatches(5) };
}
