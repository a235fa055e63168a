import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../../db/schema.js';
import { findDeceptiveCharacter } from '../../domain/deceptive-characters.js';
import { ConflictError, NotFoundError, ValidationError } from '../../errors.js';
import { recordAudit } from '../audit/index.js';
import {
  httpsUrlProblem,
  type CatalogueService,
  type ServiceCatalogueTexts,
  type ServiceFormTexts,
} from '../catalogue/index.js';
import type { CredentialService, CredentialSummary } from './credential-service.js';
import { normaliseCidr } from './ip-allowlist.js';
import type { OrganisationRow, ServiceRow } from './organisation-repository.js';
import { isValidServiceId, type OrganisationService } from './organisation-service.js';

/**
 * An organisation's own administration of its services (the fields the public catalogue shows) and
 * of its API credentials, for its admins' web pages. Every method takes the acting organisation's
 * id and treats a service or credential of another organisation as unknown (NotFoundError, so the
 * page answers 404 and tells nothing of it). The rules themselves stay where they are:
 * OrganisationService (service ids, names), CatalogueService (texts, https links, forms, search
 * index) and CredentialService (passwords, allowlists); this face checks a whole form first, so a
 * refused form stores nothing and names every field at fault, and then makes the change through
 * them, audits it and refreshes the catalogue's search index.
 *
 * Audit: `admin.service_added|updated|deactivated`, `admin.credential_created|revoked|
 * allowlist_changed`, actor the staff member, the organisation in the details. A change and its
 * audit row are two writes (the services it calls commit on their own): the row follows the change,
 * so a crash in between loses the row, never invents a change.
 */

/** Who acts: the signed-in staff member (an admin of the organisation), and the request for the audit. */
export interface AdminActor {
  staffMemberId: number;
  requestId?: string | undefined;
}

/** Why a field was refused; the pages word each code in the reader's language. */
export type AdminProblemCode =
  'required' | 'invalid' | 'taken' | 'tooLong' | 'notUrl' | 'notHttps' | 'deceptive' | 'invalidCidr';

/**
 * One refused field. `field` is the form's field: `serviceId`, `nameFi|Sv|En`,
 * `descriptionFi|Sv|En`, `eServiceUrl`, `forms.N.titleFi|titleSv|titleEn|url` (N from 0, in the
 * order given) or `allowedIps`; `value` is the refused entry of a list (an allowlist's line).
 */
export interface AdminProblem {
  field: string;
  code: AdminProblemCode;
  value?: string | undefined;
}

/** A refused form: every problem, the first one as the ValidationError's field. Nothing was stored. */
export class AdminInputError extends ValidationError {
  constructor(readonly problems: readonly [AdminProblem, ...AdminProblem[]]) {
    super(problems[0].field, problems.map((p) => `${p.field}: ${p.code}`).join('; '));
  }
}

/** A printable form as typed; a row left wholly empty is dropped. */
export interface AdminFormInput {
  titleFi: string;
  titleSv: string;
  titleEn: string;
  url: string;
}

/** What an admin's service form sends; empty optional texts clear them. */
export interface AdminServiceInput {
  nameFi: string;
  nameSv: string;
  nameEn: string;
  descriptionFi: string;
  descriptionSv: string;
  descriptionEn: string;
  /** Where the organisation's own e-service for it starts: https, or empty for none. */
  eServiceUrl: string;
  acceptsMessages: boolean;
  forms: readonly AdminFormInput[];
}

/** A service as its organisation's admin sees it: names, catalogue texts and forms in every language. */
export interface AdminService extends ServiceFace {
  descriptionFi: string | null;
  descriptionSv: string | null;
  descriptionEn: string | null;
  eServiceUrl: string | null;
  forms: ServiceFormTexts[];
}

/** What an admin sees of the service's own row (`active` is false once deactivated: no messages, not listed). */
type ServiceFace = Pick<
  ServiceRow,
  'serviceId' | 'nameFi' | 'nameSv' | 'nameEn' | 'acceptsMessages' | 'active'
>;

/** An organisation's API credentials as listed (never a password or its hash). */
export type AdminCredential = Omit<CredentialSummary, 'businessId'>;

/** Created credentials: the password is shown to the admin once and is not stored in clear anywhere. */
export interface CreatedCredential {
  username: string;
  password: string;
  allowedIps: string[];
}

export const adminLimits = {
  name: 200,
  description: 2000,
  url: 2000,
  formTitle: 200,
  /** Entries in one allowlist. */
  allowlist: 50,
} as const;

type AuditAction =
  | 'admin.service_added'
  | 'admin.service_updated'
  | 'admin.service_deactivated'
  | 'admin.credential_created'
  | 'admin.credential_revoked'
  | 'admin.credential_allowlist_changed';

export interface OrganisationAdminDeps {
  organisations: OrganisationService;
  credentials: CredentialService;
  /** The app's one catalogue service, so the search index it trusts is the one refreshed. */
  catalogue: CatalogueService;
  /** Where recordAudit writes. */
  db: Kysely<DatabaseSchema>;
  clock: () => Date;
}

export class OrganisationAdmin {
  constructor(private readonly deps: OrganisationAdminDeps) {}

  /** The organisation's services (deactivated ones too), by Finnish name. */
  async listServices(organisationId: number): Promise<AdminService[]> {
    const organisation = await this.organisation(organisationId);
    const services = await this.deps.organisations.listServices(organisation.businessId);
    const texts = await this.deps.catalogue.serviceTexts(services.map((s) => s.serviceId));
    return services
      .map((service) => toAdminService(service, texts.get(service.serviceId)))
      .sort((a, b) => a.nameFi.localeCompare(b.nameFi, 'fi') || a.serviceId.localeCompare(b.serviceId));
  }

  /** One of the organisation's services; NotFoundError for another organisation's or an unknown one. */
  async getService(organisationId: number, serviceId: string): Promise<AdminService> {
    const service = await this.ownService(organisationId, serviceId);
    const texts = await this.deps.catalogue.serviceTexts([service.serviceId]);
    return toAdminService(service, texts.get(service.serviceId));
  }

  /** A new service of the organisation, described for the catalogue. AdminInputError: nothing stored. */
  async addService(
    organisationId: number,
    input: AdminServiceInput & { serviceId: string },
    actor: AdminActor,
  ): Promise<AdminService> {
    const organisation = await this.organisation(organisationId);
    const serviceId = input.serviceId.trim();
    const problems = serviceProblems(input);
    if (!serviceId) problems.unshift({ field: 'serviceId', code: 'required' });
    else if (!isValidServiceId(serviceId)) problems.unshift({ field: 'serviceId', code: 'invalid' });
    else if (await this.deps.organisations.findService(serviceId)) {
      problems.unshift({ field: 'serviceId', code: 'taken' });
    }
    throwIfAny(problems);
    const forms = formsOf(input);
    try {
      await this.deps.organisations.addService({
        businessId: organisation.businessId,
        serviceId,
        nameFi: input.nameFi.trim(),
        nameSv: input.nameSv.trim() || undefined,
        nameEn: input.nameEn.trim() || undefined,
        acceptsMessages: input.acceptsMessages,
      });
    } catch (error) {
      // Another admin took the id between the look and the insert.
      if (error instanceof ConflictError) throw new AdminInputError([{ field: 'serviceId', code: 'taken' }]);
      throw error;
    }
    await this.describe(serviceId, input, forms);
    await this.audit(organisation.id, 'admin.service_added', 'service', serviceId, actor);
    await this.deps.catalogue.refreshSearchIndex();
    return this.getService(organisationId, serviceId);
  }

  /** New names, texts, links, forms and acceptsMessages for one of the organisation's services. */
  async updateService(
    organisationId: number,
    serviceId: string,
    input: AdminServiceInput,
    actor: AdminActor,
  ): Promise<AdminService> {
    const service = await this.ownService(organisationId, serviceId);
    throwIfAny(serviceProblems(input));
    const forms = formsOf(input);
    await this.deps.organisations.updateService(service.serviceId, {
      nameFi: input.nameFi,
      nameSv: input.nameSv,
      nameEn: input.nameEn,
      acceptsMessages: input.acceptsMessages,
    });
    await this.describe(service.serviceId, input, forms);
    await this.audit(organisationId, 'admin.service_updated', 'service', service.serviceId, actor);
    await this.deps.catalogue.refreshSearchIndex();
    return this.getService(organisationId, service.serviceId);
  }

  /**
   * The service stops taking messages and leaves the catalogue (OrganisationService.deactivateService
   * says what that means); ValidationError when it is deactivated already.
   */
  async deactivateService(
    organisationId: number,
    serviceId: string,
    actor: AdminActor,
  ): Promise<AdminService> {
    const service = await this.ownService(organisationId, serviceId);
    await this.deps.organisations.deactivateService(service.serviceId);
    await this.audit(organisationId, 'admin.service_deactivated', 'service', service.serviceId, actor);
    await this.deps.catalogue.refreshSearchIndex();
    return this.getService(organisationId, service.serviceId);
  }

  /** The organisation's API credentials, revoked ones too. */
  async listCredentials(organisationId: number): Promise<AdminCredential[]> {
    const organisation = await this.organisation(organisationId);
    return (await this.deps.credentials.list(organisation.businessId)).map(toAdminCredential);
  }

  /** One of the organisation's credentials; NotFoundError for another organisation's or an unknown one. */
  async getCredential(organisationId: number, username: string): Promise<AdminCredential> {
    return toAdminCredential(await this.ownCredential(organisationId, username));
  }

  /**
   * New API credentials with a generated password, returned here once: only its slow hash is
   * stored, and neither the audit row nor the log holds it. The page that shows it must not be
   * cached (Cache-Control: no-store). `allowIps` as in setAllowlist; empty allows every address.
   */
  async createCredential(
    organisationId: number,
    input: { allowIps: readonly string[] },
    actor: AdminActor,
  ): Promise<CreatedCredential> {
    const organisation = await this.organisation(organisationId);
    const allowIps = checkedAllowlist(input.allowIps);
    const created = await this.deps.credentials.create({ businessId: organisation.businessId, allowIps });
    await this.audit(organisationId, 'admin.credential_created', 'api_credential', created.username, actor, {
      allowedIps: created.allowedIps,
    });
    return { username: created.username, password: created.password, allowedIps: created.allowedIps };
  }

  /** Revokes the credentials and drops their tokens; ValidationError when revoked already. */
  async revokeCredential(
    organisationId: number,
    username: string,
    actor: AdminActor,
  ): Promise<AdminCredential> {
    const credential = await this.ownCredential(organisationId, username);
    const revoked = await this.deps.credentials.revoke(credential.username);
    await this.audit(
      organisationId,
      'admin.credential_revoked',
      'api_credential',
      credential.username,
      actor,
    );
    return toAdminCredential(revoked);
  }

  /**
   * The credentials' IP allowlist becomes `allowIps` (addresses or CIDR ranges, IPv4 or IPv6; blank
   * entries are ignored; an empty list allows every address). AdminInputError names `allowedIps`
   * and every refused entry; nothing is stored then.
   */
  async setAllowlist(
    organisationId: number,
    username: string,
    allowIps: readonly string[],
    actor: AdminActor,
  ): Promise<AdminCredential> {
    const credential = await this.ownCredential(organisationId, username);
    const entries = checkedAllowlist(allowIps);
    const changed = await this.deps.credentials.setAllowlist(credential.username, entries);
    await this.audit(
      organisationId,
      'admin.credential_allowlist_changed',
      'api_credential',
      credential.username,
      actor,
      { before: credential.allowedIps, after: changed.allowedIps },
    );
    return toAdminCredential(changed);
  }

  private async organisation(organisationId: number): Promise<OrganisationRow> {
    const organisation = await this.deps.organisations.findById(organisationId);
    if (!organisation) throw new NotFoundError('no such organisation');
    return organisation;
  }

  private async ownService(organisationId: number, serviceId: string) {
    const service = await this.deps.organisations.findService(serviceId);
    if (!service || service.organisationId !== organisationId) throw new NotFoundError('no such service');
    return service;
  }

  private async ownCredential(organisationId: number, username: string): Promise<CredentialSummary> {
    const organisation = await this.organisation(organisationId);
    const credential = (await this.deps.credentials.list(organisation.businessId)).find(
      (c) => c.username === username,
    );
    if (!credential) throw new NotFoundError('no such credentials');
    return credential;
  }

  private async describe(serviceId: string, input: AdminServiceInput, forms: ServiceFormTexts[]) {
    await this.deps.catalogue.describeService(serviceId, {
      descriptionFi: input.descriptionFi.trim() || null,
      descriptionSv: input.descriptionSv.trim() || null,
      descriptionEn: input.descriptionEn.trim() || null,
      eServiceUrl: input.eServiceUrl.trim() || null,
    });
    await this.deps.catalogue.replaceForms(serviceId, forms);
  }

  private audit(
    organisationId: number,
    action: AuditAction,
    subjectType: 'service' | 'api_credential',
    subjectId: string,
    actor: AdminActor,
    details: Record<string, unknown> = {},
  ): Promise<void> {
    return recordAudit(this.deps.db, {
      actorType: 'staff',
      actorId: String(actor.staffMemberId),
      action,
      subjectType,
      subjectId,
      requestId: actor.requestId,
      details: { organisationId, ...details },
      occurredAt: this.deps.clock(),
    });
  }
}

function toAdminService(service: ServiceFace, texts: ServiceCatalogueTexts | undefined): AdminService {
  return {
    serviceId: service.serviceId,
    nameFi: service.nameFi,
    nameSv: service.nameSv,
    nameEn: service.nameEn,
    acceptsMessages: service.acceptsMessages,
    active: service.active,
    descriptionFi: texts?.descriptionFi ?? null,
    descriptionSv: texts?.descriptionSv ?? null,
    descriptionEn: texts?.descriptionEn ?? null,
    eServiceUrl: texts?.eServiceUrl ?? null,
    forms: texts?.forms ?? [],
  };
}

function toAdminCredential(credential: CredentialSummary): AdminCredential {
  const { businessId: _businessId, ...listed } = credential;
  return listed;
}

function throwIfAny(problems: AdminProblem[]): void {
  const [first, ...rest] = problems;
  if (first) throw new AdminInputError([first, ...rest]);
}

const isBlankForm = (form: AdminFormInput) =>
  !form.titleFi.trim() && !form.titleSv.trim() && !form.titleEn.trim() && !form.url.trim();

/** The forms to store: blank rows dropped, texts trimmed, empty translations as null. */
function formsOf(input: AdminServiceInput): ServiceFormTexts[] {
  return input.forms
    .filter((form) => !isBlankForm(form))
    .map((form) => ({
      titleFi: form.titleFi.trim(),
      titleSv: form.titleSv.trim() || null,
      titleEn: form.titleEn.trim() || null,
      url: form.url.trim(),
    }));
}

/** A one-line text's problem: required, too long or deceptive (names are shown next to messages). */
function textProblem(
  field: string,
  value: string,
  options: { required?: boolean; max: number; multiline?: boolean },
): AdminProblem | undefined {
  const text = value.trim();
  if (!text) return options.required ? { field, code: 'required' } : undefined;
  if (text.length > options.max) return { field, code: 'tooLong' };
  if (findDeceptiveCharacter(text, { multiline: options.multiline ?? false })) {
    return { field, code: 'deceptive' };
  }
  return undefined;
}

/** An https link's problem (the catalogue's rule), or required when `required`. */
function urlProblem(field: string, value: string, required: boolean): AdminProblem | undefined {
  const url = value.trim();
  if (!url) return required ? { field, code: 'required' } : undefined;
  if (url.length > adminLimits.url) return { field, code: 'tooLong' };
  const problem = httpsUrlProblem(url);
  return problem ? { field, code: problem } : undefined;
}

/** Every problem of a service form, in the order of its fields. */
export function serviceProblems(input: AdminServiceInput): AdminProblem[] {
  const found: Array<AdminProblem | undefined> = [
    textProblem('nameFi', input.nameFi, { required: true, max: adminLimits.name }),
    textProblem('nameSv', input.nameSv, { max: adminLimits.name }),
    textProblem('nameEn', input.nameEn, { max: adminLimits.name }),
    textProblem('descriptionFi', input.descriptionFi, { max: adminLimits.description, multiline: true }),
    textProblem('descriptionSv', input.descriptionSv, { max: adminLimits.description, multiline: true }),
    textProblem('descriptionEn', input.descriptionEn, { max: adminLimits.description, multiline: true }),
    urlProblem('eServiceUrl', input.eServiceUrl, false),
  ];
  // Numbered as given (blank rows included), so each problem points at the row the admin sees.
  input.forms.forEach((form, index) => {
    if (isBlankForm(form)) return;
    const at = `forms.${index}`;
    found.push(
      textProblem(`${at}.titleFi`, form.titleFi, { required: true, max: adminLimits.formTitle }),
      textProblem(`${at}.titleSv`, form.titleSv, { max: adminLimits.formTitle }),
      textProblem(`${at}.titleEn`, form.titleEn, { max: adminLimits.formTitle }),
      urlProblem(`${at}.url`, form.url, true),
    );
  });
  return found.filter((problem) => problem !== undefined);
}

/** The non-blank entries, each an address or CIDR range (the API's rule); AdminInputError otherwise. */
function checkedAllowlist(values: readonly string[]): string[] {
  const entries = values.map((value) => value.trim()).filter((value) => value !== '');
  const problems: AdminProblem[] = entries
    .filter((entry) => normaliseCidr(entry) === undefined)
    .map((entry) => ({ field: 'allowedIps', code: 'invalidCidr', value: entry }));
  if (entries.length > adminLimits.allowlist) problems.push({ field: 'allowedIps', code: 'tooLong' });
  throwIfAny(problems);
  return entries;
}
