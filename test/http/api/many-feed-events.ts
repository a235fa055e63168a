import { appendFeedEvent, type FeedEventType } from '../../../src/modules/messages/event-repository.js';
import type { ApiClient } from '../../helpers/api-client.js';
import { electronicRequest } from '../../helpers/api-requests.js';
import type { ApiOrganisation } from '../../helpers/fixtures.js';
import type { TestHarness } from '../../helpers/test-app.js';

/**
 * Sends one electronic message through the API, then adds `reads` read events for it in one
 * transaction (the feed's paging is under test, not reading), so the feed runs over several pages.
 * Resolves with the message's id.
 */
export async function messageWithManyReadEvents(
  h: TestHarness,
  api: ApiClient,
  org: ApiOrganisation,
  reads: number,
): Promise<number> {
  const citizen = await h.fixtures.account();
  const sent = await api.post('/v2/messages/electronic', electronicRequest(org, citizen.identityCode));
  const messageId = sent.json<{ messageId: number }>().messageId;
  await h.context.database.db.transaction().execute(async (trx) => {
    for (let i = 0; i < reads; i++) {
      await appendFeedEvent(trx, {
        organisationId: org.id,
        messageId,
        serviceId: org.serviceId,
        type: 'Electronic message read',
        occurredAt: h.context.clock(),
      });
    }
  });
  return messageId;
}

/**
 * Adds one event of each given type to the organisation's message, in one transaction, as the
 * delivery side records them (Posti's events with a tracking code, its receipt with a signature).
 */
export async function appendEventsOfTypes(
  h: TestHarness,
  message: { org: ApiOrganisation; messageId: number; externalId: string | null },
  types: readonly FeedEventType[],
): Promise<void> {
  await h.context.database.db.transaction().execute(async (trx) => {
    for (const type of types) {
      await appendFeedEvent(trx, {
        organisationId: message.org.id,
        messageId: message.messageId,
        serviceId: message.org.serviceId,
        externalId: message.externalId,
        type,
        occurredAt: h.context.clock(),
        ...(type.startsWith('Posti') ? { postiTrackingCode: 'JJFI1234' } : {}),
        ...(type === 'Posti: receipt confirmed' ? { recipientSignature: 'K. Mäkinen' } : {}),
      });
    }
  });
}
