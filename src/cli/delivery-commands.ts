import type { Command } from 'commander';
import { loadConfig } from '../config/config.js';
import type { DeliveryStatus } from '../modules/delivery/index.js';
import type { AppServices } from '../services.js';
import { progress } from './progress.js';

/**
 * Boots without the worker, runs `work`, and always closes the database. Log lines go to stderr with
 * the progress messages, so stdout carries only the command's own (JSON or table) output. The
 * service layer is loaded only when a command runs.
 */
async function withServices(work: (services: AppServices) => Promise<void>): Promise<void> {
  const [{ bootstrap }, { destination }] = await Promise.all([import('../bootstrap.js'), import('pino')]);
  const { context, services } = await bootstrap(loadConfig(), {
    demo: false,
    demoDataDirKey: true,
    progress,
    logDestination: destination(2),
  });
  try {
    await work(services);
  } finally {
    await context.database.close();
  }
}

function pad(text: string | number, width: number): string {
  return String(text).padEnd(width);
}

/** A table for people; `--json` gives the same data for scripts. */
export function formatStatus(status: DeliveryStatus): string {
  // "due" waits for a worker now; "scheduled" is not due yet (reminders, retries after a backoff).
  const lines = [
    `${pad('channel', 10)}${pad('due', 9)}${pad('scheduled', 11)}${pad('running', 9)}${pad('done', 9)}failed`,
  ];
  const channels = Object.keys(status.channels).sort();
  if (channels.length === 0) lines.push('(no delivery jobs)');
  for (const channel of channels) {
    const counts = status.channels[channel]!;
    lines.push(
      `${pad(channel, 10)}${pad(counts.pending, 9)}${pad(counts.scheduled, 11)}${pad(counts.running, 9)}` +
        `${pad(counts.done, 9)}${counts.failed}`,
    );
  }
  if (status.failed.length > 0) {
    lines.push('', 'recently failed jobs:');
    for (const job of status.failed) {
      const subject = job.messageId === null ? '' : ` message ${job.messageId}`;
      lines.push(
        `  job ${job.id} ${job.kind}${subject}, ${job.attempts} attempt(s), ${job.finishedAt ?? '?'}: ${job.lastError ?? 'unknown error'}`,
      );
    }
  }
  if (status.printBatches.length > 0) {
    lines.push('', 'recent print batches:');
    for (const batch of status.printBatches) {
      const when = batch.sentAt ? `sent ${batch.sentAt}` : `opened ${batch.openedAt}`;
      lines.push(
        `  ${batch.id} ${batch.state}, ${batch.letterCount} letter(s), ${batch.pageCount} page(s), ${when}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

/** Operator commands: deliveries status/retry, print flush. */
export function registerDeliveryCommands(program: Command): void {
  const deliveries = program
    .command('deliveries')
    .description('inspect and repair the delivery queue (e-mail, SMS, paper letters)');

  deliveries
    .command('status')
    .description('job counts per channel and state, recent failures and print batches')
    .option('--json', 'print the status as JSON')
    .action(async (options: { json?: boolean }) => {
      await withServices(async (services) => {
        const status = await services.delivery.status();
        process.stdout.write(options.json ? `${JSON.stringify(status, null, 2)}\n` : formatStatus(status));
      });
    });

  deliveries
    .command('retry')
    .description('put failed delivery jobs back in the queue with a fresh failure window')
    .option('--failed', 'retry every job in the failed state')
    .action(async (options: { failed?: boolean }) => {
      if (!options.failed) throw new Error('say which jobs to retry: --failed');
      await withServices(async (services) => {
        const count = await services.delivery.retryFailed();
        progress(`${count} failed job(s) queued again`);
        process.stdout.write(`${JSON.stringify({ requeued: count })}\n`);
      });
    });

  const print = program.command('print').description('paper mail print batches');
  print
    .command('flush')
    .description('close the open print batch now and write it to PRINT_DIR')
    .action(async () => {
      await withServices(async (services) => {
        const written = await services.delivery.printBatches.flush();
        if (written.length === 0) progress('no letters waiting for printing');
        for (const batch of written) {
          progress(
            `print batch ${batch.batchId}: ${batch.letters} letter(s), ${batch.pages} page(s) in ${batch.directory}`,
          );
        }
        process.stdout.write(`${JSON.stringify({ batches: written })}\n`);
      });
    });
}
