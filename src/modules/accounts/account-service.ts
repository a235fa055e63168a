import type { Kysely } from 'kysely';
import type { Envelope } from '../../crypto/envelope.js';
import type { DatabaseSchema } from '../../db/schema.js';
import { currentTerms } from '../../domain/terms-of-use.js';
import { locales, type Locale } from '../../i18n/i18n.js';
import { recordAudit } from '../audit/index.js';
import { planWelcomeNotification } from '../delivery/index.js';
import type { EvidenceRecorder } from '../evidence/index.js';
import { contentContext, encryptText } from '../messages/index.js';
import type { OrganisationService } from '../organisations/index.js';
import type { PopulationRegister, RegisteredPerson } from '../population-register/index.js';
import type { AccountRepository, AccountRow, ContactDetails } from './account-repository.js';
import { validateContact, type ContactInput, type FormProblem } from './contact-details.js';
import { refusalFor, type Refusal } from './eligibility.js';
import { reopenedMessage, systemSender, welcomeMessage } from './welcome-message.js';

export type OpeningCheck =
  | { kind: 'eligible'; person: RegisteredPerson; account: AccountRow | undefined }
  | { kind: 'refused'; refusal: Refusal }
  | { kind: 'alreadyOpen' };

export type OpeningResult =
  | { kind: 'opened'; accountId: number; messageId: number }
  | { kind: 'invalid'; problems: FormProblem[] }
  | { kind: 'refused'; refusal: Refusal }
  | { kind: 'alreadyOpen' };

export interface OpeningInput extends ContactInput {
  acceptTerms: boolean;
  language: Locale;
}

export interface SettingsInput extends ContactInput {
  language: string;
}

export interface AccountServiceDeps {
  repository: AccountRepository;
  db: Kysely<DatabaseSchema>;
  envelope: Envelope;
  populationRegister: PopulationRegister;
  /** Creates the organisation and service the welcome message comes from, on first use. */
  organisations: Pick<OrganisationService, 'ensureSystemSender'>;
  /** The welcome message gets the same signed evidence as any message sent to the mailbox. */
  evidence: Pick<EvidenceRecorder, 'recordSubmission'>;
  clock: () => Date;
}

/** Opening, changing and closing citizens' accounts. Only ever acts for the identified person. */
export class AccountService {
  private readonly repository: AccountRepository;

  constructor(private readonly deps: AccountServiceDeps) {
    this.repository = deps.repository;
  }

  /** The person's account in any state, or undefined when they have never opened one. */
  accountOf(identityCode: string): Promise<AccountRow | undefined> {
    return this.repository.findByIdentityCode(identityCode);
  }

  /** Whether this person may open (or reopen) an account now, with their register details. */
  async checkOpening(identityCode: string): Promise<OpeningCheck> {
    const person = await this.deps.populationRegister.findByIdentityCode(identityCode);
    const refusal = refusalFor(person, identityCode, this.deps.clock());
    if (refusal || !person) return { kind: 'refused', refusal: refusal ?? 'notInRegister' };
    const account = await this.repository.findByIdentityCode(identityCode);
    if (account?.status === 'active') return { kind: 'alreadyOpen' };
    return { kind: 'eligible', person, account };
  }

  /**
   * Opens (or reopens) the account in one transaction: contact details, accepted terms, language,
   * the welcome (or reopened) message in the mailbox and its notification job. Nothing is written
   * on any problem.
   */
  async open(identityCode: string, input: OpeningInput): Promise<OpeningResult> {
    const check = await this.checkOpening(identityCode);
    if (check.kind !== 'eligible') return check;
    const { value: contact, problems } = validateContact(input);
    if (!input.acceptTerms) problems.push({ field: 'terms', problem: 'required' });
    if (problems.length > 0) return { kind: 'invalid', problems };

    const sender = await this.deps.organisations.ensureSystemSender(systemSender);
    const now = this.deps.clock();
    // A reopened account is told so, rather than welcomed a second time with the same message.
    const welcome = check.account ? reopenedMessage(input.language) : welcomeMessage(input.language);
    // Encrypted before the transaction: it is CPU work that needs no lock.
    const titleEnc = encryptText(this.deps.envelope, welcome.title, contentContext.title);
    const bodyEnc = encryptText(this.deps.envelope, welcome.body, contentContext.body);
    return this.deps.db.transaction().execute(async (trx) => {
      const repository = this.repository.with(trx);
      const record = {
        ...contact,
        identityCode,
        language: input.language,
        termsVersion: currentTerms.version,
        now: now.toISOString(),
      };
      let accountId: number;
      if (check.account) {
        accountId = check.account.id;
        await repository.reopenAccount(accountId, record);
      } else {
        accountId = await repository.insertAccount(record);
      }
      const messageId = await repository.insertWelcomeMessage({
        ...sender,
        accountId,
        recipientId: identityCode,
        titleEnc,
        bodyEnc,
        now: now.toISOString(),
      });
      // Accepted and made available at once, as an organisation's electronic message is: its
      // records are written in this transaction, so they exist exactly when the message does.
      await this.deps.evidence.recordSubmission(trx, messageId, now, {
        channel: 'electronic',
        clear: { recipientId: identityCode, title: welcome.title, body: welcome.body, hasAttachments: false },
      });
      await planWelcomeNotification(trx, accountId, now);
      await recordAudit(
        trx,
        accountAudit(accountId, check.account ? 'account.reopened' : 'account.opened', now),
      );
      return { kind: 'opened' as const, accountId, messageId };
    });
  }

  /** Changes contact details, reminder choices and language of the person's active account. */
  async updateSettings(
    accountId: number,
    input: SettingsInput,
  ): Promise<{ kind: 'saved'; contact: ContactDetails } | { kind: 'invalid'; problems: FormProblem[] }> {
    const { value: contact, problems } = validateContact(input);
    if (!(locales as readonly string[]).includes(input.language)) {
      problems.push({ field: 'language', problem: 'invalid' });
    }
    if (problems.length > 0) return { kind: 'invalid', problems };
    const now = this.deps.clock();
    await this.deps.db.transaction().execute(async (trx) => {
      await this.repository.with(trx).updateSettings(accountId, contact, input.language, now.toISOString());
      await recordAudit(trx, accountAudit(accountId, 'account.settings_changed', now));
    });
    return { kind: 'saved', contact };
  }

  /**
   * Stops electronic delivery: from now on the mailbox check does not list the person and
   * organisations' messages go to paper. Messages already received stay in the mailbox.
   */
  async close(accountId: number): Promise<void> {
    const now = this.deps.clock();
    await this.deps.db.transaction().execute(async (trx) => {
      await this.repository.with(trx).close(accountId, now.toISOString());
      await recordAudit(trx, accountAudit(accountId, 'account.closed', now));
    });
  }

  /**
   * The person accepts the terms in force (`version`, as the page they accepted showed it). Refused,
   * writing nothing, when that is no longer the current version (it changed while the page was
   * open) or the account is not active. Recorded with the time and audited in one transaction.
   */
  async acceptTerms(
    accountId: number,
    version: string,
    requestId: string | undefined,
  ): Promise<'accepted' | 'outdated'> {
    if (version !== currentTerms.version) return 'outdated';
    const now = this.deps.clock();
    return this.deps.db.transaction().execute(async (trx) => {
      const updated = await this.repository.with(trx).acceptTerms(accountId, version, now.toISOString());
      if (!updated) return 'outdated' as const;
      await recordAudit(trx, {
        actorType: 'citizen',
        actorId: String(accountId),
        action: 'account.terms_accepted',
        subjectType: 'account',
        subjectId: String(accountId),
        requestId,
        details: { version },
        occurredAt: now,
      });
      return 'accepted' as const;
    });
  }

  findAccount(accountId: number): Promise<AccountRow | undefined> {
    return this.repository.findById(accountId);
  }
}

/** The citizen acting on their own account: opened, reopened, settings changed, closed. */
function accountAudit(accountId: number, action: string, at: Date) {
  return {
    actorType: 'citizen' as const,
    actorId: String(accountId),
    action,
    subjectType: 'account',
    subjectId: String(accountId),
    occurredAt: at,
  };
}
