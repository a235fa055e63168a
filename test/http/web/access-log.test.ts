import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { ApiClient } from '../../helpers/api-client.js';
import { signedInClient } from '../../helpers/api-session.js';
import { getPage, postForm, signInAs, type CitizenSession } from '../../helpers/citizen-session.js';
import { persons, staffPersons, type ApiOrganisation } from '../../helpers/fixtures.js';
import { assertIncludesAll } from '../../helpers/page-text.js';
import { signInStaff, staffRequest, type StaffBrowser } from '../../helpers/staff-session.js';
import { useSuiteHarness } from '../../helpers/suite-harness.js';
import { testDialect } from '../../helpers/test-database.js';

/**
 * "Kuka on katsonut tietojani" (issue 14 §2): every access of an organisation (its API) and its staff
 * to a person's account and messages shows in that person's access log, with who, which
 * organisation, when, what and why, newest first and in pages; the person's own actions apart. Nobody
 * else's log shows them.
 */
const { tiina } = staffPersons;

describe(`citizen: who has looked at my data (${testDialect})`, () => {
  const h = useSuiteHarness({ now: '2025-03-10T08:00:00.000Z' });
  let ylitornio: ApiOrganisation;
  let api: ApiClient;
  let kimmo: CitizenSession;
  let maija: CitizenSession;
  let tiinaBrowser: StaffBrowser;
  let kimmosMessage: number;
  let kimmoAccount: number;

  const tick = (minutes: number) =>
    h.setNow(new Date(h.context.clock().getTime() + minutes * 60_000).toISOString());
  const logOf = (session: CitizenSession, query = '', lang?: string) =>
    getPage(h, session, `/settings/access-log${query}`, { lang });

  before(async () => {
    ylitornio = await h.fixtures.apiOrganisation({ nameFi: 'Ylitornion kunta', nameSv: 'Övertorneå kommun' });
    kimmoAccount = (await h.fixtures.account({ identityCode: persons.kimmo })).id;
    await h.fixtures.account({ identityCode: persons.maija });
    kimmo = await signInAs(h, persons.kimmo);
    maija = await signInAs(h, persons.maija);
    await h.services.staff.staff.grant({
      identityCode: tiina,
      businessId: ylitornio.businessId,
      role: 'case_worker',
      serviceIds: [ylitornio.serviceId],
    });
    api = await signedInClient(h, ylitornio);
    kimmosMessage = (
      await h.fixtures.citizenMessage({
        organisation: ylitornio,
        accountId: kimmoAccount,
        title: 'Oikaisuvaatimus',
        body: 'Pyydän oikaisua päätökseen.',
      })
    ).messageId;

    tick(1);
    const check = await api.post('/v1/mailboxes/active', {
      endUsers: [{ id: persons.kimmo }, { id: persons.maija }, { id: persons.laura }],
    });
    assert.equal(check.statusCode, 200, check.body);
    tick(1);
    tiinaBrowser = await signInStaff(h, tiina);
    const search = await staffRequest(h, tiinaBrowser, 'POST', '/virkailija/lahetetyt', {
      recipient: persons.kimmo,
      purpose: 'Oikaisuvaatimuksen käsittely',
    });
    assert.equal(search.statusCode, 200, search.body.slice(0, 300));
    tick(1);
    const opened = await staffRequest(h, tiinaBrowser, 'GET', `/virkailija/saapuneet/${kimmosMessage}`);
    assert.equal(opened.statusCode, 200, opened.body.slice(0, 300));
    tick(1);
    const fetched = await api.get(`/v2/messages/${kimmosMessage}`);
    assert.equal(fetched.statusCode, 200, fetched.body);
  });

  test('the accesses of an organisation and its staff show in the person’s log, newest first', async () => {
    const page = await logOf(kimmo);
    assert.equal(page.statusCode, 200);
    assertIncludesAll(page.body, [
      '<h1>Kuka on katsonut tietojani</h1>',
      'Haki viestisi järjestelmäänsä',
      'Avasi viestisi',
      'Asian käsittely',
      'Haki sinulle lähetettyjä viestejä',
      'Oikaisuvaatimuksen käsittely',
      'Tiina Virkailija, Ylitornion kunta',
      'Tarkisti järjestelmästään, onko sinulla asiointitili',
      'Ylitornion kunta (järjestelmä)',
    ]);
    const order = [
      'Haki viestisi järjestelmäänsä',
      'Avasi viestisi',
      'Haki sinulle lähetettyjä viestejä',
      'Tarkisti järjestelmästään',
    ].map((text) => page.body.indexOf(text));
    assert.deepEqual(
      order,
      [...order].sort((a, b) => a - b),
      'newest first',
    );
    // The time is shown in Finnish time, machine-readable too.
    assert.match(page.body, /<time datetime="2025-03-10T08:04:00\.000Z">/);
    // The person's own sign-in is not among the others' accesses.
    assert.ok(!page.body.includes('Kirjauduit sisään'));
  });

  test('another person sees only what concerned them: the mailbox check, not the case work', async () => {
    const page = await logOf(maija);
    assert.equal(page.statusCode, 200);
    assert.ok(page.body.includes('Tarkisti järjestelmästään, onko sinulla asiointitili'));
    for (const text of ['Oikaisuvaatimuksen käsittely', 'Avasi viestisi', 'Haki viestisi järjestelmäänsä']) {
      assert.ok(!page.body.includes(text), `Maija's log shows "${text}"`);
    }
  });

  test('the audit entry of a mailbox check names accounts, never the identity codes asked about', async () => {
    const rows = await h.context.database.db
      .selectFrom('audit_events')
      .select(['details', 'actor_type'])
      .where('action', '=', 'api.mailbox_checked')
      .execute();
    assert.equal(rows.length, 1);
    const details = JSON.parse(rows[0]!.details!) as Record<string, unknown>;
    assert.deepEqual(
      { asked: details.asked, active: details.active, accounts: (details.accounts as unknown[]).length },
      { asked: 3, active: 2, accounts: 2 },
    );
    for (const code of Object.values(persons)) assert.ok(!rows[0]!.details!.includes(code.slice(0, 6)));
  });

  test('the own actions are shown apart: sign-in and changed settings', async () => {
    const saved = await postForm(h, kimmo, '/settings', {
      email: 'kimmo@example.fi',
      emailNotifications: '1',
      language: 'fi',
    });
    assert.equal(saved.statusCode, 303, saved.body);
    const own = await logOf(kimmo, '?view=own');
    assert.equal(own.statusCode, 200);
    assertIncludesAll(own.body, ['Omat toimeni, uusin ensin', 'Muutit asetuksiasi', 'Kirjauduit sisään']);
    assert.ok(own.body.indexOf('Muutit asetuksiasi') < own.body.indexOf('Kirjauduit sisään'));
    for (const text of ['Avasi viestisi', 'Tarkisti järjestelmästään']) assert.ok(!own.body.includes(text));
    assert.match(
      own.body,
      /<a class="sort-control__link" href="\/settings\/access-log\?view=own" aria-current="page">/,
    );
  });

  test('in Swedish and English', async () => {
    for (const [lang, texts] of [
      ['sv', ['Vem har tittat på mina uppgifter', 'Öppnade ditt meddelande', 'Övertorneå kommun (system)']],
      ['en', ['Who has looked at my data', 'Opened your message', 'Handling the matter']],
    ] as const) {
      const page = await logOf(kimmo, '', lang);
      assert.equal(page.statusCode, 200);
      assertIncludesAll(page.body, [...texts]);
    }
  });

  test('twenty entries a page, older ones on the next', async () => {
    for (let i = 0; i < 22; i++) {
      tick(1);
      const check = await api.post('/v1/mailboxes/active', { endUsers: [{ id: persons.maija }] });
      assert.equal(check.statusCode, 200);
    }
    const first = await logOf(maija);
    assert.equal(first.body.match(/class="access-log__entry"/g)?.length, 20);
    assert.match(first.body, /href="\/settings\/access-log\?page=2" rel="next"/);
    const second = await logOf(maija, '?page=2');
    assert.equal(second.statusCode, 200);
    // 22 + the first check = 23 entries: three on page 2.
    assert.equal(second.body.match(/class="access-log__entry"/g)?.length, 3);
    assert.ok(!second.body.includes('rel="next"'));
  });

  test('only for a signed-in account holder; a bad query is refused', async () => {
    const anonymous = await h.app.inject({ method: 'GET', url: '/settings/access-log' });
    assert.equal(anonymous.statusCode, 303);
    for (const query of ['?page=0', '?view=all', '?page=x', '?other=1']) {
      const refused = await logOf(kimmo, query);
      assert.equal(refused.statusCode, 400, query);
    }
  });
});
