import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { feedbackThrottle, minimumFillMs } from '../../../src/modules/feedback/index.js';
import { getPage, postForgedForm, postForm, signInAs } from '../../helpers/citizen-session.js';
import { createHarness, type TestHarness } from '../../helpers/test-app.js';
import { personalDataContext } from '../../../src/crypto/personal-data.js';

const start = new Date('2026-03-02T10:00:00.000Z');

describe('feedback form', () => {
  let h: TestHarness;
  let now: Date;
  let address = 0;
  before(async () => {
    h = await createHarness({ now: start });
  });
  after(() => h.close());
  beforeEach(async () => {
    await h.context.database.db.deleteFrom('feedback').execute();
    now = new Date(start);
    h.setNow(now);
    address += 1;
  });

  const later = (ms: number) => {
    now = new Date(now.getTime() + ms);
    h.setNow(now);
  };
  const stored = () => h.context.database.db.selectFrom('feedback').selectAll().execute();

  async function openForm(lang = 'fi'): Promise<string> {
    const response = await h.app.inject({ method: 'GET', url: `/feedback?lang=${lang}` });
    assert.equal(response.statusCode, 200);
    const stamp = /name="stamp" value="([^"]+)"/.exec(response.body)?.[1];
    assert.ok(stamp, 'the form carries a stamp');
    return stamp;
  }

  function send(fields: Record<string, string>, lang = 'fi') {
    return h.app.inject({
      method: 'POST',
      url: `/feedback?lang=${lang}`,
      remoteAddress: `203.0.113.${address}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(fields).toString(),
    });
  }

  const good = { topic: 'accessibility', message: 'Painikkeet ovat liian pieniä puhelimella.', email: '' };

  for (const lang of ['fi', 'sv', 'en']) {
    test(`a person's feedback in ${lang} is stored and thanked for`, async () => {
      const stamp = await openForm(lang);
      later(minimumFillMs + 1000);
      const response = await send({ ...good, email: 'Maija@Example.FI', stamp }, lang);
      assert.equal(response.statusCode, 303);
      assert.equal(response.headers.location, '/feedback/thanks');
      const rows = await stored();
      assert.equal(rows.length, 1);
      assert.equal(rows[0]!.topic, 'accessibility');
      assert.equal(rows[0]!.locale, lang);
      assert.equal(
        h.context.envelope.decryptText(rows[0]!.reply_email_enc!, personalDataContext.feedbackReplyEmail),
        'Maija@example.fi',
      );
      assert.equal(rows[0]!.received_at, now.toISOString());
      const thanks = await h.app.inject({ method: 'GET', url: `/feedback/thanks?lang=${lang}` });
      assert.equal(thanks.statusCode, 200);
    });
  }

  test('bad input: each field says what is wrong, the summary links to it, what was typed stays, nothing is stored', async () => {
    const stamp = await openForm();
    later(minimumFillMs + 1000);
    const response = await send({ message: 'lyhyt', email: 'ei-osoite', stamp });
    assert.equal(response.statusCode, 400);
    const body = response.body;
    assert.ok(body.includes('<title>Virhe: Palaute'));
    assert.ok(body.includes('href="#feedback-topic-service">Valitse palautteen aihe.</a>'));
    assert.ok(body.includes('href="#feedback-message">Kirjoita palautteeseen vähintään 10 merkkiä.</a>'));
    assert.ok(body.includes('href="#feedback-email">Tarkista sähköpostiosoite'));
    assert.ok(body.includes('>lyhyt</textarea>'));
    assert.ok(body.includes('value="ei-osoite"'));
    assert.deepEqual(await stored(), []);
  });

  test('a message over the limit and an empty one are refused', async () => {
    const stamp = await openForm();
    later(minimumFillMs + 1000);
    assert.ok(
      (await send({ ...good, message: 'x'.repeat(4001), stamp })).body.includes('Palaute on liian pitkä'),
    );
    assert.ok((await send({ ...good, message: '   ', stamp })).body.includes('Kirjoita palaute.'));
    assert.deepEqual(await stored(), []);
  });

  test('a form sent faster than a person could is refused with a fresh stamp that works later', async () => {
    const stamp = await openForm();
    later(minimumFillMs - 1);
    const fast = await send({ ...good, stamp });
    assert.equal(fast.statusCode, 400);
    assert.ok(fast.body.includes('Lomake lähetettiin poikkeuksellisen nopeasti'));
    assert.deepEqual(await stored(), []);
    const fresh = /name="stamp" value="([^"]+)"/.exec(fast.body)?.[1];
    assert.ok(fresh && fresh !== stamp);
    later(minimumFillMs);
    assert.equal((await send({ ...good, stamp: fresh })).statusCode, 303);
    assert.equal((await stored()).length, 1);
  });

  test('an expired, missing or forged stamp is refused', async () => {
    const stamp = await openForm();
    later(25 * 3600_000);
    assert.ok((await send({ ...good, stamp })).body.includes('Lomake ehti vanhentua'));
    assert.ok((await send({ ...good })).body.includes('Lomake ehti vanhentua'));
    const forged = Buffer.from(JSON.stringify({ issuedAt: 0 })).toString('base64url');
    assert.ok((await send({ ...good, stamp: forged })).body.includes('Lomake ehti vanhentua'));
    assert.deepEqual(await stored(), []);
  });

  test('a filled honeypot looks accepted but nothing is stored', async () => {
    const stamp = await openForm();
    later(minimumFillMs + 1000);
    const response = await send({ ...good, stamp, website: 'https://spam.example' });
    assert.equal(response.statusCode, 303);
    assert.deepEqual(await stored(), []);
  });

  test(`one address may send ${feedbackThrottle.max} times an hour; then 429 until the window ends`, async () => {
    const stamp = await openForm();
    later(minimumFillMs + 1000);
    for (let i = 0; i < feedbackThrottle.max; i += 1) {
      assert.equal((await send({ ...good, stamp })).statusCode, 303);
    }
    const refused = await send({ ...good, stamp });
    assert.equal(refused.statusCode, 429);
    assert.ok(Number(refused.headers['retry-after']) > 0);
    assert.equal((await stored()).length, feedbackThrottle.max);
    later(feedbackThrottle.windowMs);
    const again = await openForm();
    later(minimumFillMs + 1000);
    assert.equal((await send({ ...good, stamp: again })).statusCode, 303);
  });

  test('the topic can be chosen by the link (accessibility statement) and the honeypot is hidden', async () => {
    const body = (await h.app.inject({ method: 'GET', url: '/feedback?topic=accessibility' })).body;
    assert.match(body, /id="feedback-topic-accessibility"[^>]*checked/);
    assert.match(body, /<div class="feedback-trap" aria-hidden="true">/);
    assert.match(body, /name="website" value(="")? tabindex="-1"/i);
  });

  test('signed in, the form carries the session’s CSRF token and a post without it is refused', async () => {
    const session = await signInAs(h, '010180-9026');
    const form = await getPage(h, session, '/feedback');
    assert.ok(form.body.includes(`name="_csrf" value="${session.csrfToken}"`));
    const stamp = /name="stamp" value="([^"]+)"/.exec(form.body)![1]!;
    later(minimumFillMs + 1000);
    const forged = await postForgedForm(h, session, '/feedback', { ...good, stamp });
    assert.equal(forged.statusCode, 403);
    assert.deepEqual(await stored(), []);
    assert.equal((await postForm(h, session, '/feedback', { ...good, stamp })).statusCode, 303);
    assert.equal((await stored()).length, 1);
  });
});
