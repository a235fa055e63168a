import type { Envelope } from '../../crypto/envelope.js';

const envelopeContext = 'feedback form stamp v1';

/** A person needs more than this to read the form and write ten characters; a script does not. */
export const minimumFillMs = 3_000;
/** An older form is refused (and offered again with a fresh stamp): a stamp cannot be hoarded. */
export const maximumFormAgeMs = 24 * 3600_000;

export type StampCheck = 'ok' | 'tooFast' | 'expired';

/**
 * The feedback form's issue stamp: the time the form was served, sealed with the envelope
 * encryption under the master key ring (tamper-proof, readable by every web process), in a hidden
 * field. A submission whose stamp is younger than `minimumFillMs` (a bot posting at once), older
 * than `maximumFormAgeMs`, missing or forged is refused. Times come from the app clock, so tests
 * move the clock instead of waiting.
 */
export class FormStamp {
  constructor(
    private readonly envelope: Envelope,
    private readonly clock: () => Date,
  ) {}

  issue(): string {
    const issuedAt = this.clock().getTime();
    return this.envelope.encrypt(JSON.stringify({ issuedAt }), envelopeContext).toString('base64url');
  }

  check(stamp: string | undefined): StampCheck {
    const issuedAt = this.issuedAt(stamp);
    // A missing or forged stamp is treated as an expired form: the person gets a fresh one.
    if (issuedAt === undefined) return 'expired';
    const age = this.clock().getTime() - issuedAt;
    if (age < minimumFillMs) return 'tooFast';
    if (age > maximumFormAgeMs) return 'expired';
    return 'ok';
  }

  private issuedAt(stamp: string | undefined): number | undefined {
    if (!stamp || !/^[A-Za-z0-9_-]{1,2000}$/.test(stamp)) return undefined;
    try {
      const value: unknown = JSON.parse(
        this.envelope.decryptText(Buffer.from(stamp, 'base64url'), envelopeContext),
      );
      const issuedAt = (value as { issuedAt?: unknown } | null)?.issuedAt;
      return typeof issuedAt === 'number' && Number.isFinite(issuedAt) ? issuedAt : undefined;
    } catch {
      return undefined;
    }
  }
}
