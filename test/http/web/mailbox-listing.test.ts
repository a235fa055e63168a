import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { type CitizenSession, signInAs } from '../../helpers/citizen-session.js';
import { type OrganisationFixture, persons } from '../../helpers/fixtures.js';
import { useMailboxPages } from '../../helpers/suite-harness.js';

/** The titles of a folder page's rows, in the order shown. */
function titles(body: string): string[] {
  return [...body.matchAll(/<a href="\/mailbox\/messages\/\d+">([^<]*)<\/a>/g)].map((m) => m[1]!);
}

const badge = (body: string) =>
  /<span class="count-badge"><span aria-hidden="true">(\d+)<\/span>/.exec(body)?.[1];

describe('folder listing: order, chips, breadcrumbs and the unread count on every page', () => {
  const { h, accounts, sessions } = useMailboxPages();
  let org: OrganisationFixture;
  before(async () => {
    org = await h.fixtures.organisation({});
  });
  const get = (url: string, session: CitizenSession = sessions.kimmo) =>
    h.app.inject({ method: 'GET', url, cookies: session.cookies });

  test('newest first by default, oldest first by a link; paging keeps the order both ways', async () => {
    const { id: laura } = await h.fixtures.account({ identityCode: persons.laura });
    const session = await signInAs(h, persons.laura);
    for (let i = 1; i <= 23; i++)
      await h.fixtures.message({ accountId: laura, organisation: org, title: `Nro ${i}` });
    const numbers = (from: number, to: number) =>
      Array.from({ length: Math.abs(to - from) + 1 }, (_, k) => `Nro ${from < to ? from + k : from - k}`);

    const newest = await get('/mailbox/inbox', session);
    assert.deepEqual(titles(newest.body), numbers(23, 4));
    assert.ok(newest.body.includes('href="/mailbox/inbox?order=oldest"'), 'a link to the other order');
    assert.ok(
      newest.body.includes('href="/mailbox/inbox" aria-current="true"'),
      'the current order is marked',
    );
    assert.ok(newest.body.includes('href="/mailbox/inbox?page=2"'));
    const newestTwo = await get('/mailbox/inbox?page=2', session);
    assert.deepEqual(titles(newestTwo.body), numbers(3, 1));

    const oldest = await get('/mailbox/inbox?order=oldest', session);
    assert.deepEqual(titles(oldest.body), numbers(1, 20));
    assert.ok(oldest.body.includes('href="/mailbox/inbox?order=oldest" aria-current="true"'));
    assert.match(oldest.body, /href="\/mailbox\/inbox\?order=oldest&amp;page=2" rel="next">Uudemmat viestit/);
    const oldestTwo = await get('/mailbox/inbox?order=oldest&page=2', session);
    assert.deepEqual(titles(oldestTwo.body), numbers(21, 23));
    assert.match(oldestTwo.body, /href="\/mailbox\/inbox\?order=oldest" rel="prev">.*Vanhemmat viestit/);

    assert.equal((await get('/mailbox/inbox?order=random', session)).statusCode, 400);
  });

  test('chips: "Vastattavissa" while a reply is possible, the receipt date once a verifiable message is acknowledged', async () => {
    await h.fixtures.message({
      accountId: accounts.kimmo,
      organisation: org,
      title: 'Vastaa',
      replyAllowed: true,
    });
    await h.fixtures.message({
      accountId: accounts.kimmo,
      organisation: org,
      title: 'Tiedoksi',
      replyAllowed: false,
    });
    const { messageId } = await h.fixtures.message({
      accountId: accounts.kimmo,
      organisation: org,
      serviceType: 'Verifiable',
      replyAllowed: true,
    });
    const rowOf = (body: string, title: string) =>
      body.split('<li class="message-list__item').find((row) => row.includes(`>${title}</a>`)) ?? '';

    const before = await get('/mailbox/inbox');
    assert.ok(rowOf(before.body, 'Vastaa').includes('Vastattavissa'));
    assert.ok(!rowOf(before.body, 'Tiedoksi').includes('Vastattavissa'));
    const sealed = rowOf(before.body, 'Todisteellisesti tiedoksi annettava viesti');
    assert.ok(!sealed.includes('Vastattavissa'), 'a sealed message is answered only once opened');
    assert.ok(!sealed.includes('Tiedoksisaanti'), 'no receipt date before acknowledgement');

    await h.services.mailbox.reading.acknowledge({ accountId: accounts.kimmo }, messageId);
    const after = await get('/mailbox/inbox');
    assert.ok(after.body.includes('Tiedoksisaanti 10.3.2025'));
    assert.ok((await get('/mailbox/inbox?lang=sv')).body.includes('Delgiven 10.3.2025'));
    assert.ok(
      !rowOf(after.body, 'Vastaa').includes('Tiedoksisaanti'),
      'ordinary messages carry no receipt chip',
    );
  });

  test('breadcrumbs lead from the start page to the mailbox, account and compose pages', async () => {
    /** The trail's steps as text; the current page last and marked. */
    const trail = (body: string) => {
      const list =
        /<nav class="breadcrumbs" aria-label="Murupolku"><ol>(.*?)<\/ol><\/nav>/.exec(body)?.[1] ?? '';
      return [...list.matchAll(/<li>(.*?)<\/li>/g)].map((m) =>
        m[1]!.includes('aria-current="page"')
          ? `[${m[1]!.replace(/<[^>]*>/g, '')}]`
          : m[1]!.replace(/<[^>]*>/g, ''),
      );
    };
    assert.deepEqual(trail((await get('/mailbox/sent')).body), ['Etusivu', '[Lähetetyt]']);
    assert.deepEqual(trail((await get('/settings')).body), ['Etusivu', '[Asetukset]']);
    assert.deepEqual(trail((await get('/settings/close')).body), [
      'Etusivu',
      'Asetukset',
      '[Lopeta asiointitilin käyttö]',
    ]);
    assert.deepEqual(trail((await get('/mailbox/new')).body), ['Etusivu', '[Uusi viesti]']);
  });

  test('the unread count shows on every signed-in page with the mailbox navigation', async () => {
    const maija = await signInAs(h, persons.maija);
    await h.fixtures.message({ accountId: accounts.maija, organisation: org, title: 'Lukematon' });
    for (const url of ['/mailbox/sent', '/mailbox/new', '/settings', '/settings/close', '/about', '/']) {
      const page = await get(url, maija);
      assert.equal(page.statusCode, 200, url);
      assert.equal(badge(page.body), '1', url);
    }
  });
});
