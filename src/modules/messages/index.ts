import type { AppContext } from '../../app-context.js';
import type { OrganisationService } from '../organisations/organisation-service.js';

/** Services of the messages module (organisation API side: sending, attachments, events). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface MessagingServices {}

export function createMessagingServices(
  _context: AppContext,
  _deps: { organisations: OrganisationService },
): MessagingServices {
  return {};
}
