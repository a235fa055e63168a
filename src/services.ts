import type { AppContext } from './app-context.js';
import { OrganisationRepository } from './modules/organisations/organisation-repository.js';
import { OrganisationService } from './modules/organisations/organisation-service.js';

/** Every module's service, wired once from the application context. */
export interface AppServices {
  organisations: OrganisationService;
}

export function createServices(context: AppContext): AppServices {
  const db = context.database.db;
  return {
    organisations: new OrganisationService(new OrganisationRepository(db), context.clock),
  };
}
