import type { ApiPrincipal } from '../organisations/index.js';
import type { CitizenMessageView, MessageQueryService } from './message-query-service.js';
import type { MessageRepository } from './message-repository.js';

/** MessageFromEndUserResponse: v1's thread names the message replied to as well as the root. */
export type V1CitizenMessageView = Omit<CitizenMessageView, 'electronic'> & {
  electronic: Omit<CitizenMessageView['electronic'], 'thread' | 'messageType'> & {
    thread?: { inReplyToMessageId: number; rootMessageId: number };
  };
};

/**
 * GET /v1/messages/{id}: the v2 view (which does the scoping, retention and decryption) reshaped.
 * The v2 view has no `inReplyToMessageId`, so that one column is read separately, only for a message
 * the v2 view has already shown to belong to the caller.
 */
export class V1CitizenMessageReader {
  constructor(private readonly deps: { queries: MessageQueryService; messages: MessageRepository }) {}

  async read(principal: ApiPrincipal, messageId: number): Promise<V1CitizenMessageView> {
    const view = await this.deps.queries.citizenMessage(principal, messageId);
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
      const inReplyTo = await this.deps.messages.inReplyTo(principal.organisationId, messageId);
      v1.electronic.thread = {
        inReplyToMessageId: inReplyTo ?? electronic.thread.rootMessageId,
        rootMessageId: electronic.thread.rootMessageId,
      };
    }
    return v1;
  }
}
