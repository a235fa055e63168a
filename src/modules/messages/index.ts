import type { AppContext } from '../../app-context.js';
import { CredentialRepository } from '../organisations/credential-repository.js';
import { CredentialService } from '../organisations/credential-service.js';
import { purgeCutoffs } from '../organisations/login-throttle.js';
import type { ScryptCost } from '../organisations/password-hashing.js';
import type { OrganisationService } from '../organisations/organisation-service.js';
import { AttachmentRepository } from './attachment-repository.js';
import { AttachmentService } from './attachment-service.js';
import { EventFeedService } from './event-feed-service.js';
import { FeedRepository } from './feed-repository.js';
import { MailboxStatusService } from './mailbox-status-service.js';
import { MessageQueryService } from './message-query-service.js';
import { MessageRepository } from './message-repository.js';
import { MessageSendingService } from './message-sending-service.js';
import { RecipientRepository } from './recipient-repository.js';

/** Services of the organisation API: credentials and tokens, mailboxes, attachments, sending, events. */
export interface MessagingServices {
  credentials: CredentialService;
  mailboxes: MailboxStatusService;
  attachments: AttachmentService;
  sending: MessageSendingService;
  events: EventFeedService;
  queries: MessageQueryService;
  /**
   * Housekeeping for the worker: unused uploads older than 24 h, feed events older than 60 days,
   * expired tokens and stale login-throttling rows. Returns how many rows were removed.
   */
  purgeExpired(): Promise<number>;
}

export interface MessagingOptions {
  /** scrypt cost for new password hashes; only tests lower it. */
  passwordHashCost?: ScryptCost;
}

export function createMessagingServices(
  context: AppContext,
  deps: { organisations: OrganisationService },
  options: MessagingOptions = {},
): MessagingServices {
  const db = context.database.db;
  const clock = context.clock;
  const credentials = new CredentialService(new CredentialRepository(db), deps.organisations, clock, {
    tokenTtlSeconds: context.config.apiTokenTtlSeconds,
    ...(options.passwordHashCost ? { hashCost: options.passwordHashCost } : {}),
  });
  const attachmentRepository = new AttachmentRepository(db);
  const feedRepository = new FeedRepository(db);
  const attachments = new AttachmentService(attachmentRepository, context.envelope, clock);
  const events = new EventFeedService(feedRepository, clock);
  return {
    credentials,
    mailboxes: new MailboxStatusService(new RecipientRepository(db)),
    attachments,
    sending: new MessageSendingService(db, context.envelope, deps.organisations, clock),
    events,
    queries: new MessageQueryService(
      new MessageRepository(db),
      attachmentRepository,
      feedRepository,
      deps.organisations,
      context.populationRegister,
      context.envelope,
      clock,
    ),
    purgeExpired: () => purgeOrganisationApiData(context),
  };
}

/**
 * The worker's purge for the organisation API (unused uploads after 24 h, events after 60 days,
 * expired tokens, login-throttling rows that no longer matter). Safe to run from several workers at once.
 */
export async function purgeOrganisationApiData(context: AppContext): Promise<number> {
  const db = context.database.db;
  const clock = context.clock;
  const uploads = await new AttachmentService(
    new AttachmentRepository(db),
    context.envelope,
    clock,
  ).purgeUnused();
  const events = await new EventFeedService(new FeedRepository(db), clock).purgeExpired();
  const now = clock();
  const credentials = await new CredentialRepository(db).purgeExpired(now.toISOString(), purgeCutoffs(now));
  return uploads + events + credentials;
}
