import type { AppContext } from '../../app-context.js';
import { CatalogueRepository } from './catalogue-repository.js';
import { CatalogueService } from './catalogue-service.js';

export {
  CatalogueService,
  fieldWeights,
  httpsUrlProblem,
  matchFactors,
  maxQueryLength,
} from './catalogue-service.js';
export type {
  CatalogueEntry,
  CatalogueForm,
  CatalogueHit,
  CatalogueOrganisation,
  CatalogueSearchResult,
  ServiceCatalogueTexts,
  ServiceFormTexts,
} from './catalogue-service.js';
export type { ServiceDescription } from './catalogue-repository.js';

/** The public catalogue of connected services: listing, search and its index, catalogue texts. */
export function createCatalogueServices(context: AppContext): CatalogueService {
  return new CatalogueService({
    repository: new CatalogueRepository(context.database.db),
    clock: context.clock,
  });
}
