/**
 * Tables added by the citizen-portal migration(s). Merged into DatabaseSchema in schema.ts. The
 * portal needs no tables of its own (0004 only adds indexes to web_sessions).
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface CitizenPortalTables {}
