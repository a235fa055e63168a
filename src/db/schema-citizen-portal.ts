/**
 * Tables added by the citizen-portal migration(s). Merged into DatabaseSchema in schema.ts.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface CitizenPortalTables {}
