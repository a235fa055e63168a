import type { AppContext } from '../../app-context.js';
import { CredentialRepository } from './credential-repository.js';
import { CredentialService } from './credential-service.js';
import { OrganisationRepository } from './organisation-repository.js';
import { OrganisationService } from './organisation-service.js';

export type { ApiPrincipal, CredentialSummary } from './credential-service.js';
export type { OrganisationRow, ServiceRow } from './organisation-repository.js';
import type { ScryptCost } from './password-hashing.js';
export type { ScryptCost } from './password-hashing.js';
export { CredentialService } from './credential-service.js';
export { OrganisationService, localisedName } from './organisation-service.js';

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
