import type { AppContext } from '../../app-context.js';
import { CredentialRepository } from './credential-repository.js';
import type { CatalogueService } from '../catalogue/index.js';
import { CredentialService } from './credential-service.js';
import { OrganisationAdmin } from './organisation-admin.js';
import { OrganisationRepository } from './organisation-repository.js';
import { OrganisationService } from './organisation-service.js';

export type { ApiPrincipal, CredentialSummary } from './credential-service.js';
export type { OrganisationRow, ScopedService, ServiceRow, ServiceScope } from './organisation-repository.js';
import type { ScryptCost } from './password-hashing.js';
export type { ScryptCost } from './password-hashing.js';
export { CredentialService } from './credential-service.js';
export { OrganisationService, localisedName } from './organisation-service.js';
export { AdminInputError, OrganisationAdmin, adminLimits } from './organisation-admin.js';
export type {
  AdminActor,
  AdminCredential,
  AdminFormInput,
  AdminProblem,
  AdminProblemCode,
  AdminService,
  AdminServiceInput,
  CreatedCredential,
} from './organisation-admin.js';

/** Services of the organisations module: organisations and their services, API credentials and tokens. */
export interface OrganisationServices {
  organisations: OrganisationService;
  credentials: CredentialService;
}

export function createOrganisationServices(
  context: AppContext,
  options: { passwordHashCost?: ScryptCost } = {},
): OrganisationServices {
  const db = context.database.db;
  const organisations = new OrganisationService({
    repository: new OrganisationRepository(db),
    clock: context.clock,
  });
  const credentials = new CredentialService({
    repository: new CredentialRepository(db),
    organisations,
    clock: context.clock,
    options: {
      tokenTtlSeconds: context.config.apiTokenTtlSeconds,
      ...(options.passwordHashCost ? { hashCost: options.passwordHashCost } : {}),
    },
  });
  return { organisations, credentials };
}

/**
 * An organisation's own administration of its services and API credentials (its admins' pages),
 * built on the module's services and the app's one catalogue service (whose search index it
 * refreshes after a change).
 */
export function createOrganisationAdmin(
  context: AppContext,
  deps: OrganisationServices & { catalogue: CatalogueService },
): OrganisationAdmin {
  return new OrganisationAdmin({
    organisations: deps.organisations,
    credentials: deps.credentials,
    catalogue: deps.catalogue,
    db: context.database.db,
    clock: context.clock,
  });
}
