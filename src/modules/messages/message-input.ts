/**
 * What an organisation sends, in the contract's own shapes (messages.api.rest.v2.*). The HTTP layer
 * validates requests against TypeBox schemas of the same shapes; these types keep the service
 * independent of HTTP.
 */
export type MessageServiceType = 'Normal' | 'Verifiable';

/**
 * Whom a message is sent for: the sending pipeline needs only the organisation. An API client (its
 * ApiPrincipal) and a staff member acting for the organisation both are one.
 */
export interface SendingPrincipal {
  organisationId: number;
}

export interface AttachmentReference {
  attachmentId: string;
}

export interface LocalisedTexts {
  fi: string;
  sv: string;
  en: string;
}

export interface NotificationsInput {
  customisedNewMessageNotification?: { title: LocalisedTexts; content: LocalisedTexts } | undefined;
  senderDetailsInNotifications: 'Organisation and service name' | 'None';
  unreadMessageNotification: { reminder: 'Default reminder' | 'No reminders' };
}

export interface ElectronicPartInput {
  attachments: AttachmentReference[];
  body: string;
  bodyFormat: 'Text' | 'Markdown';
  inReplyToMessageId?: number | undefined;
  messageServiceType: MessageServiceType;
  notifications: NotificationsInput;
  replyAllowedBy: 'Anyone' | 'No one';
  title: string;
  visibility: 'Normal' | 'Recipient only';
}

export interface AddressInput {
  additionalName?: string | undefined;
  city: string;
  countryCode: string;
  name: string;
  streetAddress: string;
  zipCode: string;
}

export interface PaperMailPartInput {
  attachments: AttachmentReference[];
  colorPrinting: boolean;
  createAddressPage: boolean;
  messageServiceType: MessageServiceType;
  /**
   * The organisation's Posti printing account, as the contract has it. Our own print batches do not
   * use it, so a letter a staff member sends without one (their organisation's account is not
   * theirs to give) prints the same.
   */
  printingAndEnvelopingService?: {
    costPool?: string | undefined;
    postiMessaging: { contactDetails: { email: string }; password: string; username: string };
  };
  recipient: { address: AddressInput };
  rotateLandscapePages: boolean;
  sender: { address: AddressInput };
  twoSidedPrinting: boolean;
}

/** Who sends a message to whom, under the sender's own id for it: the same in every version's requests. */
export interface AddressedMessage {
  externalId: string;
  recipient: { id: string };
  sender: { serviceId: string };
}

/** A message with an electronic part; v1 requests name their own part's shape as `E`. */
export interface ElectronicMessageRequest<E = ElectronicPartInput> extends AddressedMessage {
  electronic: E;
}

export interface MultichannelMessageRequest extends ElectronicMessageRequest {
  paperMail: PaperMailPartInput;
  /** The paper part exactly as the organisation sent it, when that differs from `paperMail` (v1). */
  storedPaperPart?: object;
}

export interface PaperMailWithoutIdRequest {
  externalId: string;
  paperMail: PaperMailPartInput;
  sender: { serviceId: string };
  /** The paper part exactly as the organisation sent it, when that differs from `paperMail` (v1). */
  storedPaperPart?: object;
}

/** 'created', or 'duplicate' when the externalId was already used by the service (HTTP 409). */
export interface SendResult {
  messageId: number;
  created: boolean;
}

/** How the message came in; kept in `options` for the citizen side and delivery. */
export type SentVia = 'electronic' | 'multichannel' | 'paper-mail-without-id';

/** The `messages.options` JSON written for messages from organisations. */
export interface OutgoingMessageOptions {
  sentVia: SentVia;
  /** The contract's notifications object as given (absent for paper mail without id). */
  notifications?: NotificationsInput;
}
