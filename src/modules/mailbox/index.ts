import type { AppContext } from '../../app-context.js';
import type { PeriodicTask } from '../../worker/worker.js';
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

export function createMailboxServices(context: AppContext): MailboxServices {
  const repository = new MailboxRepository(context.database.db);
  return {
    reading: new MailboxReadingService(repository, context.envelope, context.clock, context.logger),
    sending: new MailboxSendingService(repository, context.envelope, context.clock),
    purgeExpiredDeletedMessages: () => purgeExpiredDeletedMessages(repository, context.clock()),
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
export type { ComposeProblem, UploadedFile } from './sending-service.js';
export * from './types.js';
