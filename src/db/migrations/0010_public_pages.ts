import { sql, type Kysely } from 'kysely';
import { bigint, createIndex, idColumn, isPostgres, optionalText, requiredText } from './column-types.js';

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
    .$call(idColumn(db))
    .addColumn('service_pk', bigint(db), (c) => c.notNull().references('services.id'))
    .$call(requiredText('title_fi'))
    .$call(optionalText('title_sv', 'title_en'))
    .$call(requiredText('url', 'created_at'))
    .execute();
  await createIndex(db, 'service_forms_service', 'service_forms', ['service_pk']);

  if (isPostgres(db)) {
    await db.schema
      .createTable('catalogue_search')
      .addColumn('service_pk', bigint(db), (c) => c.primaryKey())
      .$call(requiredText('name_terms', 'organisation_terms', 'form_terms', 'text_terms'))
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
    .$call(idColumn(db))
    .$call(requiredText('received_at', 'topic', 'message'))
    .$call(optionalText('reply_email'))
    .$call(requiredText('locale'))
    .execute();
  await createIndex(db, 'feedback_received', 'feedback', ['received_at']);
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
