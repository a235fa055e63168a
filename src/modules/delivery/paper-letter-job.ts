import { createHash, randomUUID } from 'node:crypto';
import type { Envelope } from '../../crypto/envelope.js';
import { isValidIdentityCode } from '../../domain/identity-code.js';
import { helsinkiDate } from '../../domain/legal-dates.js';
import type { EvidenceRecorder } from '../evidence/index.js';
import { appendFeedEventInTransaction, contentContext, decryptText } from '../messages/index.js';
import type { Language, PopulationRegister } from '../population-register/index.js';
import { PermanentDeliveryError, RetryableDeliveryError } from './delivery-errors.js';
import type { DeliveryOptions } from './delivery-options.js';
import type { ClaimedJob, Job, JobHandler, JobOutcome, Trx } from './job-handler.js';
import { jobKinds } from './job-kinds.js';
import { composeLetter } from './letter-composer.js';
import {
  addressLines,
  parsePaperMailRequest,
  type PaperAddress,
  type PaperMailRequest,
} from './paper-mail-request.js';
import type { PaperMessage, PaperRepository } from './paper-repository.js';
import type { PrintBatchRepository } from './print-batch-repository.js';

/** Letters are encrypted at rest bound to their id, like attachments. */
export const letterContext = (letterId: string) => `print_letters.pdf:${letterId}`;

interface Recipient {
  lines: string[];
  language: Language;
  /** The address was looked up in the population register, not given by the sender. */
  fromRegister: boolean;
}

function formatDate(isoDay: string): string {
  const [year, month, day] = isoDay.split('-').map(Number);
  return `${day}.${month}.${year}`;
}

function organisationName(message: PaperMessage, language: Language): string {
  const names = message.organisation.name;
  return (language === 'sv' ? names.sv : language === 'en' ? names.en : null) ?? names.fi;
}

/**
 * Turns a message's paper part into a PDF letter in the open print batch: immediately for paper
 * messages, and after 7 days for a verifiable message nobody acknowledged. Runs again safely: the
 * letter and its "Paper mail created" event are written in the transaction that completes the job.
 *
 * The recipient's address comes from the request, or – when the sender gave only an identity code –
 * from the population register at this moment. It appears only inside the letter: never in logs,
 * errors, events or the manifest, which matters for people with address protection (turvakielto).
 */
type PaperKind = typeof jobKinds.paperLetter | typeof jobKinds.verifiablePaperFallback;

export class PaperLetterJob implements JobHandler<PaperKind> {
  readonly kinds = [jobKinds.paperLetter, jobKinds.verifiablePaperFallback];
  readonly channel = 'paper' as const;

  constructor(
    private readonly deps: {
      paper: PaperRepository;
      batches: PrintBatchRepository;
      envelope: Envelope;
      register: PopulationRegister;
      clock: () => Date;
      options: DeliveryOptions;
      /** A letter that fails for good is recorded as DeliveryNonDelivery in the failing transaction. */
      evidence: EvidenceRecorder;
    },
  ) {}

  async run(job: Job<PaperKind>): Promise<JobOutcome> {
    if (job.messageId === null) throw new PermanentDeliveryError('letter job without a message');
    const message = await this.deps.paper.findMessage(job.messageId);
    if (!message) throw new PermanentDeliveryError('message not found');
    if (job.kind === jobKinds.verifiablePaperFallback && message.receiptConfirmedAt !== null) {
      return { result: 'skipped' };
    }
    if (!message.paperEnc) {
      if (job.kind === jobKinds.verifiablePaperFallback) return { result: 'skipped' };
      throw new PermanentDeliveryError('message has no paper part');
    }
    const request = this.readRequest(message.paperEnc);
    const recipient = await this.recipient(message, request);
    const document = await this.document(message, request);
    const language = recipient.language;
    const senderName = organisationName(message, language);
    // Without an address page the organisation's own first page must carry the address; it cannot
    // when the address came from the register at print time (the sender never knew it), so the
    // letter then gets an address page regardless.
    const flags = { ...request.flags, addressPage: request.flags.addressPage || recipient.fromRegister };
    const composed = await composeLetter({
      recipient: recipient.lines,
      returnAddress: this.returnAddress(message, request, senderName),
      senderName,
      title: this.title(message),
      date: formatDate(helsinkiDate(this.deps.clock())),
      language,
      document,
      flags,
      window: this.deps.options.addressWindow,
    });
    const letterId = randomUUID();
    const pdfEnc = this.deps.envelope.encrypt(composed.pdf, letterContext(letterId));
    const sha256 = createHash('sha256').update(composed.pdf).digest('hex');
    return {
      result: 'sent',
      metricOutcome: 'queued',
      commit: async (trx, now) => {
        await this.deps.batches.addLetter(
          trx,
          {
            id: letterId,
            messageId: message.id,
            jobId: job.id,
            pages: composed.pages,
            flags,
            pdfEnc,
            sha256,
          },
          now,
        );
        // The organisation API records "Paper mail created" when it accepts a paper message; a
        // verifiable message that falls back to paper gets it here, when its letter is made.
        if (!(await this.deps.paper.hasFeedEvent(trx, message.id, 'Paper mail created'))) {
          await appendFeedEventInTransaction(trx, {
            organisationId: message.organisationId,
            messageId: message.id,
            serviceId: message.serviceId,
            externalId: message.externalId,
            type: 'Paper mail created',
            occurredAt: now,
          });
        }
      },
    };
  }

  /** The sender learns that the letter will not go out (the contract's closest event type). */
  readonly onFailed = async (trx: Trx, job: ClaimedJob, now: Date): Promise<void> => {
    if (job.messageId === null) return;
    const message = await this.deps.batches.messageForEvent(trx, job.messageId);
    if (!message) return;
    await appendFeedEventInTransaction(trx, { ...message, type: 'Posti: unresolved', occurredAt: now });
    await this.deps.evidence.recordInTransaction(trx, job.messageId, 'not-delivered', now, {
      channel: 'paper',
    });
  };

  private readRequest(paperEnc: Buffer): PaperMailRequest {
    try {
      return parsePaperMailRequest(decryptText(this.deps.envelope, paperEnc, contentContext.paper));
    } catch {
      throw new PermanentDeliveryError('paper part cannot be read');
    }
  }

  private async recipient(message: PaperMessage, request: PaperMailRequest): Promise<Recipient> {
    let registered;
    if (message.recipientId && isValidIdentityCode(message.recipientId)) {
      try {
        registered = await this.deps.register.findByIdentityCode(message.recipientId.toUpperCase());
      } catch {
        throw new RetryableDeliveryError('population register unavailable');
      }
    }
    const language = registered?.language ?? 'fi';
    if (request.recipientAddress) {
      return { lines: addressLines(request.recipientAddress), language, fromRegister: false };
    }
    if (!registered) throw new PermanentDeliveryError('no postal address for the recipient');
    if (!registered.address) throw new PermanentDeliveryError('no postal address for the recipient');
    const address: PaperAddress = {
      name: `${registered.firstNames} ${registered.lastName}`,
      additionalName: undefined,
      streetAddress: registered.address.streetAddress,
      zipCode: registered.address.postalCode,
      city: registered.address.city,
      countryCode: registered.address.countryCode,
    };
    return { lines: addressLines(address), language, fromRegister: true };
  }

  private async document(message: PaperMessage, request: PaperMailRequest): Promise<Buffer> {
    if (!request.documentId) throw new PermanentDeliveryError('paper part names no PDF');
    const stored = await this.deps.paper.findDocument(request.documentId, message.organisationId);
    if (!stored) throw new PermanentDeliveryError('the letter PDF is missing');
    const content = this.deps.envelope.decrypt(stored.contentEnc, contentContext.attachment(stored.id));
    if (content.subarray(0, 5).toString('latin1') !== '%PDF-') {
      throw new PermanentDeliveryError('the letter document is not a PDF');
    }
    return content;
  }

  private returnAddress(message: PaperMessage, request: PaperMailRequest, senderName: string): string[] {
    if (request.senderAddress) return addressLines(request.senderAddress);
    const { streetAddress, postalCode, city } = message.organisation;
    const lines = [senderName];
    if (streetAddress) lines.push(streetAddress);
    if (postalCode || city) lines.push([postalCode, city].filter(Boolean).join(' '));
    return lines;
  }

  private title(message: PaperMessage): string {
    try {
      return decryptText(this.deps.envelope, message.titleEnc, contentContext.title);
    } catch {
      // The letter goes out with the organisation's own document even if our copy of the title
      // cannot be read; the title on the address page is a courtesy.
      return '';
    }
  }
}
