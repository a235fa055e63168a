import type { Migration } from 'kysely';
import * as m0001 from './0001_foundation.js';
import * as m0002 from './0002_core.js';

/**
 * Every migration, in order. Listed in code (not read from a folder) so the same set runs from
 * src/ under tsx and from the compiled dist/, on both dialects.
 */
export const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_core': m0002,
};
