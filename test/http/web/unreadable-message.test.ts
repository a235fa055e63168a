import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Envelope } from '../../../src/crypto/envelope.js';
import { generateKeyRingText, parseKeyRing } from '../../../src/crypto/key-ring.js';
import { contentContext, encryptText } from '../../../src/modules/messages/message-content.js';
import { signInAs } from '../../helpers/citizen-session.js';
import { persons } from '../../helpers/fixtures.js';
import { eventTypesOf, messageRow } from '../../helpers/stored-rows.js';
import { createHarness, type TestHarness } from '../../helpers/test-app.js';

describe('one message that does not decrypt never breaks the mailbox', () => {
  let h: TestHarness;
  let session: { cookies: Record<string, string>; csrfToken: string };
  let good: number;
  let bad: number;
  before(async () => {
    h = await createHarness();
    const kallio = await h.fixtures.organisation({ nameFi: 'Peruspalvelukuntayhtymä Kallio' });
    const { id: account } = await h.fixtures.account({ identityCode: persons.kimmo });
    const ids: number[] = [];
    for (const title of ['Luettava päätös', 'Salattu väärin']) {
      ids.push((await h.fixtures.message({ organisation: kallio, accountId: account, title })).messageId);
    }
    [good, bad] = ids as [number, number];
    // As if written by a process started with another key under the same key id.
    const wrongKey = new Envelope(parseKeyRing(generateKeyRingText('test')));
    await h.context.database.db
      .updateTable('messages')
      .set({
        title_enc: encryptText(wrongKey, 'Salattu väärin', contentContext.title),
        body_enc: encryptText(wrongKey, 'Ei luettavissa', contentContext.body),
      })
      .where('id', '=', bad)
      .execute();
    session = await signInAs(h, persons.kimmo);
  });
  after(() => h.close());

  test('the folder lists every message; the unreadable one is marked unavailable and logged', async () => {
    const inbox = await h.app.inject({ method: 'GET', url: '/mailbox/inbox', cookies: session.cookies });
    assert.equal(inbox.statusCode, 200);
    assert.ok(inbox.body.includes('Luettava päätös'));
    assert.ok(inbox.body.includes('Viestiä ei voida näyttää juuri nyt'));
    assert.ok(inbox.body.includes(`/mailbox/messages/${bad}`));
    const logged = h.log.lines.find((line) => line.includes('message content cannot be decrypted'));
    assert.ok(logged, 'the failure is logged');
    assert.equal(JSON.parse(logged).messageId, bad);
    assert.ok(!h.log.text.includes('Salattu väärin'), 'never the content');
  });

  test('the unreadable message answers a 503 page in the reader’s language; the others open', async () => {
    const page = await h.app.inject({
      method: 'GET',
      url: `/mailbox/messages/${bad}?lang=sv`,
      cookies: session.cookies,
    });
    assert.equal(page.statusCode, 503);
    assert.match(String(page.headers['content-type']), /^text\/html/);
    assert.ok(page.body.includes('Tjänsten är tillfälligt otillgänglig'));
    // Not shown, so not read: no read time, no "read" event for the sender, no evidence of opening.
    assert.equal((await messageRow(h, bad)).read_at, null);
    assert.ok(!(await eventTypesOf(h.context, bad)).includes('Electronic message read'));
    const other = await h.app.inject({
      method: 'GET',
      url: `/mailbox/messages/${good}`,
      cookies: session.cookies,
    });
    assert.equal(other.statusCode, 200);
    assert.ok(other.body.includes('Luettava päätös'));
  });
});
