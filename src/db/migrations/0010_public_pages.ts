import { sql, type Kysely } from 'kysely';
import { bigint, isPostgres, serialId, serialIdOptions } from './column-types.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * The public pages: the connected-services catalogue and the feedback form. Expand-only (new
 * nullable columns and new tables), so the previous release keeps running against it.
 *
 * - organisations.municipality_fi / _sv: the municipality an organisation serves (searchable).
 * - services.description_*, keywords_*, e_service_url: what the catalogue shows and searches.
 * - service_forms: printable forms of a service (title per language, link).
 * - catalogue_search: one row per listed service with its normalised search terms per field (see
 *   domain/search-terms.ts). On SQLite an FTS5 table; on PostgreSQL a plain table with a GIN index
 *   over to_tsvector('simple', …). The terms are already lower-case, diacritic-free stems, so both
 *   engines only match whole terms and term prefixes: the same candidates on both.
 * - feedback: what visitors send with the feedback form.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('organisations').addColumn('municipality_fi', 'text').execute();
  await db.schema.alterTable('organisations').addColumn('municipality_sv', 'text').execute();
  for (const column of [
    'description_fi',
    'description_sv',
    'description_en',
    'keywords_fi',
    'keywords_sv',
    'keywords_en',
    'e_service_url',
  ]) {
    await db.schema.alterTable('services').addColumn(column, 'text').execute();
  }

  await db.schema
    .createTable('service_forms')
    .addColumn('id', serialId(db), serialIdOptions(db))
    .addColumn('service_pk', bigint(db), (c) => c.notNull().references('services.id'))
    .addColumn('title_fi', 'text', (c) => c.notNull())
    .addColumn('title_sv', 'text')
    .addColumn('title_en', 'text')
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('service_forms_service').on('service_forms').column('service_pk').execute();

  if (isPostgres(db)) {
    await db.schema
      .createTable('catalogue_search')
      .addColumn('service_pk', bigint(db), (c) => c.primaryKey())
      .addColumn('name_terms', 'text', (c) => c.notNull())
      .addColumn('organisation_terms', 'text', (c) => c.notNull())
      .addColumn('form_terms', 'text', (c) => c.notNull())
      .addColumn('text_terms', 'text', (c) => c.notNull())
      .execute();
    await sql`create index catalogue_search_terms on catalogue_search using gin (to_tsvector('simple'::regconfig, name_terms || ' ' || organisation_terms || ' ' || form_terms || ' ' || text_terms))`.execute(
      db,
    );
  } else {
    await sql`create virtual table catalogue_search using fts5(service_pk unindexed, name_terms, organisation_terms, form_terms, text_terms, tokenize = 'unicode61')`.execute(
      db,
    );
  }

  await db.schema
    .createTable('feedback')
    .addColumn('id', serialId(db), serialIdOptions(db))
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('reply_email', 'text')
    .addColumn('locale', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('feedback_received').on('feedback').column('received_at').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('feedback').execute();
  await db.schema.dropTable('catalogue_search').execute();
  await db.schema.dropTable('service_forms').execute();
  for (const column of [
    'e_service_url',
    'keywords_en',
    'keywords_sv',
    'keywords_fi',
    'description_en',
    'description_sv',
    'description_fi',
  ]) {
    await db.schema.alterTable('services').dropColumn(column).execute();
  }
  await db.schema.alterTable('organisations').dropColumn('municipality_sv').execute();
  await db.schema.alterTable('organisations').dropColumn('municipality_fi').execute();
}
