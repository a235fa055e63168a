import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { type CitizenSession, signInAs } from '../../helpers/citizen-session.js';
import { type MessageInput, type OrganisationFixture, persons } from '../../helpers/fixtures.js';
import { sampleFiles } from '../../helpers/sample-files.js';
import { eventsOf, eventTypesOf, messageRow } from '../../helpers/stored-rows.js';
import { useMailboxPages } from '../../helpers/suite-harness.js';

describe('mailbox pages: folders, message page, acknowledgement, deletion, downloads', () => {
  const { h, accounts, sessions, signInAgain } = useMailboxPages();
  let org: OrganisationFixture;
  before(async () => {
    // The fixtures' default organisation: Kallio and its social services, named in all three languages.
    org = await h.fixtures.organisation();
  });

  /** A message from the suite's organisation to the account, as the sending service would store it. */
  const messageTo = (accountId: number, input: Omit<MessageInput, 'accountId' | 'organisation'> = {}) =>
    h.fixtures.message({ ...input, accountId, organisation: org });
  const get = (url: string, session: CitizenSession = sessions.kimmo) =>
    h.app.inject({ method: 'GET', url, cookies: session.cookies });
  const post = (
    url: string,
    session: CitizenSession = sessions.kimmo,
    csrf: string | null = session.csrfToken,
  ) =>
    h.app.inject({
      method: 'POST',
      url,
      cookies: session.cookies,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: csrf === null ? '' : `_csrf=${encodeURIComponent(csrf)}`,
    });

  test('/mailbox goes to Saapuneet; without a session, to identification', async () => {
    const root = await get('/mailbox');
    assert.equal(root.statusCode, 303);
    assert.equal(root.headers.location, '/mailbox/inbox');
    const anonymous = await h.app.inject({ method: 'GET', url: '/mailbox/inbox' });
    assert.equal(anonymous.statusCode, 303);
    assert.match(String(anonymous.headers.location), /^\/login/);
  });

  test('a person without an account is sent to open one', async () => {
    const laura = await signInAs(h, persons.laura);
    const response = await get('/mailbox/inbox', laura);
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, '/account/open');
  });

  test('the inbox shows sender, service, title, time and markers, in each language', async () => {
    await messageTo(accounts.kimmo, {
      title: 'Päätös <toimeentulotuesta>',
      attachments: [{ fileName: 'paatos.pdf', mediaType: 'application/pdf', content: sampleFiles.pdf }],
    });
    const fi = await get('/mailbox/inbox');
    /** The page's text, as a reader gets it: the markup's tags left out. */
    const text = (body: string) => body.replace(/<[^>]*>/g, '');
    assert.equal(fi.statusCode, 200);
    assert.match(String(fi.headers['cache-control']), /no-store/);
    assert.ok(fi.body.includes('<h1>Saapuneet</h1>'));
    assert.ok(text(fi.body).includes('Kallion peruspalvelukuntayhtymä – Sosiaalipalvelut'));
    assert.ok(fi.body.includes('Päätös &lt;toimeentulotuesta>'), 'titles are escaped');
    assert.ok(!fi.body.includes('<toimeentulotuesta>'));
    assert.ok(fi.body.includes('10.3.2025 klo 10.00'), 'Helsinki time');
    assert.ok(fi.body.includes('>Uusi<'));
    assert.ok(fi.body.includes('Sisältää liitteitä'));
    const sv = await get('/mailbox/inbox?lang=sv');
    assert.ok(text(sv.body).includes('Samkommunen för basservice Kallio – Socialtjänster'));
    assert.ok(sv.body.includes('<h1>Inkorgen</h1>'));
    const en = await get('/mailbox/inbox?lang=en');
    assert.ok(text(en.body).includes('Kallio Joint Municipal Authority – Social services'));
    assert.ok(en.body.includes('10/03/2025, 10:00'));
  });

  test('paging: 20 a page with links to the next and previous pages', async () => {
    const { id: laura } = await h.fixtures.account({ identityCode: '210675-948A' });
    const session = await signInAs(h, '210675-948A');
    for (let i = 1; i <= 21; i++) await messageTo(laura, { title: `Nro ${i}` });
    const first = await get('/mailbox/inbox', session);
    assert.ok(first.body.includes('href="/mailbox/inbox?page=2"'));
    assert.ok(first.body.includes('Nro 21') && !first.body.includes('Nro 1<'));
    const second = await get('/mailbox/inbox?page=2', session);
    assert.ok(second.body.includes('Nro 1<'));
    assert.ok(second.body.includes('href="/mailbox/inbox"'));
    assert.equal((await get('/mailbox/inbox?page=0', session)).statusCode, 400);
  });

  test('the message page renders the body safely and shows the deemed-received date', async () => {
    const { messageId } = await messageTo(accounts.kimmo, {
      title: 'Päätös',
      bodyFormat: 'Markdown',
      body: '## Perustelut\n\n<img src=x onerror=alert(1)> [linkki](javascript:alert(1)) [suomi.fi](https://www.suomi.fi)',
    });
    const page = await get(`/mailbox/messages/${messageId}`);
    assert.equal(page.statusCode, 200);
    assert.ok(page.body.includes('<h3>Perustelut</h3>'));
    assert.ok(page.body.includes('&lt;img src=x onerror=alert(1)&gt;'));
    assert.ok(!page.body.includes('javascript:'));
    assert.ok(page.body.includes('href="https://www.suomi.fi/"'));
    assert.ok(page.body.includes('Katsotaan vastaanotetuksi'));
    assert.ok(page.body.includes('13.3.2025'));
    // The body brings no script; the page's only script is our own file (the print button).
    const body = /<div class="message-body">(.*?)<\/div>/s.exec(page.body)?.[1] ?? '';
    assert.ok(body.includes('Perustelut') && !body.includes('<script'));
    assert.deepEqual(page.body.match(/<script[^>]*>/g), ['<script src="/assets/print.js" defer>']);
    assert.deepEqual(await eventTypesOf(h.context, messageId), ['Electronic message read']);
  });

  test('a verifiable message shows only the sender and "Kuittaa vastaanotetuksi" until acknowledged', async () => {
    const { messageId, attachmentIds } = await messageTo(accounts.kimmo, {
      serviceType: 'Verifiable',
      title: 'Salassa pidettävä päätös',
      body: 'Salainen sisältö',
      attachments: [{ fileName: 'salainen.pdf', mediaType: 'application/pdf', content: sampleFiles.pdf }],
    });
    const inbox = await get('/mailbox/inbox');
    assert.ok(!inbox.body.includes('Salassa pidettävä päätös'));
    assert.ok(inbox.body.includes('Todisteellisesti tiedoksi annettava viesti'));
    const sealed = await get(`/mailbox/messages/${messageId}`);
    assert.equal(sealed.statusCode, 200);
    assert.ok(!sealed.body.includes('Salassa pidettävä päätös'));
    assert.ok(!sealed.body.includes('Salainen sisältö'));
    assert.ok(!sealed.body.includes('salainen.pdf'));
    assert.ok(!sealed.body.includes('Sosiaalipalvelut'), 'only the sender organisation');
    assert.ok(sealed.body.includes('Kallion peruspalvelukuntayhtymä'));
    assert.ok(sealed.body.includes('Kuittaa vastaanotetuksi'));
    assert.equal(
      (await get(`/mailbox/messages/${messageId}/attachments/${attachmentIds[0]}`)).statusCode,
      404,
    );

    const forged = await post(`/mailbox/messages/${messageId}/acknowledge`, sessions.kimmo, null);
    assert.equal(forged.statusCode, 403);
    const wrong = await post(
      `/mailbox/messages/${messageId}/acknowledge`,
      sessions.kimmo,
      sessions.maija.csrfToken,
    );
    assert.equal(wrong.statusCode, 403);
    assert.equal((await messageRow(h, messageId)).receipt_confirmed_at, null);

    // Two days later: a new session, as the first one has timed out by then.
    h.setNow('2025-03-12T09:15:00.000Z');
    const later = await signInAs(h, persons.kimmo);
    const acknowledged = await post(`/mailbox/messages/${messageId}/acknowledge`, later);
    assert.equal(acknowledged.statusCode, 303);
    assert.equal(acknowledged.headers.location, `/mailbox/messages/${messageId}?notice=acknowledged`);
    const opened = await get(String(acknowledged.headers.location), later);
    assert.ok(opened.body.includes('Salassa pidettävä päätös'));
    assert.ok(opened.body.includes('Salainen sisältö'));
    assert.ok(opened.body.includes('salainen.pdf'));
    assert.ok(opened.body.includes('Viesti on kuitattu vastaanotetuksi.'));
    assert.ok(opened.body.includes('12.3.2025 klo 11.15'), 'acknowledgement time');
    assert.equal((await messageRow(h, messageId)).deemed_received_on, '2025-03-12');
    assert.deepEqual(await eventTypesOf(h.context, messageId), [
      'Receipt confirmed',
      'Electronic message read',
    ]);
    // Back in time: the sessions of before were swept as timed out when the later one began.
    h.setNow('2025-03-10T08:00:00.000Z');
    await signInAgain();
  });

  test('attachments download with their type, as attachments, never inline', async () => {
    const { messageId, attachmentIds } = await messageTo(accounts.kimmo, {
      attachments: [
        { fileName: 'Päätös "lopullinen"\r\n.pdf', mediaType: 'application/pdf', content: sampleFiles.pdf },
      ],
    });
    const response = await get(`/mailbox/messages/${messageId}/attachments/${attachmentIds[0]}`);
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['content-type'], 'application/pdf');
    assert.equal(
      response.headers['content-disposition'],
      `attachment; filename="P__t_s _lopullinen_.pdf"; filename*=UTF-8''P%C3%A4%C3%A4t%C3%B6s%20%22lopullinen%22.pdf`,
    );
    assert.equal(response.headers['x-content-type-options'], 'nosniff');
    assert.match(String(response.headers['content-security-policy']), /sandbox/);
    assert.deepEqual(response.rawPayload, sampleFiles.pdf);
  });

  test('a download’s name always has the extension of its type, also for rows stored before names were checked', async () => {
    const html = Buffer.from('<html><script>alert(1)</script></html>');
    const { messageId, attachmentIds } = await messageTo(accounts.kimmo, {
      attachments: [
        { fileName: 'trick.pdf', mediaType: 'text/plain', content: html },
        { fileName: 'ohje.html', mediaType: 'text/plain', content: html },
        { fileName: 'skannattu', mediaType: 'application/pdf', content: sampleFiles.pdf },
      ],
    });
    const served: string[] = [];
    for (const attachmentId of attachmentIds) {
      const response = await get(`/mailbox/messages/${messageId}/attachments/${attachmentId}`);
      assert.equal(response.statusCode, 200);
      served.push(String(response.headers['content-disposition']));
    }
    assert.deepEqual(served, [
      `attachment; filename="trick.txt"; filename*=UTF-8''trick.txt`,
      `attachment; filename="ohje.txt"; filename*=UTF-8''ohje.txt`,
      `attachment; filename="skannattu.pdf"; filename*=UTF-8''skannattu.pdf`,
    ]);
    const page = await get(`/mailbox/messages/${messageId}`);
    for (const name of ['trick.txt', 'ohje.txt', 'skannattu.pdf']) assert.ok(page.body.includes(name), name);
    assert.ok(!page.body.includes('trick.pdf'));
  });

  test('person A can never open, download, acknowledge, delete, restore or reply to B’s message', async () => {
    const { messageId, attachmentIds } = await messageTo(accounts.maija, {
      replyAllowed: true,
      title: 'Maijan päätös',
      attachments: [{ fileName: 'maija.pdf', mediaType: 'application/pdf', content: sampleFiles.pdf }],
    });
    const attempts = [
      await get(`/mailbox/messages/${messageId}`),
      await get(`/mailbox/messages/${messageId}/attachments/${attachmentIds[0]}`),
      await get(`/mailbox/messages/${messageId}/reply`),
      await post(`/mailbox/messages/${messageId}/acknowledge`),
      await post(`/mailbox/messages/${messageId}/delete`),
      await post(`/mailbox/messages/${messageId}/restore`),
      await get(`/mailbox/messages/999999/attachments/${attachmentIds[0]}`),
    ];
    for (const response of attempts) {
      assert.equal(response.statusCode, 404);
      assert.ok(!response.body.includes('Maijan päätös'));
    }
    const row = await messageRow(h, messageId);
    assert.equal(row.read_at, null);
    assert.equal(row.deleted_at, null);
    assert.deepEqual(await eventsOf(h, messageId), []);
    assert.equal((await get(`/mailbox/messages/${messageId}`, sessions.maija)).statusCode, 200);
  });

  test('delete → Poistetut → restore; sent messages and sealed ones cannot be deleted', async () => {
    const { messageId } = await messageTo(accounts.kimmo, {
      title: 'Poistettava',
    });
    const refused = await post(`/mailbox/messages/${messageId}/delete`, sessions.kimmo, null);
    assert.equal(refused.statusCode, 403);
    const deleted = await post(`/mailbox/messages/${messageId}/delete`);
    assert.equal(deleted.statusCode, 303);
    assert.equal(deleted.headers.location, '/mailbox/inbox?notice=deleted');
    const folder = await get('/mailbox/deleted');
    assert.ok(folder.body.includes('Poistettava'));
    assert.ok(folder.body.includes('Palautettavissa 9.5.2025 asti'));
    const page = await get(`/mailbox/messages/${messageId}`);
    assert.ok(page.body.includes(`action="/mailbox/messages/${messageId}/restore"`));
    const restored = await post(`/mailbox/messages/${messageId}/restore`);
    assert.equal(restored.statusCode, 303);
    assert.ok((await get('/mailbox/inbox')).body.includes('Poistettava'));

    const sealed = await messageTo(accounts.kimmo, {
      serviceType: 'Verifiable',
    });
    assert.equal((await post(`/mailbox/messages/${sealed.messageId}/delete`)).statusCode, 409);
    assert.equal((await messageRow(h, sealed.messageId)).deleted_at, null);

    const sent = await h.services.mailbox.sending.sendNewMessage(
      { accountId: accounts.kimmo },
      org.servicePk,
      {
        citizenType: 'Muu',
        title: 'Lähetetty',
        body: 'Teksti',
        attachments: [],
      },
    );
    assert.equal((await post(`/mailbox/messages/${sent}/delete`)).statusCode, 409);
    const sentFolder = await get('/mailbox/sent');
    assert.ok(sentFolder.body.includes('Lähetetty'));
    const sentPage = await get(`/mailbox/messages/${sent}`);
    assert.ok(!sentPage.body.includes('/delete"'));
    assert.ok(sentPage.body.includes('Lähetettyjä viestejä ei voi poistaa.'));
  });

  test('a closed account keeps its old messages readable but can change nothing', async () => {
    const { id: johan } = await h.fixtures.account({ identityCode: '091262Y9537', status: 'closed' });
    const session = await signInAs(h, '091262Y9537');
    const { messageId } = await messageTo(johan, {
      replyAllowed: true,
      title: 'Vanha päätös',
    });
    const inbox = await get('/mailbox/inbox', session);
    assert.equal(inbox.statusCode, 200);
    assert.ok(inbox.body.includes('Vanha päätös'));
    assert.ok(inbox.body.includes('Asiointitilisi käyttö on lopetettu.'));
    const page = await get(`/mailbox/messages/${messageId}`, session);
    assert.equal(page.statusCode, 200);
    assert.ok(!page.body.includes('/reply"') && !page.body.includes('/delete"'));
    const deleted = await post(`/mailbox/messages/${messageId}/delete`, session);
    assert.equal(deleted.statusCode, 303);
    assert.equal(deleted.headers.location, '/account/open');
    assert.equal((await messageRow(h, messageId)).deleted_at, null);
    assert.equal((await get('/mailbox/new', session)).headers.location, '/account/open');
  });

  test('no message content or identity code reaches the log', () => {
    for (const secret of ['Maijan päätös', 'Salainen sisältö', 'Poistettava', persons.kimmo, persons.maija]) {
      assert.ok(!h.log.text.includes(secret), secret);
    }
  });

  test('ids that are not numbers are rejected', async () => {
    assert.equal((await get('/mailbox/messages/abc')).statusCode, 400);
    assert.equal((await get('/mailbox/messages/1/attachments/..%2F..')).statusCode, 400);
  });
});
