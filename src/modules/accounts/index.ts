import type { AppContext } from '../../app-context.js';
import { personalDataSeal } from '../../personal-data-seal.js';
import {
  createIdentificationService,
  createSamlIdentificationService,
  createSessionService,
  type IdentificationService,
  type SamlIdentificationService,
  type SessionService,
} from '../identity/index.js';
import type { EvidenceRecorder } from '../evidence/index.js';
import type { OrganisationService } from '../organisations/index.js';
import { AccountRepository } from './account-repository.js';
import { AccountService } from './account-service.js';

export type { AccountRow } from './account-repository.js';
export { toAccount } from './account-row.js';
export type { OpeningCheck, OpeningInput, OpeningResult, SettingsInput } from './account-service.js';
export type { ContactInput, FormField, FormProblem, FormProblemKind } from './contact-details.js';
export type { Refusal } from './eligibility.js';
export { AccountService } from './account-service.js';
export { currentTerms, termsAcceptanceDue } from '../../domain/terms-of-use.js';

/** Services of the accounts module (citizen identification, sessions, opening/closing accounts). */
export interface AccountServices {
  sessions: SessionService;
  identification: IdentificationService;
  /** Suomi.fi e-Identification over SAML, when IDENTIFICATION=suomifi-saml. */
  saml: SamlIdentificationService | undefined;
  accounts: AccountService;
}

export function createAccountService(
  context: AppContext,
  deps: { organisations: OrganisationService; evidence: EvidenceRecorder },
): AccountService {
  return new AccountService({
    repository: new AccountRepository(context.database.db, personalDataSeal(context)),
    db: context.database.db,
    envelope: context.envelope,
    populationRegister: context.populationRegister,
    organisations: deps.organisations,
    evidence: deps.evidence,
    clock: context.clock,
  });
}

export function createAccountServices(
  context: AppContext,
  deps: { organisations: OrganisationService; evidence: EvidenceRecorder },
): AccountServices {
  const sessions = createSessionService(context);
  let identification: IdentificationService | undefined;
  let saml: { service: SamlIdentificationService | undefined } | undefined;
  return {
    sessions,
    // Built when the web side first asks for it (its routes, at start-up): it loads the relying
    // party's keys, which a worker or an operator command never needs and may not have on its host.
    get identification() {
      return (identification ??= createIdentificationService(context, sessions));
    },
    get saml() {
      return (saml ??= { service: createSamlIdentificationService(context, sessions) }).service;
    },
    accounts: createAccountService(context, deps),
  };
}
