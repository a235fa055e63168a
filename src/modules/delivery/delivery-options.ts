/**
 * Tunables of the delivery pipeline. Config (environment) covers the provider endpoints and the
 * failure window; the rest are constructor options with production defaults, so tests can shorten
 * leases and backoff without touching the environment.
 */
export interface DeliveryOptions {
  /** How long a claimed job is reserved for its worker; after that another worker may take it over. */
  leaseMs: number;
  /** Jobs claimed (and run concurrently) per round. */
  claimBatchSize: number;
  /** First retry delay; doubles with every attempt. */
  retryBaseDelayMs: number;
  /** Upper bound of a single retry delay. */
  retryMaxDelayMs: number;
  /** How often the worker looks for due jobs when the queue was empty. */
  pollIntervalMs: number;
  /** A print batch is closed when its first letter is this old … */
  printBatchMaxAgeMs: number;
  /** … or when it holds this many letters. */
  printBatchMaxLetters: number;
  /** How often the worker checks whether the open print batch is due for closing. */
  printCheckIntervalMs: number;
  /**
   * A batch left 'closing' this long (its writer died) is finished by any worker. Long enough that a
   * live writer on another node is never raced in normal operation.
   */
  printClosingGraceMs: number;
  /** Where the recipient's address goes on the address page, for a window envelope (millimetres). */
  addressWindow: AddressWindow;
  /** Time-outs for the notification providers. */
  smtpTimeoutMs: number;
  smsTimeoutMs: number;
  /** Random number in [0, 1) for backoff jitter (injected in tests). */
  random: () => number;
}

export interface AddressWindow {
  /** From the left edge of the sheet to the start of the address text. */
  leftMm: number;
  /** From the top edge of the sheet to the top of the window. */
  topMm: number;
  widthMm: number;
  heightMm: number;
}

/**
 * C5/C4 window envelopes used in Finland have the window 20 mm from the left and about 45 mm from the
 * top of an A4 sheet folded to fit (SFS 2487 layout); printing services publish their exact figures,
 * hence configurable.
 */
export const defaultAddressWindow: AddressWindow = { leftMm: 20, topMm: 45, widthMm: 90, heightMm: 40 };

export const defaultDeliveryOptions: DeliveryOptions = {
  leaseMs: 5 * 60_000,
  claimBatchSize: 16,
  retryBaseDelayMs: 30_000,
  retryMaxDelayMs: 60 * 60_000,
  pollIntervalMs: 1_000,
  printBatchMaxAgeMs: 60 * 60_000,
  printBatchMaxLetters: 500,
  printCheckIntervalMs: 30_000,
  printClosingGraceMs: 10 * 60_000,
  addressWindow: defaultAddressWindow,
  smtpTimeoutMs: 30_000,
  smsTimeoutMs: 10_000,
  random: Math.random,
};

export function resolveDeliveryOptions(overrides: Partial<DeliveryOptions> = {}): DeliveryOptions {
  return { ...defaultDeliveryOptions, ...overrides };
}
