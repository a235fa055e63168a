/**
 * How a job failed decides what happens next: a retryable failure is tried again with backoff until
 * the failure window closes; a permanent one fails the job at once (retrying cannot help: the
 * address is refused, the PDF is broken). Messages are short and never contain personal data or a
 * provider's free-text answer (which often quotes the address), because they are stored in
 * `outbox_jobs.last_error`, shown by `deliveries status` and logged.
 */
export abstract class DeliveryError extends Error {
  abstract readonly retryable: boolean;
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

export class RetryableDeliveryError extends DeliveryError {
  readonly retryable = true;
}

export class PermanentDeliveryError extends DeliveryError {
  readonly retryable = false;
}

/**
 * The worker's lease ran out and another worker claimed the job; the result of this run must not be
 * recorded (the other run records its own). Thrown from the completion transaction to roll it back.
 */
export class LeaseLostError extends Error {
  override name = 'LeaseLostError';
}

/** Unknown errors (bugs, database hiccups) are retried: giving up on a legal notice is worse. */
export function classifyError(error: unknown): DeliveryError {
  if (error instanceof DeliveryError) return error;
  const name = error instanceof Error ? error.name : 'Error';
  return new RetryableDeliveryError(`unexpected ${name}`);
}
