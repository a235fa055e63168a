import type { Generated } from 'kysely';

/** Tables added by migration 0010 (public pages). Merged into DatabaseSchema in schema.ts. */
export interface PublicPagesTables {
  service_forms: ServiceFormsTable;
  catalogue_search: CatalogueSearchTable;
  feedback: FeedbackTable;
}

/** A printable form of a service. */
export interface ServiceFormsTable {
  id: Generated<number>;
  service_pk: number;
  title_fi: string;
  title_sv: string | null;
  title_en: string | null;
  url: string;
  created_at: string;
}

/**
 * The catalogue's search index: a listed service's normalised terms per field, space-separated
 * (FTS5 table on SQLite, plain table with a GIN index on PostgreSQL).
 */
export interface CatalogueSearchTable {
  service_pk: number;
  name_terms: string;
  organisation_terms: string;
  form_terms: string;
  text_terms: string;
}

/** A message sent with the public feedback form. */
export interface FeedbackTable {
  id: Generated<number>;
  received_at: string;
  topic: string;
  message: string;
  /** Where the sender wants an answer, sealed (migration 0016); null when none was given. */
  reply_email_enc: Buffer | null;
  locale: string;
}
