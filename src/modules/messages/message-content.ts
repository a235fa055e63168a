import type { Envelope } from '../../crypto/envelope.js';

/**
 * The additional-data contexts under which message fields are encrypted. Every module that reads or
 * writes message content uses these, so a ciphertext from one column never decrypts as another.
 * (Message ids are not known before insert, so the binding is per column; attachments, whose ids are
 * generated up front, are bound to their own id.)
 */
export const contentContext = {
  title: 'messages.title',
  body: 'messages.body',
  paper: 'messages.paper',
  attachment: (attachmentId: string) => `attachments.content:${attachmentId}`,
} as const;

export function encryptText(envelope: Envelope, text: string, context: string): Buffer {
  return envelope.encrypt(Buffer.from(text, 'utf8'), context);
}

export function decryptText(envelope: Envelope, blob: Buffer, context: string): string {
  return envelope.decryptText(blob, context);
}
