import path from 'node:path';
import { writeFileAtomically } from './atomic-file.js';
import { PermanentDeliveryError, RetryableDeliveryError } from './delivery-errors.js';
import { fileNameFor } from './email-sender.js';

export interface OutgoingSms {
  /** E.164, Finnish mobile numbers only (checked by the caller). */
  to: string;
  text: string;
  /** The job id: the gateway deduplicates on it, so a rerun after a crash is not a second SMS. */
  reference: string;
  idempotencyKey: string;
}

export interface SmsSender {
  send(sms: OutgoingSms): Promise<void>;
}

/**
 * POSTs `{"to","text","reference"}` as JSON to SMS_GATEWAY_URL. 2xx = accepted; 4xx = the gateway
 * refuses this request and always will (except 408 and 429, which ask us to come back); 5xx,
 * time-outs and network errors are retried.
 */
export class HttpSmsSender implements SmsSender {
  constructor(private readonly deps: { url: URL; timeoutMs: number }) {}

  async send(sms: OutgoingSms): Promise<void> {
    let status: number;
    try {
      const response = await fetch(this.deps.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': sms.idempotencyKey },
        body: JSON.stringify({ to: sms.to, text: sms.text, reference: sms.reference }),
        signal: AbortSignal.timeout(this.deps.timeoutMs),
        redirect: 'error',
      });
      status = response.status;
      // The body is not needed, but reading it frees the connection for reuse.
      await response.arrayBuffer().catch(() => undefined);
    } catch (error) {
      const name = error instanceof Error ? error.name : 'Error';
      throw new RetryableDeliveryError(
        name === 'TimeoutError' ? 'SMS gateway timed out' : 'SMS gateway unreachable',
      );
    }
    if (status >= 200 && status < 300) return;
    if (status >= 400 && status < 500 && status !== 408 && status !== 429) {
      throw new PermanentDeliveryError(`SMS gateway refused with HTTP ${status}`);
    }
    throw new RetryableDeliveryError(`SMS gateway answered HTTP ${status}`);
  }
}

/** Without SMS_GATEWAY_URL: one JSON file per SMS under DATA_DIR/outbox/sms, keyed like e-mails. */
export class FileSmsSender implements SmsSender {
  constructor(private readonly deps: { dir: string }) {}

  async send(sms: OutgoingSms): Promise<void> {
    const body = JSON.stringify({ to: sms.to, text: sms.text, reference: sms.reference }, null, 2);
    await writeFileAtomically(
      path.join(this.deps.dir, `${fileNameFor(sms.idempotencyKey)}.json`),
      `${body}\n`,
    );
  }
}
