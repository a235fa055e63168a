import type { AppContext } from '../../app-context.js';
import { personalDataSeal } from '../../personal-data-seal.js';
import { PersonDataRepository } from './person-data-repository.js';
import { PersonExportService } from './person-export-service.js';

export type { PersonExport, PersonExportOptions } from './person-export-service.js';
export { PersonExportService } from './person-export-service.js';

/** Data subjects' requests (operators): what the service holds about a person. */
export function createPersonExportService(context: AppContext): PersonExportService {
  const db = context.database.db;
  const seal = personalDataSeal(context);
  return new PersonExportService({
    repository: new PersonDataRepository(db, seal),
    db,
    envelope: context.envelope,
    seal,
    clock: context.clock,
  });
}
