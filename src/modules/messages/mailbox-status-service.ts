import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../../db/schema.js';
import { isValidIdentityCode } from '../../domain/identity-code.js';
import { recordAudit } from '../audit/index.js';
import type { RecipientRepository } from './recipient-repository.js';
import { validateRecipientId } from './message-validation.js';
import { reachableAccounts, type DeliveryConsents } from './reachable-mailboxes.js';

/** POST /v1/mailboxes/active: which of the given people have an active mailbox. */
export class MailboxStatusService {
  constructor(
    private readonly deps: {
      db: Kysely<DatabaseSchema>;
      clock: () => Date;
      recipients: RecipientRepository;
      /** Given under DELIVERY_CONSENT=per-organisation: a mailbox counts only with a consent. */
      consents?: DeliveryConsents | undefined;
    },
  ) {}

  /**
   * The ids with an active mailbox for the asking organisation, in the order given, each once.
   * Business IDs have no mailbox here. The check is a lookup of people: audited as the
   * organisation's, linked to the accounts it found (their access logs show it); the identity codes
   * asked about are not recorded.
   */
  async activeMailboxes(
    organisationId: number,
    ids: readonly string[],
    requestId?: string,
  ): Promise<string[]> {
    const { unique, active } = await this.check(organisationId, ids);
    await recordAudit(this.deps.db, {
      actorType: 'organisation',
      actorId: String(organisationId),
      action: 'api.mailbox_checked',
      requestId,
      details: { organisationId, asked: unique.length, active: active.size },
      accountIds: [...active.values()],
      occurredAt: this.deps.clock(),
    });
    return unique.filter((id) => active.has(id));
  }

  /** The same check for a caller that audits it itself (the staff's send page). */
  async hasActiveMailbox(organisationId: number, identityCode: string): Promise<boolean> {
    return (await this.check(organisationId, [identityCode])).active.size > 0;
  }

  private async check(organisationId: number, ids: readonly string[]) {
    ids.forEach((id, index) => validateRecipientId(id, `endUsers[${index}].id`));
    const unique = [...new Set(ids)];
    const active = await reachableAccounts(
      this.deps.recipients,
      this.deps.consents,
      organisationId,
      unique.filter(isValidIdentityCode),
    );
    return { unique, active };
  }

  /**
   * Demo data only: an active mailbox for a demo person when the citizen portal's own seed has not
   * created one (the citizen portal owns opening accounts for real).
   */
  ensureDemoMailbox(identityCode: string, now: Date): Promise<void> {
    return this.deps.recipients.ensureDemoAccount(identityCode, now.toISOString());
  }
}
