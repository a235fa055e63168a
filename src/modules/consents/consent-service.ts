import type { ConsentChannel, ConsentWithdrawnBy } from '../../db/schema-consents.js';
import { isValidIdentityCode } from '../../domain/identity-code.js';
import { helsinkiDate } from '../../domain/legal-dates.js';
import { NotFoundError, ValidationError } from '../../errors.js';
import { recordAudit, type AuditActorType } from '../audit/index.js';
import type { OrganisationService } from '../organisations/index.js';
import type { PopulationRegister } from '../population-register/index.js';
import { composeConsentForm, consentFormLanguages, type ConsentFormLanguage } from './consent-form.js';
import type { ConsentRepository, ConsentRow, ConsentWithOrganisation } from './consent-repository.js';

export const consentChannels = ['paper', 'phone', 'in_person'] as const satisfies readonly ConsentChannel[];
export type { ConsentChannel, ConsentWithdrawnBy };

export type ConsentStatus = 'in_force' | 'withdrawn';

/** A consent as the organisation sees it (its own register: the person's identity code included). */
export interface ConsentView extends ConsentRow {
  /** In force until withdrawn (withdrawnAt set). */
  status: ConsentStatus;
}

/** A consent as the person sees it: which organisation recorded it (names in fi/sv/en). */
export interface PersonConsentView extends Omit<ConsentView, 'identityCode' | 'recordedByStaffId'> {
  organisation: { nameFi: string; nameSv: string | null; nameEn: string | null };
}

/** Who recorded a consent: the staff member (id of the staff table) and their name as shown then. */
export interface ConsentRecorder {
  staffId?: number | null | undefined;
  name?: string | null | undefined;
}

export interface RecordConsentInput {
  organisationId: number;
  /** Exactly as written on the form; not case-folded or trimmed (an identity code is a key). */
  identityCode: string;
  /** 'paper' | 'phone' | 'in_person'; anything else is refused naming the field `channel`. */
  channel: string;
  /** YYYY-MM-DD, not after today in Finland. */
  givenOn: string;
  recordedBy: ConsentRecorder;
  requestId?: string | undefined;
}

export interface RecordedConsent {
  consent: ConsentView;
  /** False when a consent was in force already: that one is returned and nothing is stored. */
  created: boolean;
}

export interface ConsentPage {
  page: number;
  pageSize: number;
  items: ConsentView[];
  hasNext: boolean;
}

export interface ConsentFormPdf {
  pdf: Buffer;
  /** A file name for Content-Disposition (ASCII): `suostumus-<business id>.pdf` or `samtycke-…`. */
  fileName: string;
}

const defaultPageSize = 50;
const maxPageSize = 200;
const recorderNameMax = 200;
const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

function isRealDate(value: string): boolean {
  const match = datePattern.exec(value);
  if (!match) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** A field of a consent to record that can be wrong, and how; the staff page names each. */
export interface ConsentProblem {
  field: 'identityCode' | 'channel' | 'givenOn';
  code: 'missing' | 'invalid' | 'future' | 'notInRegister';
}

export interface ConsentCheck {
  /** In the order of the form's fields; empty: the consent can be recorded. */
  problems: ConsentProblem[];
  /** "First names Last name" from the population register; undefined when not found. */
  personName: string | undefined;
}

const problemTexts: Record<ConsentProblem['code'], string> = {
  missing: 'is required',
  invalid: 'not valid',
  future: 'must not be in the future',
  notInRegister: 'not found in the population register',
};

/** The problems of the person-facing fields, in the form's order (one per field at most). */
function consentProblems(
  input: Pick<RecordConsentInput, 'identityCode' | 'channel' | 'givenOn'>,
  now: Date,
): ConsentProblem[] {
  const problems: ConsentProblem[] = [];
  if (input.identityCode === '') problems.push({ field: 'identityCode', code: 'missing' });
  else if (!isValidIdentityCode(input.identityCode))
    problems.push({ field: 'identityCode', code: 'invalid' });
  if (input.channel === '') problems.push({ field: 'channel', code: 'missing' });
  else if (!(consentChannels as readonly string[]).includes(input.channel)) {
    problems.push({ field: 'channel', code: 'invalid' });
  }
  if (input.givenOn === '') problems.push({ field: 'givenOn', code: 'missing' });
  else if (!isRealDate(input.givenOn)) problems.push({ field: 'givenOn', code: 'invalid' });
  else if (input.givenOn > helsinkiDate(now)) problems.push({ field: 'givenOn', code: 'future' });
  return problems;
}

/**
 * Who the audit names as the actor: the staff member when one acted (their id; the organisation in
 * the details), otherwise the organisation itself (an integration or an operator's tool).
 */
function auditActor(
  organisationId: number,
  staffId: number | null | undefined,
): { actorType: AuditActorType; actorId: string } {
  return staffId == null
    ? { actorType: 'organisation', actorId: String(organisationId) }
    : { actorType: 'staff', actorId: String(staffId) };
}

function toView(row: ConsentRow): ConsentView {
  return { ...row, status: row.withdrawnAt === null ? 'in_force' : 'withdrawn' };
}

function toPersonView(row: ConsentWithOrganisation): PersonConsentView {
  const { identityCode: _code, recordedByStaffId: _staff, ...view } = toView(row);
  return { ...view, organisation: row.organisation };
}

/**
 * The consent register (DELIVERY_CONSENT=per-organisation): consents an organisation received on
 * paper, by phone or in person, to deliver its documents and messages to the person's account.
 * Recording and withdrawing are audited (`consent.recorded`, `consent.withdrawn`) in the same
 * transaction, with the consent's id as subject and never the identity code.
 *
 * Every method that takes an organisation acts only on that organisation's consents, and every
 * method that takes a person only on theirs: someone else's consent looks the same as none (404).
 */
export class ConsentService {
  constructor(
    private readonly deps: {
      repository: ConsentRepository;
      organisations: OrganisationService;
      populationRegister: PopulationRegister;
      clock: () => Date;
      /** PUBLIC_URL: where the form tells people to open their account. */
      publicUrl: URL;
    },
  ) {}

  /**
   * Records a consent. Checks everything first and stores nothing on a problem, naming the field
   * (`identityCode`, `channel`, `givenOn`, `recordedBy.name`, `organisationId`). Idempotent per
   * organisation and person while a consent is in force: the key is the partial unique index on
   * (organisation_id, identity_code) of the consents not withdrawn, so a repeat (even a concurrent
   * one) returns the consent in force with `created: false`, and audits nothing.
   */
  async record(input: RecordConsentInput): Promise<RecordedConsent> {
    const now = this.deps.clock();
    const [problem] = consentProblems(input, now);
    if (problem) throw new ValidationError(problem.field, problemTexts[problem.code]);
    const channel = input.channel as ConsentChannel;
    const name = input.recordedBy.name?.trim() || null;
    if (name !== null && name.length > recorderNameMax) {
      throw new ValidationError('recordedBy.name', `must be at most ${recorderNameMax} characters`);
    }
    const organisation = await this.deps.repository.organisation(input.organisationId);
    if (!organisation) throw new NotFoundError('no such organisation');
    if (!organisation.active) throw new ValidationError('organisationId', 'the organisation is deactivated');

    const repository = this.deps.repository;
    return repository.transaction(async (trx) => {
      const inTrx = repository.with(trx);
      const id = await inTrx.insertUnlessInForce({
        organisationId: organisation.id,
        identityCode: input.identityCode,
        channel,
        givenOn: input.givenOn,
        recordedAt: now.toISOString(),
        recordedByStaffId: input.recordedBy.staffId ?? null,
        recordedByName: name,
      });
      if (id === undefined) {
        const existing = await inTrx.findInForce(organisation.id, input.identityCode);
        if (!existing) throw new Error('a consent in force was expected but not found');
        return { consent: toView(existing), created: false };
      }
      await recordAudit(trx, {
        ...auditActor(organisation.id, input.recordedBy.staffId),
        action: 'consent.recorded',
        subjectType: 'delivery_consent',
        subjectId: String(id),
        requestId: input.requestId,
        details: { organisationId: organisation.id, channel, givenOn: input.givenOn },
        occurredAt: now,
      });
      const stored = await inTrx.findById(id);
      if (!stored) throw new Error('the recorded consent was not found');
      return { consent: toView(stored), created: true };
    });
  }

  /** The person's consents from every organisation, in force or withdrawn, newest first. */
  async forPerson(identityCode: string): Promise<PersonConsentView[]> {
    return (await this.deps.repository.listForPerson(identityCode)).map(toPersonView);
  }

  /** One page (from 1) of the organisation's register, newest first; withdrawn ones show as withdrawn. */
  async forOrganisation(
    organisationId: number,
    paging: { page?: number; pageSize?: number } = {},
  ): Promise<ConsentPage> {
    const page = Math.max(1, Math.floor(paging.page ?? 1));
    const pageSize = Math.min(maxPageSize, Math.max(1, Math.floor(paging.pageSize ?? defaultPageSize)));
    // One row more than the page tells whether a next page exists without counting.
    const rows = await this.deps.repository.listForOrganisation(
      organisationId,
      pageSize + 1,
      (page - 1) * pageSize,
    );
    return { page, pageSize, hasNext: rows.length > pageSize, items: rows.slice(0, pageSize).map(toView) };
  }

  /**
   * The person withdraws a consent of theirs. NotFoundError when it is not theirs, unknown, or
   * withdrawn already (the page then shows it as withdrawn anyway). `actor.accountId` is the
   * audit's actor.
   */
  async withdrawByCitizen(
    identityCode: string,
    consentId: number,
    actor: { accountId?: number | undefined; requestId?: string | undefined } = {},
  ): Promise<void> {
    await this.withdraw(consentId, { identityCode }, 'citizen', {
      actorType: 'citizen',
      actorId: actor.accountId === undefined ? null : String(actor.accountId),
      requestId: actor.requestId,
    });
  }

  /** The organisation withdraws one of its consents (the person asked it to). NotFoundError as above. */
  async withdrawByOrganisation(
    organisationId: number,
    consentId: number,
    actor: { staffId?: number | undefined; requestId?: string | undefined } = {},
  ): Promise<void> {
    await this.withdraw(consentId, { organisationId }, 'organisation', {
      ...auditActor(organisationId, actor.staffId),
      requestId: actor.requestId,
      organisationId,
    });
  }

  /** Of the given identity codes, those with a consent in force for the organisation (the mailbox check's). */
  consentedAmong(organisationId: number, identityCodes: readonly string[]): Promise<Set<string>> {
    if (identityCodes.length === 0) return Promise.resolve(new Set());
    return this.deps.repository.consentedAmong(organisationId, identityCodes);
  }

  /** The person's name from the population register, for the staff page that records a consent. */
  async personName(identityCode: string): Promise<string | undefined> {
    if (!isValidIdentityCode(identityCode)) return undefined;
    const person = await this.deps.populationRegister.findByIdentityCode(identityCode);
    return person ? `${person.firstNames} ${person.lastName}` : undefined;
  }

  /**
   * The staff page's check before recording: every problem of the identity code, channel and date
   * at once (as `record` would refuse them, plus `notInRegister`), and the person's name from the
   * population register for the staff member to confirm. Stores and audits nothing.
   */
  async checkRecord(
    input: Pick<RecordConsentInput, 'identityCode' | 'channel' | 'givenOn'>,
  ): Promise<ConsentCheck> {
    const problems = consentProblems(input, this.deps.clock());
    const codeValid = !problems.some((p) => p.field === 'identityCode');
    const personName = codeValid ? await this.personName(input.identityCode) : undefined;
    if (codeValid && personName === undefined)
      problems.unshift({ field: 'identityCode', code: 'notInRegister' });
    return { problems, personName };
  }

  /**
   * The blank consent form of an organisation (by id or business ID) in Finnish or Swedish, its name
   * in that language where it has one. NotFoundError for an unknown or deactivated organisation.
   */
  async consentFormPdf(organisation: number | string, language: string): Promise<ConsentFormPdf> {
    if (!(consentFormLanguages as readonly string[]).includes(language)) {
      throw new ValidationError('lang', `must be one of ${consentFormLanguages.join(', ')}`);
    }
    const lang = language as ConsentFormLanguage;
    const found =
      typeof organisation === 'number'
        ? await this.deps.repository.organisation(organisation)
        : await this.byBusinessId(organisation);
    if (!found || !found.active) throw new NotFoundError('no such organisation');
    const pdf = await composeConsentForm({
      organisationName: (lang === 'sv' && found.nameSv) || found.nameFi,
      language: lang,
      publicUrl: this.deps.publicUrl.href,
    });
    return { pdf, fileName: `${lang === 'sv' ? 'samtycke' : 'suostumus'}-${found.businessId}.pdf` };
  }

  private async byBusinessId(businessId: string) {
    const row = await this.deps.organisations.findByBusinessId(businessId);
    return row && { ...row, active: row.deactivatedAt === null };
  }

  private async withdraw(
    consentId: number,
    owner: { organisationId: number } | { identityCode: string },
    by: ConsentWithdrawnBy,
    audit: {
      actorType: AuditActorType;
      actorId: string | null;
      requestId: string | undefined;
      organisationId?: number;
    },
  ): Promise<void> {
    const now = this.deps.clock();
    const repository = this.deps.repository;
    await repository.transaction(async (trx) => {
      if (!(await repository.with(trx).withdraw(consentId, owner, by, now.toISOString()))) {
        throw new NotFoundError('no such consent in force');
      }
      await recordAudit(trx, {
        actorType: audit.actorType,
        actorId: audit.actorId,
        action: 'consent.withdrawn',
        subjectType: 'delivery_consent',
        subjectId: String(consentId),
        requestId: audit.requestId,
        details: {
          withdrawnBy: by,
          ...(audit.organisationId === undefined ? {} : { organisationId: audit.organisationId }),
        },
        occurredAt: now,
      });
    });
  }
}
