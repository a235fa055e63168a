import type { AppContext } from '../../app-context.js';
import { transactionRunner } from '../../db/group-commit.js';
import type { PeriodicTask } from '../../worker/worker.js';
import type { EvidenceBundles, EvidenceRecorder } from '../evidence/index.js';
import { MailboxRepository } from './mailbox-repository.js';
import { purgeBatchSize, purgeExpiredDeletedMessages } from './purge.js';
import { MailboxReadingService } from './reading-service.js';
import { MailboxSendingService } from './sending-service.js';

/** Services of the mailbox module (the citizen's view of messages: read, acknowledge, reply, delete). */
export interface MailboxServices {
  reading: MailboxReadingService;
  sending: MailboxSendingService;
  /** Purges messages deleted more than 60 days ago; returns how many (at most one batch). */
  purgeExpiredDeletedMessages(): Promise<number>;
}

export function createMailboxServices(
  context: AppContext,
  deps: {
    /** The evidence module's: opening and acknowledging are recorded; the citizen downloads bundles. */
    evidence: { recorder: EvidenceRecorder; bundles: EvidenceBundles };
  },
): MailboxServices {
  const repository = new MailboxRepository(context.database.db, transactionRunner(context.database));
  const { envelope, clock } = context;
  return {
    reading: new MailboxReadingService({
      repository,
      envelope,
      clock,
      logger: context.logger,
      evidence: deps.evidence,
    }),
    sending: new MailboxSendingService({ repository, envelope, clock }),
    purgeExpiredDeletedMessages: () => purgeExpiredDeletedMessages(repository, clock()),
  };
}

/** The mailbox's worker task: purge Poistetut after the restoring period (drains in batches). */
export function mailboxTasks(context: AppContext, services: MailboxServices): PeriodicTask[] {
  return [
    {
      name: 'mailbox-purge-deleted',
      intervalMs: 60 * 60 * 1000,
      async run() {
        const purged = await services.purgeExpiredDeletedMessages();
        if (purged > 0) context.logger.info({ purged }, 'purged deleted messages');
        return purged >= purgeBatchSize;
      },
    },
  ];
}

export { ComposeRejected } from './sending-service.js';
export type { ComposeInput, ComposeProblem, ReplyTarget, UploadedFile } from './sending-service.js';
export type { DownloadedAttachment } from './reading-service.js';
export type { OpenService } from './mailbox-repository.js';
export * from './types.js';
