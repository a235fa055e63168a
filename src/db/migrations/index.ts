import type { Migration } from 'kysely';
import type { Envelope } from '../../crypto/envelope.js';
import * as m0001 from './0001_foundation.js';
import * as m0002 from './0002_core.js';
import * as m0003 from './0003_organisation_api.js';
import * as m0004 from './0004_citizen_portal.js';
import * as m0005 from './0005_delivery.js';
import * as m0006 from './0006_mailbox_indexes.js';
import * as m0007 from './0007_login_attempts.js';
import * as m0008 from './0008_operations.js';
import * as m0009 from './0009_retention.js';
import * as m0010 from './0010_public_pages.js';
import * as m0011 from './0011_organisation_staff.js';
import * as m0012 from './0012_delivery_consents.js';
import * as m0013 from './0013_audit_chain.js';
import * as m0014 from './0014_delivery_evidence.js';
import * as m0015 from './0015_audit_access_log.js';
import { sealedPersonalData } from './0016_sealed_personal_data.js';
import * as m0017 from './0017_mailbox_unread_index.js';

/**
 * A migration; a contract migration (one that removes what an older version still uses) also says
 * `requires`: the oldest migration a process must know to run with the schema after it.
 */
export type VersionedMigration = Migration & { requires?: string };

/**
 * Every migration, in order. Listed in code (not read from a folder) so the same set runs from
 * src/ under tsx and from the compiled dist/, on both dialects. Those that seal stored values are
 * given the envelope (`migrate` has the key ring); without one they run only where there is nothing
 * to seal.
 */
export function migrationsWith(envelope: Envelope | undefined): Record<string, VersionedMigration> {
  return {
    '0001_foundation': m0001,
    '0002_core': m0002,
    '0003_organisation_api': m0003,
    '0004_citizen_portal': m0004,
    '0005_delivery': m0005,
    '0006_mailbox_indexes': m0006,
    '0007_login_attempts': m0007,
    '0008_operations': m0008,
    '0009_retention': m0009,
    '0010_public_pages': m0010,
    '0011_organisation_staff': m0011,
    '0012_delivery_consents': m0012,
    '0013_audit_chain': m0013,
    '0014_delivery_evidence': m0014,
    '0015_audit_access_log': m0015,
    '0016_sealed_personal_data': sealedPersonalData(envelope),
    '0017_mailbox_unread_index': m0017,
  };
}

/** The migrations by name, for what needs only their names and order. */
export const migrations: Record<string, VersionedMigration> = migrationsWith(undefined);
