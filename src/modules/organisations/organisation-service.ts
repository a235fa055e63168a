import { isValidBusinessId } from '../../domain/business-id.js';
import { deceptiveCharacterProblem, findDeceptiveCharacter } from '../../domain/deceptive-characters.js';
import { ConflictError, NotFoundError, ValidationError } from '../../errors.js';
import type {
  NameChanges,
  NewOrganisation,
  OrganisationRepository,
  OrganisationRow,
  ScopedService,
  ServiceScope,
  ServiceRow,
  SystemSender,
} from './organisation-repository.js';

/**
 * What `find` finds (after `whenFound`, if given), created by `create` first when there is none. A
 * concurrent creator may win the unique key, so a failed creation is simply followed by another look.
 */
async function findOrCreate<T>(
  find: () => Promise<T | undefined>,
  create: () => Promise<unknown>,
  what: string,
  whenFound?: () => Promise<unknown>,
): Promise<T> {
  const existing = await find();
  if (existing !== undefined) {
    await whenFound?.();
    return existing;
  }
  await create().catch(() => undefined);
  const created = await find();
  if (created === undefined) throw new Error(`${what} could not be created`);
  return created;
}

export interface AddServiceInput {
  businessId: string;
  serviceId: string;
  nameFi: string;
  nameSv?: string | undefined;
  nameEn?: string | undefined;
  acceptsMessages: boolean;
}

/** Names an operator gives to change; an empty Swedish or English name clears it. */
export interface NameInput {
  nameFi?: string | undefined;
  nameSv?: string | undefined;
  nameEn?: string | undefined;
}

const serviceIdPattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

/** A service's public id (the API's sender.serviceId): 1–100 letters, digits, dots, dashes or underscores. */
export function isValidServiceId(serviceId: string): boolean {
  return serviceIdPattern.test(serviceId);
}

export function localisedName(
  row: { nameFi: string; nameSv: string | null; nameEn: string | null },
  locale: string,
): string {
  if (locale === 'sv' && row.nameSv) return row.nameSv;
  if (locale === 'en' && row.nameEn) return row.nameEn;
  return row.nameFi;
}

/** Registering organisations and their services (operators), and listing them (everyone). */
export class OrganisationService {
  constructor(private readonly deps: { repository: OrganisationRepository; clock: () => Date }) {}

  async addOrganisation(input: NewOrganisation): Promise<OrganisationRow> {
    checkBusinessId(input.businessId);
    const organisation = newNames(input);
    if (await this.deps.repository.findOrganisationByBusinessId(input.businessId)) {
      throw new ConflictError(`organisation ${input.businessId} already exists`);
    }
    return this.deps.repository.insertOrganisation(organisation, this.deps.clock().toISOString());
  }

  findById(id: number): Promise<OrganisationRow | undefined> {
    return this.deps.repository.findOrganisationById(id);
  }

  findByBusinessId(businessId: string): Promise<OrganisationRow | undefined> {
    return this.deps.repository.findOrganisationByBusinessId(businessId);
  }

  async requireOrganisation(businessId: string): Promise<OrganisationRow> {
    checkBusinessId(businessId);
    const organisation = await this.deps.repository.findOrganisationByBusinessId(businessId);
    if (!organisation) throw new NotFoundError(`no organisation with business ID ${businessId}`);
    return organisation;
  }

  /** As requireOrganisation, and refuses a deactivated one (nothing new is added to it). */
  async requireActiveOrganisation(businessId: string): Promise<OrganisationRow> {
    const organisation = await this.requireOrganisation(businessId);
    if (organisation.deactivatedAt !== null) {
      throw new ValidationError('businessId', 'the organisation is deactivated');
    }
    return organisation;
  }

  async addService(input: AddServiceInput): Promise<ServiceRow> {
    const organisation = await this.requireActiveOrganisation(input.businessId);
    if (!isValidServiceId(input.serviceId)) {
      throw new ValidationError('serviceId', 'use 1–100 letters, digits, dots, dashes or underscores');
    }
    const service = newNames(input);
    if (await this.deps.repository.findServiceByServiceId(input.serviceId)) {
      throw new ConflictError(`service ${input.serviceId} already exists`);
    }
    return this.deps.repository.insertService(
      { ...service, organisationId: organisation.id },
      this.deps.clock().toISOString(),
    );
  }

  /** New names for an organisation; what is not given stays. Deactivated ones can be renamed too. */
  async updateOrganisation(businessId: string, input: NameInput): Promise<OrganisationRow> {
    const organisation = await this.requireOrganisation(businessId);
    const changes = nameChanges(input);
    if (Object.keys(changes).length === 0) {
      throw new ValidationError('name', 'nothing to change: give a new name in Finnish, Swedish or English');
    }
    await this.deps.repository.updateOrganisationNames(organisation.id, changes);
    return (await this.deps.repository.findOrganisationById(organisation.id))!;
  }

  /**
   * Ends an organisation's use of the service: its API credentials are refused from now on (tokens
   * already issued included), its services stop taking messages from the API and from citizens,
   * and it leaves the start page. What it sent stays readable in the recipients' mailboxes.
   */
  async deactivateOrganisation(businessId: string): Promise<OrganisationRow> {
    const organisation = await this.requireOrganisation(businessId);
    if (
      !(await this.deps.repository.deactivateOrganisation(organisation.id, this.deps.clock().toISOString()))
    ) {
      throw new ValidationError('businessId', 'the organisation is already deactivated');
    }
    return (await this.deps.repository.findOrganisationById(organisation.id))!;
  }

  /**
   * The system sender's organisation and service, created on first use; the service is inactive,
   * so it is never listed and accepts no messages. Idempotent and safe under concurrency.
   */
  async ensureSystemSender(sender: SystemSender): Promise<{ organisationId: number; servicePk: number }> {
    const { repository } = this.deps;
    const now = this.deps.clock().toISOString();
    const { businessId, nameFi, nameSv, nameEn } = sender;
    const organisation = await findOrCreate(
      () => repository.findOrganisationByBusinessId(businessId),
      () => repository.insertOrganisation({ businessId, nameFi, nameSv, nameEn }, now),
      'system sender organisation',
      // Made by an earlier release: its names may have changed since (the service's name per language).
      () => repository.renameSystemSender(sender),
    );
    const service = await findOrCreate(
      () => repository.findServiceByServiceId(sender.serviceId),
      () =>
        repository.insertService(
          {
            organisationId: organisation.id,
            serviceId: sender.serviceId,
            nameFi: sender.serviceNameFi,
            nameSv: sender.serviceNameSv,
            nameEn: sender.serviceNameEn,
            acceptsMessages: false,
            active: false,
          },
          now,
        ),
      'system sender service',
    );
    return { organisationId: organisation.id, servicePk: service.id };
  }

  async requireService(serviceId: string): Promise<ServiceRow & { businessId: string }> {
    const service = await this.deps.repository.findServiceByServiceId(serviceId);
    if (!service) throw new NotFoundError(`no service with id ${serviceId}`);
    const organisation = await this.deps.repository.findOrganisationById(service.organisationId);
    return { ...service, businessId: organisation?.businessId ?? '' };
  }

  /** New names or a new acceptsMessages for a service; what is not given stays. */
  async updateService(
    serviceId: string,
    input: NameInput & { acceptsMessages?: boolean | undefined },
  ): Promise<ServiceRow & { businessId: string }> {
    const service = await this.requireService(serviceId);
    const changes = {
      ...nameChanges(input),
      ...(input.acceptsMessages === undefined ? {} : { acceptsMessages: input.acceptsMessages }),
    };
    if (Object.keys(changes).length === 0) {
      throw new ValidationError(
        'name',
        'nothing to change: give a new name in Finnish, Swedish or English, or whether it accepts messages',
      );
    }
    await this.deps.repository.updateService(service.id, changes);
    return this.requireService(serviceId);
  }

  /**
   * The service stops taking messages: the API refuses it as sender.serviceId, citizens can no
   * longer choose it or reply to its messages, and it leaves the start page. Its messages stay.
   */
  async deactivateService(serviceId: string): Promise<ServiceRow & { businessId: string }> {
    const service = await this.requireService(serviceId);
    if (!(await this.deps.repository.deactivateService(service.id))) {
      throw new ValidationError('serviceId', 'the service is already deactivated');
    }
    return this.requireService(serviceId);
  }

  /** A service by its public id (the API's sender.serviceId), whichever organisation owns it. */
  findService(serviceId: string): Promise<ServiceRow | undefined> {
    return this.deps.repository.findServiceByServiceId(serviceId);
  }

  listOrganisations(): Promise<OrganisationRow[]> {
    return this.deps.repository.listOrganisations();
  }

  /** The organisation's services in the scope, active or not, in the order they were added. */
  servicesInScope(organisationId: number, scope: ServiceScope): Promise<ScopedService[]> {
    return this.deps.repository.servicesInScope(organisationId, scope);
  }

  async listServices(businessId?: string): Promise<Array<ServiceRow & { businessId: string }>> {
    const organisations = await this.deps.repository.listOrganisations();
    const byId = new Map(organisations.map((o) => [o.id, o]));
    const organisationId = businessId ? (await this.requireOrganisation(businessId)).id : undefined;
    const services = await this.deps.repository.listServices(organisationId);
    return services.map((s) => ({ ...s, businessId: byId.get(s.organisationId)?.businessId ?? '' }));
  }

  /** Organisations with their active services, named in the reader's language, for the start page. */
  async connectedOrganisations(locale: string): Promise<Array<{ name: string; services: string[] }>> {
    const organisations = await this.deps.repository.listOrganisations();
    const services = await this.deps.repository.listServices();
    // An organisation without active services (e.g. the account's own system sender) offers
    // citizens nothing, so it is not listed.
    return organisations
      .filter((organisation) => organisation.deactivatedAt === null)
      .map((organisation) => ({
        name: localisedName(organisation, locale),
        services: services
          .filter((s) => s.organisationId === organisation.id && s.active)
          .map((s) => localisedName(s, locale)),
      }))
      .filter((organisation) => organisation.services.length > 0);
  }
}

function checkBusinessId(businessId: string): void {
  if (!isValidBusinessId(businessId)) {
    throw new ValidationError('businessId', 'not a valid business ID (Y-tunnus), e.g. 1234567-1');
  }
}

/** The names of something new, checked: the Finnish one is required (stored trimmed). */
function newNames<T extends Parameters<typeof checkNames>[0]>(input: T): T {
  if (!input.nameFi.trim()) throw new ValidationError('name', 'is required');
  checkNames(input);
  return { ...input, nameFi: input.nameFi.trim() };
}

/**
 * The changes an operator asked for, checked: a Finnish name cannot be emptied, an empty Swedish or
 * English name clears it (null), and every name must read as what it is.
 */
function nameChanges(input: NameInput): NameChanges {
  const changes: NameChanges = {};
  if (input.nameFi !== undefined) {
    if (!input.nameFi.trim()) throw new ValidationError('name', 'must not be empty');
    changes.nameFi = input.nameFi.trim();
  }
  if (input.nameSv !== undefined) changes.nameSv = input.nameSv.trim() || null;
  if (input.nameEn !== undefined) changes.nameEn = input.nameEn.trim() || null;
  checkNames({
    nameFi: changes.nameFi ?? '',
    nameSv: changes.nameSv ?? undefined,
    nameEn: changes.nameEn ?? undefined,
  });
  return changes;
}

/** Names are shown to citizens next to every message; they must read as what they are. */
function checkNames(input: {
  nameFi: string;
  nameSv?: string | undefined;
  nameEn?: string | undefined;
}): void {
  for (const [field, value] of [
    ['name', input.nameFi],
    ['nameSv', input.nameSv],
    ['nameEn', input.nameEn],
  ] as const) {
    const found = value === undefined ? undefined : findDeceptiveCharacter(value, { multiline: false });
    if (found) throw new ValidationError(field, deceptiveCharacterProblem(found));
  }
}
