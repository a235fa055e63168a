import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../../db/schema.js';
import type { ApiPrincipal } from '../organisations/credential-service.js';
import type { CitizenMessageView, MessageQueryService } from './message-query-service.js';

/** MessageFromEndUserResponse: v1's thread names the message replied to as well as the root. */
export interface V1CitizenMessageView {
  messageId: number;
  createdAt: string;
  electronic: {
    messageId: number;
    createdAt: string;
    title: string;
    body: string;
    attachments: CitizenMessageView['electronic']['attachments'];
    thread?: { inReplyToMessageId: number; rootMessageId: number };
  };
  sender: CitizenMessageView['sender'];
}

/**
 * GET /v1/messages/{id}: the v2 view (which does the scoping, retention and decryption) reshaped.
 * The v2 view has no `inReplyToMessageId`, so that one column is read here, only for a message the
 * v2 view has already shown to belong to the caller.
 */
export class V1CitizenMessageReader {
  constructor(
    private readonly queries: MessageQueryService,
    private readonly db: Kysely<DatabaseSchema>,
  ) {}

  async read(principal: ApiPrincipal, messageId: number): Promise<V1CitizenMessageView> {
    const view = await this.queries.citizenMessage(principal, messageId);
    const { electronic } = view;
    const v1: V1CitizenMessageView = {
      messageId: view.messageId,
      createdAt: view.createdAt,
      electronic: {
        messageId: electronic.messageId,
        createdAt: electronic.createdAt,
        title: electronic.title,
        body: electronic.body,
        attachments: electronic.attachments,
      },
      sender: view.sender,
    };
    if (electronic.thread) {
      const row = await this.db
        .selectFrom('messages')
        .select('in_reply_to')
        .where('id', '=', messageId)
        .where('organisation_id', '=', principal.organisationId)
        .executeTakeFirst();
      v1.electronic.thread = {
        inReplyToMessageId: row?.in_reply_to ?? electronic.thread.rootMessageId,
        rootMessageId: electronic.thread.rootMessageId,
      };
    }
    return v1;
  }
}
