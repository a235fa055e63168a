import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Transporter } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport/index.js';
import type StreamTransport from 'nodemailer/lib/stream-transport/index.js';
import { writeFileAtomically } from './atomic-file.js';
import { PermanentDeliveryError, RetryableDeliveryError } from './delivery-errors.js';

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  html: string;
  language: string;
  /** The From name when MAIL_FROM is an address alone: the service's name in the person's language. */
  senderName?: string | undefined;
  /** The job's idempotency key: the same key on a rerun means the same notification. */
  idempotencyKey: string;
}

/** Hands an e-mail to its next hop; throws a DeliveryError that says whether to retry. */
export interface EmailSender {
  send(mail: OutgoingEmail): Promise<void>;
}

/** Stable per idempotency key, so a resent notification carries the Message-ID of the first try. */
export function messageIdFor(idempotencyKey: string, domain: string): string {
  const digest = createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 40);
  return `<${digest}@${domain}>`;
}

/** MAIL_FROM as configured when it has its own display name; otherwise the address under the mail's. */
function fromHeader(mail: OutgoingEmail, from: string): string | { name: string; address: string } {
  return mail.senderName && !from.includes('<') ? { name: mail.senderName, address: from.trim() } : from;
}

function mailOptions(mail: OutgoingEmail, from: string, messageIdDomain: string) {
  return {
    from: fromHeader(mail, from),
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    messageId: messageIdFor(mail.idempotencyKey, messageIdDomain),
    headers: {
      'X-Idempotency-Key': mail.idempotencyKey,
      'Content-Language': mail.language,
      // RFC 3834: tells auto-responders (out-of-office) not to answer a notification.
      'Auto-Submitted': 'auto-generated',
    },
  };
}

interface SmtpFailure {
  code?: unknown;
  responseCode?: unknown;
  command?: unknown;
}

/**
 * A 5xx answer to the recipient or the message itself will not change on a retry (no such mailbox,
 * message refused); everything else – connection problems, 4xx, authentication or configuration
 * trouble on our side – may well clear, so it is retried until the failure window closes. Only the
 * codes are kept: the server's text usually quotes the recipient's address.
 */
export function classifySmtpError(error: unknown): RetryableDeliveryError | PermanentDeliveryError {
  const failure = (typeof error === 'object' && error !== null ? error : {}) as SmtpFailure;
  const responseCode = typeof failure.responseCode === 'number' ? failure.responseCode : undefined;
  const code = typeof failure.code === 'string' ? failure.code : 'unknown';
  const command = typeof failure.command === 'string' ? failure.command : '';
  const description = `SMTP ${responseCode ?? code}${command ? ` at ${command.split(' ')[0]}` : ''}`;
  const aboutRecipientOrMessage = /^(RCPT|DATA)/.test(command) || code === 'EENVELOPE' || code === 'EMESSAGE';
  if (responseCode !== undefined && responseCode >= 500 && aboutRecipientOrMessage) {
    return new PermanentDeliveryError(description);
  }
  return new RetryableDeliveryError(description);
}

/**
 * nodemailer is loaded when the first e-mail is sent: only the worker sends, and commands that merely
 * wire up the services (operator commands) should not pay for loading it.
 */
async function createTransport(
  options: SMTPTransport.Options | StreamTransport.Options,
): Promise<Transporter> {
  const nodemailer = await import('nodemailer');
  return nodemailer.createTransport(options);
}

/** Sends through SMTP_URL. One connection per message: notifications are rare per second. */
export class SmtpEmailSender implements EmailSender {
  #transport: Promise<Transporter> | undefined;

  constructor(
    private readonly deps: { smtpUrl: string; from: string; messageIdDomain: string; timeoutMs: number },
  ) {}

  private transport(): Promise<Transporter> {
    const { smtpUrl, timeoutMs } = this.deps;
    this.#transport ??= createTransport({
      url: smtpUrl,
      connectionTimeout: timeoutMs,
      greetingTimeout: timeoutMs,
      socketTimeout: timeoutMs,
    });
    return this.#transport;
  }

  async send(mail: OutgoingEmail): Promise<void> {
    const transport = await this.transport();
    try {
      await transport.sendMail(mailOptions(mail, this.deps.from, this.deps.messageIdDomain));
    } catch (error) {
      throw classifySmtpError(error);
    }
  }
}

/**
 * Without SMTP_URL: each notification becomes an .eml file under DATA_DIR/outbox/email, named after
 * its idempotency key, so a rerun overwrites the same file instead of adding a duplicate.
 */
export class FileEmailSender implements EmailSender {
  #transport: Promise<Transporter> | undefined;

  constructor(private readonly deps: { dir: string; from: string; messageIdDomain: string }) {}

  async send(mail: OutgoingEmail): Promise<void> {
    const { dir, from, messageIdDomain } = this.deps;
    this.#transport ??= createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
    const info = await (await this.#transport).sendMail(mailOptions(mail, from, messageIdDomain));
    const raw = info.message;
    if (!Buffer.isBuffer(raw)) throw new RetryableDeliveryError('e-mail could not be composed');
    await writeFileAtomically(path.join(dir, `${fileNameFor(mail.idempotencyKey)}.eml`), raw);
  }
}

/** A file name that is safe on every file system and says nothing about the recipient. */
export function fileNameFor(idempotencyKey: string): string {
  return createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 32);
}
