import { isValidIdentityCode } from '../../domain/identity-code.js';
import type { RecipientRepository } from './recipient-repository.js';
import { validateRecipientId } from './message-validation.js';
import { reachableAccounts, type DeliveryConsents } from './reachable-mailboxes.js';

/** POST /v1/mailboxes/active: which of the given people have an active mailbox. */
export class MailboxStatusService {
  constructor(
    private readonly deps: {
      recipients: RecipientRepository;
      /** Given under DELIVERY_CONSENT=per-organisation: a mailbox counts only with a consent. */
      consents?: DeliveryConsents | undefined;
    },
  ) {}

  /**
   * The ids with an active mailbox for the asking organisation, in the order given, each once.
   * Business IDs have no mailbox here.
   */
  async activeMailboxes(organisationId: number, ids: readonly string[]): Promise<string[]> {
    ids.forEach((id, index) => validateRecipientId(id, `endUsers[${index}].id`));
    const unique = [...new Set(ids)];
    const active = await reachableAccounts(
      this.deps.recipients,
      this.deps.consents,
      organisationId,
      unique.filter(isValidIdentityCode),
    );
    return unique.filter((id) => active.has(id));
  }

  /**
   * Demo data only: an active mailbox for a demo person when the citizen portal's own seed has not
   * created one (the citizen portal owns opening accounts for real).
   */
  ensureDemoMailbox(identityCode: string, now: Date): Promise<void> {
    return this.deps.recipients.ensureDemoAccount(identityCode, now.toISOString());
  }
}
