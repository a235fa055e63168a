import { isValidBusinessId } from '../../domain/business-id.js';
import { deceptiveCharacterProblem, findDeceptiveCharacter } from '../../domain/deceptive-characters.js';
import { ConflictError, NotFoundError, ValidationError } from '../../errors.js';
import type {
  NewOrganisation,
  OrganisationRepository,
  OrganisationRow,
  ServiceRow,
} from './organisation-repository.js';

export interface AddServiceInput {
  businessId: string;
  serviceId: string;
  nameFi: string;
  nameSv?: string | undefined;
  nameEn?: string | undefined;
  acceptsMessages: boolean;
}

const serviceIdPattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

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
  constructor(
    private readonly repository: OrganisationRepository,
    private readonly clock: () => Date,
  ) {}

  async addOrganisation(input: NewOrganisation): Promise<OrganisationRow> {
    if (!isValidBusinessId(input.businessId)) {
      throw new ValidationError('businessId', 'not a valid business ID (Y-tunnus), e.g. 1234567-1');
    }
    if (!input.nameFi.trim()) throw new ValidationError('name', 'is required');
    checkNames(input);
    if (await this.repository.findOrganisationByBusinessId(input.businessId)) {
      throw new ConflictError(`organisation ${input.businessId} already exists`);
    }
    return this.repository.insertOrganisation(
      { ...input, nameFi: input.nameFi.trim() },
      this.clock().toISOString(),
    );
  }

  findByBusinessId(businessId: string): Promise<OrganisationRow | undefined> {
    return this.repository.findOrganisationByBusinessId(businessId);
  }

  async requireOrganisation(businessId: string): Promise<OrganisationRow> {
    if (!isValidBusinessId(businessId)) {
      throw new ValidationError('businessId', 'not a valid business ID (Y-tunnus), e.g. 1234567-1');
    }
    const organisation = await this.repository.findOrganisationByBusinessId(businessId);
    if (!organisation) throw new NotFoundError(`no organisation with business ID ${businessId}`);
    return organisation;
  }

  async addService(input: AddServiceInput): Promise<ServiceRow> {
    const organisation = await this.requireOrganisation(input.businessId);
    if (!serviceIdPattern.test(input.serviceId)) {
      throw new ValidationError('serviceId', 'use 1–100 letters, digits, dots, dashes or underscores');
    }
    if (!input.nameFi.trim()) throw new ValidationError('name', 'is required');
    checkNames(input);
    if (await this.repository.findServiceByServiceId(input.serviceId)) {
      throw new ConflictError(`service ${input.serviceId} already exists`);
    }
    return this.repository.insertService(
      { ...input, organisationId: organisation.id, nameFi: input.nameFi.trim() },
      this.clock().toISOString(),
    );
  }

  /** A service by its public id (the API's sender.serviceId), whichever organisation owns it. */
  findService(serviceId: string): Promise<ServiceRow | undefined> {
    return this.repository.findServiceByServiceId(serviceId);
  }

  listOrganisations(): Promise<OrganisationRow[]> {
    return this.repository.listOrganisations();
  }

  async listServices(businessId?: string): Promise<Array<ServiceRow & { businessId: string }>> {
    const organisations = await this.repository.listOrganisations();
    const byId = new Map(organisations.map((o) => [o.id, o]));
    const organisationId = businessId ? (await this.requireOrganisation(businessId)).id : undefined;
    const services = await this.repository.listServices(organisationId);
    return services.map((s) => ({ ...s, businessId: byId.get(s.organisationId)?.businessId ?? '' }));
  }

  /** Organisations with their active services, named in the reader's language, for the start page. */
  async connectedOrganisations(locale: string): Promise<Array<{ name: string; services: string[] }>> {
    const organisations = await this.repository.listOrganisations();
    const services = await this.repository.listServices();
    // An organisation without active services (e.g. the account's own system sender) offers
    // citizens nothing, so it is not listed.
    return organisations
      .map((organisation) => ({
        name: localisedName(organisation, locale),
        services: services
          .filter((s) => s.organisationId === organisation.id && s.active)
          .map((s) => localisedName(s, locale)),
      }))
      .filter((organisation) => organisation.services.length > 0);
  }
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
