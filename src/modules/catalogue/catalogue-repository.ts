import { sql, type Insertable, type Kysely } from 'kysely';
import { definedColumns } from '../../db/defined-columns.js';
import { isPostgres } from '../../db/dialect.js';
import type { DatabaseSchema } from '../../db/schema.js';
import type { ServiceFormsTable } from '../../db/schema-public-pages.js';
import { firstValue } from '../../db/first-value.js';

type Db = Kysely<DatabaseSchema>;

/** A listed service with its organisation, as the catalogue shows it (all languages). */
export interface CatalogueServiceRow {
  servicePk: number;
  serviceId: string;
  nameFi: string;
  nameSv: string | null;
  nameEn: string | null;
  descriptionFi: string | null;
  descriptionSv: string | null;
  descriptionEn: string | null;
  keywordsFi: string | null;
  keywordsSv: string | null;
  keywordsEn: string | null;
  eServiceUrl: string | null;
  acceptsMessages: boolean;
  organisationId: number;
  organisationNameFi: string;
  organisationNameSv: string | null;
  organisationNameEn: string | null;
  municipalityFi: string | null;
  municipalitySv: string | null;
}

export interface ServiceFormRow {
  id: number;
  servicePk: number;
  titleFi: string;
  titleSv: string | null;
  titleEn: string | null;
  url: string;
}

/** One service's terms per field, as stored in the search index. */
export interface SearchIndexRow {
  servicePk: number;
  nameTerms: string;
  organisationTerms: string;
  formTerms: string;
  textTerms: string;
}

export interface ServiceDescription {
  descriptionFi?: string | null | undefined;
  descriptionSv?: string | null | undefined;
  descriptionEn?: string | null | undefined;
  keywordsFi?: string | null | undefined;
  keywordsSv?: string | null | undefined;
  keywordsEn?: string | null | undefined;
  eServiceUrl?: string | null | undefined;
}

/** A service's catalogue texts in every language, for the organisation's own admin pages. */
export interface ServiceTextsRow {
  servicePk: number;
  serviceId: string;
  descriptionFi: string | null;
  descriptionSv: string | null;
  descriptionEn: string | null;
  eServiceUrl: string | null;
}

const indexColumns = [
  'service_pk as servicePk',
  'name_terms as nameTerms',
  'organisation_terms as organisationTerms',
  'form_terms as formTerms',
  'text_terms as textTerms',
] as const;

/** A form as its service_forms row: one mapping for adding a form and for replacing them all. */
function serviceFormRow(form: Omit<ServiceFormRow, 'id'>, now: string): Insertable<ServiceFormsTable> {
  return {
    service_pk: form.servicePk,
    title_fi: form.titleFi,
    title_sv: form.titleSv,
    title_en: form.titleEn,
    url: form.url,
    created_at: now,
  };
}

/** All SQL of the public catalogue: listed services, their forms and the search index. */
export class CatalogueRepository {
  constructor(private readonly db: Db) {}

  /** Active services of active organisations: what the public may see. */
  async listServices(): Promise<CatalogueServiceRow[]> {
    const rows = await this.db
      .selectFrom('services as s')
      .innerJoin('organisations as o', 'o.id', 's.organisation_id')
      .select([
        's.id as servicePk',
        's.service_id as serviceId',
        's.name_fi as nameFi',
        's.name_sv as nameSv',
        's.name_en as nameEn',
        's.description_fi as descriptionFi',
        's.description_sv as descriptionSv',
        's.description_en as descriptionEn',
        's.keywords_fi as keywordsFi',
        's.keywords_sv as keywordsSv',
        's.keywords_en as keywordsEn',
        's.e_service_url as eServiceUrl',
        's.accepts_messages as acceptsMessages',
        'o.id as organisationId',
        'o.name_fi as organisationNameFi',
        'o.name_sv as organisationNameSv',
        'o.name_en as organisationNameEn',
        'o.municipality_fi as municipalityFi',
        'o.municipality_sv as municipalitySv',
      ])
      .where('s.active', '=', 1)
      .where('o.deactivated_at', 'is', null)
      .orderBy('o.name_fi')
      .orderBy('s.name_fi')
      .orderBy('s.id')
      .execute();
    return rows.map((row) => ({
      ...row,
      servicePk: Number(row.servicePk),
      organisationId: Number(row.organisationId),
      acceptsMessages: row.acceptsMessages === 1,
    }));
  }

  async listForms(): Promise<ServiceFormRow[]> {
    return this.forms();
  }

  /** The catalogue texts of the given services, listed or not (deactivated ones too). */
  async listServiceTexts(serviceIds: readonly string[]): Promise<ServiceTextsRow[]> {
    if (serviceIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('services')
      .select([
        'id as servicePk',
        'service_id as serviceId',
        'description_fi as descriptionFi',
        'description_sv as descriptionSv',
        'description_en as descriptionEn',
        'e_service_url as eServiceUrl',
      ])
      .where('service_id', 'in', serviceIds)
      .orderBy('id')
      .execute();
    return rows.map((row) => ({ ...row, servicePk: Number(row.servicePk) }));
  }

  /** The forms of the given services, in the order listForms gives them. */
  async listFormsOf(servicePks: readonly number[]): Promise<ServiceFormRow[]> {
    if (servicePks.length === 0) return [];
    return this.forms(servicePks);
  }

  /** Forms by service, then title: of every service, or of these. */
  private async forms(servicePks?: readonly number[]): Promise<ServiceFormRow[]> {
    let query = this.db
      .selectFrom('service_forms')
      .select([
        'id',
        'service_pk as servicePk',
        'title_fi as titleFi',
        'title_sv as titleSv',
        'title_en as titleEn',
        'url',
      ]);
    if (servicePks) query = query.where('service_pk', 'in', servicePks);
    const rows = await query.orderBy('service_pk').orderBy('title_fi').orderBy('id').execute();
    return rows.map((row) => ({ ...row, id: Number(row.id), servicePk: Number(row.servicePk) }));
  }

  /** The service's forms become exactly `forms`, in one transaction (a reader never sees half). */
  async replaceForms(
    servicePk: number,
    forms: ReadonlyArray<Omit<ServiceFormRow, 'id' | 'servicePk'>>,
    now: string,
  ): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('service_forms').where('service_pk', '=', servicePk).execute();
      if (forms.length === 0) return;
      await trx
        .insertInto('service_forms')
        .values(forms.map((form) => serviceFormRow({ ...form, servicePk }, now)))
        .execute();
    });
  }

  async findServicePk(serviceId: string): Promise<number | undefined> {
    const id = await firstValue(
      this.db.selectFrom('services').select('id').where('service_id', '=', serviceId),
    );
    return id === undefined ? undefined : Number(id);
  }

  async describeService(servicePk: number, description: ServiceDescription): Promise<void> {
    const set = definedColumns({
      description_fi: description.descriptionFi,
      description_sv: description.descriptionSv,
      description_en: description.descriptionEn,
      keywords_fi: description.keywordsFi,
      keywords_sv: description.keywordsSv,
      keywords_en: description.keywordsEn,
      e_service_url: description.eServiceUrl,
    });
    if (Object.keys(set).length === 0) return;
    await this.db.updateTable('services').set(set).where('id', '=', servicePk).execute();
  }

  async setMunicipality(
    businessId: string,
    municipality: { fi: string | null; sv: string | null },
  ): Promise<void> {
    await this.db
      .updateTable('organisations')
      .set({ municipality_fi: municipality.fi, municipality_sv: municipality.sv })
      .where('business_id', '=', businessId)
      .execute();
  }

  async insertForm(form: Omit<ServiceFormRow, 'id'>, now: string): Promise<void> {
    await this.db.insertInto('service_forms').values(serviceFormRow(form, now)).execute();
  }

  /**
   * Replaces the whole search index with `rows`. SQLite: delete and insert in one transaction (one
   * writer at a time). PostgreSQL: upsert each row and delete the rest, so two processes refreshing
   * at once both succeed (a plain delete-and-insert could collide on the primary key).
   */
  async replaceSearchIndex(rows: SearchIndexRow[]): Promise<void> {
    const values = rows.map((row) => ({
      service_pk: row.servicePk,
      name_terms: row.nameTerms,
      organisation_terms: row.organisationTerms,
      form_terms: row.formTerms,
      text_terms: row.textTerms,
    }));
    await this.db.transaction().execute(async (trx) => {
      if (!isPostgres(trx)) {
        await trx.deleteFrom('catalogue_search').execute();
        if (values.length > 0) await trx.insertInto('catalogue_search').values(values).execute();
        return;
      }
      if (values.length > 0) {
        await trx
          .insertInto('catalogue_search')
          .values(values)
          .onConflict((oc) =>
            oc.column('service_pk').doUpdateSet((eb) => ({
              name_terms: eb.ref('excluded.name_terms'),
              organisation_terms: eb.ref('excluded.organisation_terms'),
              form_terms: eb.ref('excluded.form_terms'),
              text_terms: eb.ref('excluded.text_terms'),
            })),
          )
          .execute();
      }
      const kept = values.map((value) => value.service_pk);
      await trx
        .deleteFrom('catalogue_search')
        .$if(kept.length > 0, (qb) => qb.where('service_pk', 'not in', kept))
        .execute();
    });
  }

  /** Every indexed row (the vocabulary that misspelled query terms are corrected against). */
  async listSearchIndex(): Promise<SearchIndexRow[]> {
    const rows = await this.db.selectFrom('catalogue_search').select(indexColumns).execute();
    return rows.map((row) => ({ ...row, servicePk: Number(row.servicePk) }));
  }

  /**
   * Services whose terms match every group: a group is satisfied when some indexed term starts with
   * one of its alternatives. Terms are [a-z0-9]+ (domain/search-terms.ts), so they are safe inside
   * both engines' query syntax; anything else is refused here rather than quoted.
   * SQLite: FTS5 `("a"* OR "b"*) AND "c"*`; PostgreSQL: to_tsquery('simple', '(a:* | b:*) & c:*').
   */
  async matchAll(groups: string[][]): Promise<SearchIndexRow[]> {
    if (groups.length === 0 || groups.some((group) => group.length === 0)) return [];
    for (const term of groups.flat()) {
      if (!/^[a-z0-9]+$/.test(term)) throw new Error('search terms must be folded [a-z0-9]+ words');
    }
    if (isPostgres(this.db)) {
      const query = groups.map((group) => `(${group.map((term) => `${term}:*`).join(' | ')})`).join(' & ');
      // The expression is the one the GIN index of migration 0010 is built on, so the index is used.
      const rows = await this.db
        .selectFrom('catalogue_search')
        .select(indexColumns)
        .where(
          sql<boolean>`to_tsvector('simple'::regconfig, name_terms || ' ' || organisation_terms || ' ' || form_terms || ' ' || text_terms) @@ to_tsquery('simple'::regconfig, ${query})`,
        )
        .orderBy('service_pk')
        .execute();
      return rows.map((row) => ({ ...row, servicePk: Number(row.servicePk) }));
    }
    const query = groups.map((group) => `(${group.map((term) => `"${term}"*`).join(' OR ')})`).join(' AND ');
    const rows = await this.db
      .selectFrom('catalogue_search')
      .select(indexColumns)
      .where(sql<boolean>`catalogue_search match ${query}`)
      .orderBy('service_pk')
      .execute();
    return rows.map((row) => ({ ...row, servicePk: Number(row.servicePk) }));
  }
}
