import type { AppContext } from '../../app-context.js';
import { personalDataSeal } from '../../personal-data-seal.js';
import type { OrganisationService } from '../organisations/index.js';
import { ConsentRepository } from './consent-repository.js';
import { ConsentService } from './consent-service.js';

export { consentFormLanguages, type ConsentFormLanguage } from './consent-form.js';
export { ConsentService, consentChannels } from './consent-service.js';
export type {
  ConsentChannel,
  ConsentCheck,
  ConsentFormPdf,
  ConsentPage,
  ConsentProblem,
  ConsentRecorder,
  ConsentStatus,
  ConsentView,
  ConsentWithdrawnBy,
  PersonConsentView,
  RecordConsentInput,
  RecordedConsent,
} from './consent-service.js';

/**
 * The consent register: organisations record the consents people give them on paper, by phone or in
 * person; people see and withdraw them in their settings; under DELIVERY_CONSENT=per-organisation
 * the mailbox check and sending ask it (the composition root hands it to messaging).
 */
export function createConsentService(
  context: AppContext,
  deps: { organisations: OrganisationService },
): ConsentService {
  return new ConsentService({
    repository: new ConsentRepository(context.database.db, personalDataSeal(context)),
    organisations: deps.organisations,
    populationRegister: context.populationRegister,
    clock: context.clock,
    publicUrl: context.config.publicUrl,
  });
}
