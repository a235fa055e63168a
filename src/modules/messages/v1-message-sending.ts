import { ValidationError } from '../../errors.js';
import type { ApiPrincipal } from '../organisations/index.js';
import type { SendResult } from './message-input.js';
import type { MessageSendingService } from './message-sending-service.js';
import {
  electronicOnlyFromV1,
  electronicPartFromV1,
  paperPartFromV1,
  type V1ElectronicMessageRequest,
  type V1MultichannelMessageRequest,
  type V1PaperMailWithoutIdRequest,
} from './v1-message-input.js';

type Rename = [RegExp, string];

/** v2 field names in the service's errors → the names the v1 caller used. */
const multichannelNames: Rename[] = [
  [/^(electronic|paperMail)\.attachments\[(\d+)\]\.attachmentId$/, '$1.files[$2].fileId'],
  [/^(electronic|paperMail)\.attachments$/, '$1.files'],
];
const paperWithoutIdNames: Rename[] = [
  [/^paperMail\.attachments\[(\d+)\]\.attachmentId$/, 'files[$1].fileId'],
  [/^paperMail\.attachments$/, 'files'],
  [/^paperMail\./, ''],
];

/** Re-raises a validation error under the caller's v1 field name; everything else unchanged. */
async function inV1Names<T>(renames: Rename[], send: () => Promise<T>): Promise<T> {
  try {
    return await send();
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    const rule = renames.find(([pattern]) => pattern.test(error.field));
    if (!rule) throw error;
    const field = error.field.replace(rule[0], rule[1]);
    const detail = error.message.slice(error.field.length + 2);
    throw new ValidationError(field, detail, error.code);
  }
}

/**
 * The deprecated v1 sending endpoints, translated onto the v2 MessageSendingService so both versions
 * share every rule (ownership of uploads, idempotency by externalId, one transaction).
 */
export class V1MessageSending {
  constructor(private readonly deps: { sending: MessageSendingService }) {}

  /**
   * The v1 contract says a reply to a message that does not exist (it may have been deleted) is sent
   * as if it were not a reply, where v2 refuses it; nothing is stored by the refused attempt.
   */
  async sendElectronic(principal: ApiPrincipal, request: V1ElectronicMessageRequest): Promise<SendResult> {
    const electronic = electronicOnlyFromV1(request.electronic);
    const v2 = { ...request, electronic };
    try {
      return await this.deps.sending.sendElectronic(principal, v2);
    } catch (error) {
      const replyMissing =
        error instanceof ValidationError && error.code === 'MESSAGE_BEING_REPLIED_TO_NOT_FOUND';
      if (!replyMissing) throw error;
      delete electronic.inReplyToMessageId;
      return this.deps.sending.sendElectronic(principal, v2);
    }
  }

  sendMultichannel(principal: ApiPrincipal, request: V1MultichannelMessageRequest): Promise<SendResult> {
    return inV1Names(multichannelNames, () =>
      this.deps.sending.sendMultichannel(principal, {
        externalId: request.externalId,
        recipient: request.recipient,
        sender: request.sender,
        electronic: electronicPartFromV1(request.electronic),
        paperMail: paperPartFromV1(request.paperMail),
        storedPaperPart: request.paperMail,
      }),
    );
  }

  /** The whole v1 body is the paper object here (its fields are top level), so it is stored whole. */
  sendPaperWithoutId(principal: ApiPrincipal, request: V1PaperMailWithoutIdRequest): Promise<SendResult> {
    return inV1Names(paperWithoutIdNames, () =>
      this.deps.sending.sendPaperWithoutId(principal, {
        externalId: request.externalId,
        sender: { serviceId: request.sender.serviceId },
        paperMail: paperPartFromV1(request),
        storedPaperPart: request,
      }),
    );
  }
}
