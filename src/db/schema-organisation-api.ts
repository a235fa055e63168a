/**
 * Tables added by the organisation-api migration(s). Merged into DatabaseSchema in schema.ts.
 *
 * None so far: the organisation API works on the core tables (organisations, services,
 * api_credentials, api_tokens, api_login_failures, messages, attachments, events); migration 0003
 * only adds the indexes its lookups and purges need.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface OrganisationApiTables {}
