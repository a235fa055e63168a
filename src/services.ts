import type { AppContext } from './app-context.js';
import { createAccountServices, type AccountServices } from './modules/accounts/index.js';
import { createAuditServices, type AuditServices } from './modules/audit/index.js';
import { createCatalogueServices, type CatalogueService } from './modules/catalogue/index.js';
import { createConsentService, type ConsentService } from './modules/consents/index.js';
import { createDeliveryServices, type DeliveryServices } from './modules/delivery/index.js';
import { createEvidenceServices, type EvidenceServices } from './modules/evidence/index.js';
import { createFeedbackService, type FeedbackService } from './modules/feedback/index.js';
import { createMailboxServices, type MailboxServices } from './modules/mailbox/index.js';
import { createMessagingServices, type MessagingServices } from './modules/messages/index.js';
import {
  createOrganisationAdmin,
  createOrganisationServices,
  type OrganisationAdmin,
  type OrganisationService,
} from './modules/organisations/index.js';
import { createReportingServices, type ReportingServices } from './modules/reporting/index.js';
import { createStaffServices, type StaffServices } from './modules/staff/index.js';

/**
 * Every module's services, wired once from the application context: the composition root. Modules
 * are built only through their index.ts; a module that needs another's service gets it here.
 */
export interface AppServices {
  organisations: OrganisationService;
  /** Organisation admins' services and API credentials (staff pages under /virkailija/hallinta). */
  organisationAdmin: OrganisationAdmin;
  messaging: MessagingServices;
  accounts: AccountServices;
  mailbox: MailboxServices;
  delivery: DeliveryServices;
  audit: AuditServices;
  catalogue: CatalogueService;
  feedback: FeedbackService;
  reporting: ReportingServices;
  /** The consent register; under DELIVERY_CONSENT=per-organisation also asked by messaging. */
  consents: ConsentService;
  /** Organisations' staff: roles, staff sessions and the staff pages' identification. */
  staff: StaffServices;
  /** Signed delivery evidence: recorded by messaging, mailbox and delivery; bundles and the JWKS. */
  evidence: EvidenceServices;
}

export function createServices(context: AppContext): AppServices {
  const { organisations, credentials } = createOrganisationServices(context);
  const evidence = createEvidenceServices(context);
  const accounts = createAccountServices(context, { organisations, evidence: evidence.recorder });
  const consents = createConsentService(context, { organisations });
  const catalogue = createCatalogueServices(context);
  return {
    organisations,
    organisationAdmin: createOrganisationAdmin(context, { organisations, credentials, catalogue }),
    messaging: createMessagingServices(context, {
      organisations,
      credentials,
      ...(context.config.deliveryConsent === 'per-organisation' ? { consents } : {}),
      evidence: evidence.recorder,
    }),
    accounts,
    mailbox: createMailboxServices(context, { evidence }),
    delivery: createDeliveryServices(context, evidence.recorder, {
      leaseMs: context.config.deliveryLeaseSeconds * 1000,
      retryBaseDelayMs: context.config.deliveryRetryBaseSeconds * 1000,
      addressWindow: context.config.printAddressWindowMm,
      printBatchMaxAgeMs: context.config.printBatchMaxAgeMinutes * 60_000,
      printBatchMaxLetters: context.config.printBatchMaxLetters,
    }),
    audit: createAuditServices(context),
    catalogue,
    feedback: createFeedbackService(context),
    reporting: createReportingServices(context, { organisations }),
    consents,
    staff: createStaffServices(context, {
      organisations,
      relyingPartyKeys: () => accounts.identification.relyingPartyKeyStore,
    }),
    evidence,
  };
}
