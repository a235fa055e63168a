import path from 'node:path';
import type { AppContext } from '../../app-context.js';
import type { PeriodicTask } from '../../worker/worker.js';
import type { EvidenceRecorder } from '../evidence/index.js';
import { resolveDeliveryOptions, type DeliveryOptions } from './delivery-options.js';
import { purgeDeliveryHistory } from './delivery-retention.js';
import { deliveryStatus, type DeliveryStatus } from './delivery-status.js';
import { FileEmailSender, SmtpEmailSender, type EmailSender } from './email-sender.js';
import { createJobHandlers } from './job-handlers.js';
import { OutboxRepository } from './outbox-repository.js';
import { OutboxWorker } from './outbox-worker.js';
import { PrintBatchRepository } from './print-batch-repository.js';
import { PrintBatchService } from './print-batch-service.js';
import { FileSmsSender, HttpSmsSender, type SmsSender } from './sms-sender.js';

export type { DeliveryOptions } from './delivery-options.js';
export { planMessageDelivery, planWelcomeNotification } from './delivery-planner.js';
export { letterContext } from './paper-letter-job.js';
// For the benchmark (bench/pdf-letters.ts): the composer alone, without a job or a database.
export { composeLetter, type LetterInput } from './letter-composer.js';
export { defaultAddressWindow } from './delivery-options.js';
export type { DeliveryStatus } from './delivery-status.js';
export { deliveryPurgeBatchSize } from './delivery-retention.js';
export { channelOf } from './job-kinds.js';
export type { DeliveryChannel } from './job-kinds.js';

/** Services of the delivery module (outbox worker, notifications, paper letters, print batches). */
export interface DeliveryServices {
  worker: OutboxWorker;
  printBatches: PrintBatchService;
  options: DeliveryOptions;
  /** Counts per channel and state, recent failures and print batches (operators). */
  status(): Promise<DeliveryStatus>;
  /** Puts every failed job back in the queue with a fresh failure window; returns how many. */
  retryFailed(): Promise<number>;
  /**
   * Deletes one batch of jobs finished more than DELIVERY_RETENTION_DAYS ago, with their attempts;
   * returns how many jobs (see delivery-retention.ts).
   */
  purgeFinishedJobs(): Promise<number>;
}

export interface DeliveryProviders {
  email?: EmailSender;
  sms?: SmsSender;
}

function defaultEmailSender(context: AppContext, options: DeliveryOptions): EmailSender {
  const { config } = context;
  const domain = config.publicUrl.hostname || 'localhost';
  return config.smtpUrl
    ? new SmtpEmailSender({
        smtpUrl: config.smtpUrl,
        from: config.mailFrom,
        messageIdDomain: domain,
        timeoutMs: options.smtpTimeoutMs,
      })
    : new FileEmailSender({
        dir: path.join(config.dataDir, 'outbox', 'email'),
        from: config.mailFrom,
        messageIdDomain: domain,
      });
}

function defaultSmsSender(context: AppContext, options: DeliveryOptions): SmsSender {
  const { config } = context;
  return config.smsGatewayUrl
    ? new HttpSmsSender({ url: config.smsGatewayUrl, timeoutMs: options.smsTimeoutMs })
    : new FileSmsSender({ dir: path.join(config.dataDir, 'outbox', 'sms') });
}

/**
 * `evidence` is the evidence module's recorder (notifications, letters handed to printing and failed
 * letters are recorded). `overrides` and `providers` exist for tests and embedding; production takes
 * the defaults and the providers configured by SMTP_URL and SMS_GATEWAY_URL.
 */
export function createDeliveryServices(
  context: AppContext,
  evidence: EvidenceRecorder,
  overrides: Partial<DeliveryOptions> = {},
  providers: DeliveryProviders = {},
): DeliveryServices {
  const options = resolveDeliveryOptions(overrides);
  const db = context.database.db;
  const email = providers.email ?? defaultEmailSender(context, options);
  const sms = providers.sms ?? defaultSmsSender(context, options);
  const outbox = new OutboxRepository(db);
  const batches = new PrintBatchRepository(db);
  const worker = new OutboxWorker({
    db,
    repository: outbox,
    handlers: createJobHandlers(context, options, { email, sms }, evidence),
    clock: context.clock,
    logger: context.logger,
    metrics: context.metrics,
    options,
    failAfterMs: context.config.deliveryFailAfterHours * 3600_000,
  });
  const printBatches = new PrintBatchService({
    db,
    batches,
    envelope: context.envelope,
    clock: context.clock,
    logger: context.logger,
    metrics: context.metrics,
    printDir: context.config.printDir,
    options,
    evidence,
  });
  return {
    worker,
    printBatches,
    options,
    status: () => deliveryStatus(outbox, batches, context.clock()),
    retryFailed: () => outbox.retryFailed(context.clock()),
    purgeFinishedJobs: () =>
      purgeDeliveryHistory(outbox, context.clock(), context.config.deliveryRetentionDays),
  };
}

export function deliveryTasks(_context: AppContext, services: DeliveryServices): PeriodicTask[] {
  return [
    {
      name: 'delivery-jobs',
      intervalMs: services.options.pollIntervalMs,
      run: async () => (await services.worker.runDueJobs()) > 0,
    },
    {
      name: 'print-batches',
      intervalMs: services.options.printCheckIntervalMs,
      run: async () => {
        await services.printBatches.closeDueBatches();
      },
    },
  ];
}
