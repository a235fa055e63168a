import type { AccountFixture } from '../test/helpers/fixtures.js';
import type { TestHarness } from '../test/helpers/test-app.js';
import { contentContext, encryptText } from '../src/modules/messages/index.js';
import { personalDataSeal, recipientColumns } from '../src/personal-data-seal.js';

/**
 * Kimmo's account with `size` available messages from one organisation, written straight into the
 * table 500 a statement: the sending path would take hours for the inbox sizes benchmarked.
 */
export async function kimmoWithFullInbox(h: TestHarness, size: number): Promise<AccountFixture> {
  const organisation = await h.fixtures.apiOrganisation();
  const account = await h.fixtures.account({ identityCode: '270570-901K' });
  const now = new Date().toISOString();
  const title = encryptText(h.context.envelope, 'Päätös', contentContext.title);
  const body = encryptText(h.context.envelope, 'Sisältö', contentContext.body);
  const recipient = await recipientColumns(personalDataSeal(h.context), account.identityCode);
  for (let done = 0; done < size; done += 500) {
    const rows = Array.from({ length: Math.min(500, size - done) }, () => ({
      direction: 'to_citizen' as const,
      organisation_id: organisation.id,
      service_pk: organisation.servicePk,
      account_id: account.id,
      ...recipient,
      channel: 'electronic' as const,
      service_type: 'Normal' as const,
      reply_allowed: 0,
      visibility: 'Normal',
      body_format: 'Text' as const,
      title_enc: title,
      body_enc: body,
      options: '{}',
      created_at: now,
      available_at: now,
    }));
    await h.context.database.db.insertInto('messages').values(rows).execute();
  }
  return account;
}
