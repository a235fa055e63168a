import type { AppContext } from './app-context.js';
import { createAccountServices, type AccountServices } from './modules/accounts/index.js';
import { createDeliveryServices, type DeliveryServices } from './modules/delivery/index.js';
import { createMailboxServices, type MailboxServices } from './modules/mailbox/index.js';
import { createMessagingServices, type MessagingServices } from './modules/messages/index.js';
import { OrganisationRepository } from './modules/organisations/organisation-repository.js';
import { OrganisationService } from './modules/organisations/organisation-service.js';

/** Every module's service, wired once from the application context. */
export interface AppServices {
  organisations: OrganisationService;
  messaging: MessagingServices;
  accounts: AccountServices;
  mailbox: MailboxServices;
  delivery: DeliveryServices;
}

export function createServices(context: AppContext): AppServices {
  const organisations = new OrganisationService(
    new OrganisationRepository(context.database.db),
    context.clock,
  );
  return {
    organisations,
    messaging: createMessagingServices(context, { organisations }),
    accounts: createAccountServices(context),
    mailbox: createMailboxServices(context),
    delivery: createDeliveryServices(context, {
      leaseMs: context.config.deliveryLeaseSeconds * 1000,
      retryBaseDelayMs: context.config.deliveryRetryBaseSeconds * 1000,
      addressWindow: context.config.printAddressWindowMm,
      printBatchMaxAgeMs: context.config.printBatchMaxAgeMinutes * 60_000,
      printBatchMaxLetters: context.config.printBatchMaxLetters,
    }),
  };
}
