import type { AppContext } from '../../app-context.js';
import { PersonDataRepository } from './person-data-repository.js';
import { PersonExportService } from './person-export-service.js';

export type { PersonExport, PersonExportOptions } from './person-export-service.js';
export { PersonExportService } from './person-export-service.js';

/** Data subjects' requests (operators): what the service holds about a person. */
export function createPersonExportService(context: AppContext): PersonExportService {
  const db = context.database.db;
  return new PersonExportService({
    repository: new PersonDataRepository(db),
    db,
    envelope: context.envelope,
    clock: context.clock,
  });
}
