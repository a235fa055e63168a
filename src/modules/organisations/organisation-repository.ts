import type { Kysely, Selectable } from 'kysely';
import { definedColumns } from '../../db/defined-columns.js';
import type { DatabaseSchema, ServicesTable } from '../../db/schema.js';

export interface OrganisationRow {
  id: number;
  businessId: string;
  nameFi: string;
  nameSv: string | null;
  nameEn: string | null;
  streetAddress: string | null;
  postalCode: string | null;
  city: string | null;
  /** When an operator deactivated it; null while active. */
  deactivatedAt: string | null;
}

export interface ServiceRow {
  id: number;
  organisationId: number;
  serviceId: string;
  nameFi: string;
  nameSv: string | null;
  nameEn: string | null;
  acceptsMessages: boolean;
  active: boolean;
}

export interface NewOrganisation {
  businessId: string;
  nameFi: string;
  nameSv?: string | undefined;
  nameEn?: string | undefined;
  streetAddress?: string | undefined;
  postalCode?: string | undefined;
  city?: string | undefined;
}

export interface NewService {
  organisationId: number;
  serviceId: string;
  nameFi: string;
  nameSv?: string | undefined;
  nameEn?: string | undefined;
  acceptsMessages: boolean;
  /** Defaults to active; the service's own system sender is created inactive (never listed). */
  active?: boolean | undefined;
}

/** Which of an organisation's services a caller may see: all, or these primary keys. */
export type ServiceScope = readonly number[] | 'all';

/** A service as the staff pages list it (sending, sent list, dashboard). */
export interface ScopedService {
  servicePk: number;
  serviceId: string;
  nameFi: string;
  nameSv: string | null;
  nameEn: string | null;
  active: boolean;
}

/** The organisation and service that the service's own messages (the welcome message) come from. */
export interface SystemSender {
  businessId: string;
  nameFi: string;
  nameSv: string;
  nameEn: string;
  serviceId: string;
  serviceNameFi: string;
  serviceNameSv: string;
  serviceNameEn: string;
}

type Db = Kysely<DatabaseSchema>;

const organisationColumns = [
  'id',
  'business_id as businessId',
  'name_fi as nameFi',
  'name_sv as nameSv',
  'name_en as nameEn',
  'street_address as streetAddress',
  'postal_code as postalCode',
  'city',
  'deactivated_at as deactivatedAt',
] as const;

/** Names to change; undefined leaves a name as it is, null clears an optional one. */
export interface NameChanges {
  nameFi?: string | undefined;
  nameSv?: string | null | undefined;
  nameEn?: string | null | undefined;
}

/** The name columns to set: undefined leaves a name as it is. */
function nameColumns(changes: NameChanges) {
  return { name_fi: changes.nameFi, name_sv: changes.nameSv, name_en: changes.nameEn };
}

/** The name columns of a new row: a Swedish or English name not given is stored as null. */
function newNameColumns(names: Pick<NewOrganisation, 'nameFi' | 'nameSv' | 'nameEn'>) {
  return { name_fi: names.nameFi, name_sv: names.nameSv ?? null, name_en: names.nameEn ?? null };
}

function toService(row: Omit<Selectable<ServicesTable>, 'created_at'>): ServiceRow {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    serviceId: row.service_id,
    nameFi: row.name_fi,
    nameSv: row.name_sv,
    nameEn: row.name_en,
    acceptsMessages: row.accepts_messages === 1,
    active: row.active === 1,
  };
}

/** All SQL about organisations and their services. */
export class OrganisationRepository {
  constructor(private readonly db: Db) {}

  async insertOrganisation(organisation: NewOrganisation, now: string): Promise<OrganisationRow> {
    const { id } = await this.db
      .insertInto('organisations')
      .values({
        business_id: organisation.businessId,
        ...newNameColumns(organisation),
        street_address: organisation.streetAddress ?? null,
        postal_code: organisation.postalCode ?? null,
        city: organisation.city ?? null,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return (await this.findOrganisationById(id))!;
  }

  async findOrganisationById(id: number): Promise<OrganisationRow | undefined> {
    return this.organisations().where('id', '=', id).executeTakeFirst();
  }

  async findOrganisationByBusinessId(businessId: string): Promise<OrganisationRow | undefined> {
    return this.organisations().where('business_id', '=', businessId).executeTakeFirst();
  }

  async listOrganisations(): Promise<OrganisationRow[]> {
    return this.organisations().orderBy('name_fi').execute();
  }

  /** Organisations as OrganisationRow reads them. */
  private organisations() {
    return this.db.selectFrom('organisations').select(organisationColumns);
  }

  async updateOrganisationNames(id: number, changes: NameChanges): Promise<void> {
    await this.db
      .updateTable('organisations')
      .set(definedColumns(nameColumns(changes)))
      .where('id', '=', id)
      .execute();
  }

  /**
   * Deactivates the organisation in one transaction: its services stop taking messages and every
   * access token it holds is dropped (its credentials are refused from now on, see
   * CredentialRepository). Returns false when it was already deactivated. Its messages, events and
   * credentials' history are kept.
   */
  async deactivateOrganisation(id: number, now: string): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const result = await trx
        .updateTable('organisations')
        .set({ deactivated_at: now })
        .where('id', '=', id)
        .where('deactivated_at', 'is', null)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) return false;
      await trx.updateTable('services').set({ active: 0 }).where('organisation_id', '=', id).execute();
      await trx.deleteFrom('api_tokens').where('organisation_id', '=', id).execute();
      return true;
    });
  }

  async updateService(
    id: number,
    changes: NameChanges & { acceptsMessages?: boolean | undefined },
  ): Promise<void> {
    await this.db
      .updateTable('services')
      .set(
        definedColumns({
          ...nameColumns(changes),
          accepts_messages:
            changes.acceptsMessages === undefined ? undefined : changes.acceptsMessages ? 1 : 0,
        }),
      )
      .where('id', '=', id)
      .execute();
  }

  /** Returns false when the service was already inactive. */
  async deactivateService(id: number): Promise<boolean> {
    const result = await this.db
      .updateTable('services')
      .set({ active: 0 })
      .where('id', '=', id)
      .where('active', '=', 1)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async insertService(service: NewService, now: string): Promise<ServiceRow> {
    const { id } = await this.db
      .insertInto('services')
      .values({
        organisation_id: service.organisationId,
        service_id: service.serviceId,
        ...newNameColumns(service),
        accepts_messages: service.acceptsMessages ? 1 : 0,
        ...(service.active === undefined ? {} : { active: service.active ? 1 : 0 }),
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return (await this.findServiceByPk(id))!;
  }

  /**
   * Brings the stored names of the service's own organisation and service up to date when a release
   * renamed them (the welcome message shows them as its sender). One row each, on an opening only.
   */
  async renameSystemSender(names: SystemSender): Promise<void> {
    await this.db
      .updateTable('organisations')
      .set({ name_fi: names.nameFi, name_sv: names.nameSv, name_en: names.nameEn })
      .where('business_id', '=', names.businessId)
      .execute();
    await this.db
      .updateTable('services')
      .set({ name_fi: names.serviceNameFi, name_sv: names.serviceNameSv, name_en: names.serviceNameEn })
      .where('service_id', '=', names.serviceId)
      .execute();
  }

  async findServiceByPk(id: number): Promise<ServiceRow | undefined> {
    const row = await this.db.selectFrom('services').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toService(row);
  }

  async findServiceByServiceId(serviceId: string): Promise<ServiceRow | undefined> {
    const row = await this.db
      .selectFrom('services')
      .selectAll()
      .where('service_id', '=', serviceId)
      .executeTakeFirst();
    return row && toService(row);
  }

  async listServices(organisationId?: number): Promise<ServiceRow[]> {
    let query = this.db.selectFrom('services').selectAll().orderBy('organisation_id').orderBy('service_id');
    if (organisationId !== undefined) query = query.where('organisation_id', '=', organisationId);
    return (await query.execute()).map(toService);
  }

  /** The organisation's services in the scope, active or not, in the order they were added. */
  async servicesInScope(organisationId: number, scope: ServiceScope): Promise<ScopedService[]> {
    if (scope !== 'all' && scope.length === 0) return [];
    let query = this.db
      .selectFrom('services')
      .select(['id', 'service_id', 'name_fi', 'name_sv', 'name_en', 'active'])
      .where('organisation_id', '=', organisationId);
    if (scope !== 'all') query = query.where('id', 'in', scope);
    const rows = await query.orderBy('id').execute();
    return rows.map((row) => ({
      servicePk: Number(row.id),
      serviceId: row.service_id,
      nameFi: row.name_fi,
      nameSv: row.name_sv,
      nameEn: row.name_en,
      active: Number(row.active) === 1,
    }));
  }
}
