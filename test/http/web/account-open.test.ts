import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { decryptText, contentContext } from '../../../src/modules/messages/message-content.js';
import { makeIdentityCode } from '../../../src/domain/identity-code.js';
import { currentTerms } from '../../../src/domain/terms-of-use.js';
import { sessionCookieName } from '../../../src/http/plugins/citizen-session.js';
import { getPage, postForm, signInAs, type CitizenSession } from '../../helpers/citizen-session.js';
import { accountRow, evidenceOf, messagesOf, storedRow } from '../../helpers/stored-rows.js';
import { persons } from '../../helpers/fixtures.js';
import { createHarness, type TestHarness } from '../../helpers/test-app.js';

const maija = '010180-9026';
const deceased = '031131-917C';
const minor = '101010A9048';
const now = '2026-03-02T08:00:00.000Z';

async function counts(h: TestHarness) {
  const db = h.context.database.db;
  const count = async (table: 'accounts' | 'messages' | 'outbox_jobs' | 'organisations') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    accounts: await count('accounts'),
    messages: await count('messages'),
    outbox: await count('outbox_jobs'),
    organisations: await count('organisations'),
  };
}

describe('opening the account (Omat tiedot ja muistutukset)', () => {
  let h: TestHarness;
  let session: CitizenSession;
  const post = (form: Record<string, string>, who = session) => postForm(h, who, '/account/open', form);

  before(async () => {
    h = await createHarness({ now });
  });
  after(() => h.close());
  beforeEach(async () => {
    session = await signInAs(h, maija);
  });

  test('not signed in: the form sends the browser to identification first', async () => {
    const response = await h.app.inject({ method: 'GET', url: '/account/open' });
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, '/login?return=%2Faccount%2Fopen');
  });

  test('the form shows the register consent text, name and birth date read-only and the register e-mail', async () => {
    const response = await getPage(h, session, '/account/open');
    assert.equal(response.statusCode, 200);
    const body = response.body;
    assert.match(body, /Omat tiedot ja muistutukset/);
    assert.match(body, /haettu väestötietojärjestelmästä suostumuksellasi/);
    assert.match(body, /<dd>MEIKÄLÄINEN MAIJA<\/dd>/);
    assert.match(body, /<dd>01\.01\.1980<\/dd>/);
    assert.match(body, /name="email" value="mai\.ja\.meikalainen@example\.fi"/);
    assert.match(body, /Lähetä tieto uudesta viestistä asiointitilillä sähköpostiini/);
    assert.match(body, /Lähetä tieto uudesta viestistä asiointitilillä matkapuhelimeeni/);
    assert.match(body, /Hyväksyn <a href="\/terms">asiointitilin käyttöehdot<\/a>/);
    assert.match(body, />Keskeytä</);
    assert.match(body, />Luo asiointitili</);
    assert.doesNotMatch(body, /name="(identityCode|identity_code|hetu)"/, 'no identity code field');
  });

  test('Keskeytä signs out: no one is left signed in without an account and without knowing it', async () => {
    const start = await getPage(h, session, '/?lang=fi');
    assert.match(start.body, /Olet tunnistautunut, mutta et ole ottanut asiointitiliä käyttöön/);
    assert.match(start.body, /<a href="\/account\/open">Jatka asiointitilin käyttöönottoa<\/a>/);

    const page = await getPage(h, session, '/account/open');
    assert.match(
      page.body,
      /<button type="submit" form="cancel-opening" class="button--secondary">Keskeytä<\/button>/,
    );
    const cancelForm = /<form id="cancel-opening" method="post" action="\/logout">([\s\S]*?)<\/form>/.exec(
      page.body,
    );
    assert.ok(cancelForm, 'Keskeytä submits its own form to /logout');
    assert.match(cancelForm[1]!, new RegExp(`name="_csrf" value="${session.csrfToken}"`));
    assert.match(page.body, /sinut kirjataan ulos/);

    const before = await counts(h);
    const cancelled = await postForm(h, session, '/logout', {});
    assert.ok(cancelled.statusCode < 400, `logout answered ${cancelled.statusCode}`);
    const after = await getPage(h, session, '/account/open');
    assert.equal(after.headers.location, '/login?return=%2Faccount%2Fopen', 'the session has ended');
    assert.deepEqual(await counts(h), before, 'nothing was stored');
  });

  type InvalidCase = { name: string; form: Record<string, string>; field: string; message: RegExp };
  const notAFinnishMobile = (name: string, mobile: string): InvalidCase => ({
    name,
    form: { mobile, acceptTerms: '1' },
    field: 'mobile',
    message: /suomalainen matkapuhelinnumero/,
  });
  const invalidCases: InvalidCase[] = [
    notAFinnishMobile('a Swedish mobile number', '+46 70 123 4567'),
    notAFinnishMobile('a Finnish landline', '09 123 4567'),
    notAFinnishMobile('text as a mobile number', 'soita minulle'),
    {
      name: 'SMS reminders without a number',
      form: { smsNotifications: '1', acceptTerms: '1' },
      field: 'mobile',
      message: /Anna matkapuhelinnumero/,
    },
    {
      name: 'an invalid e-mail address',
      form: { email: 'maija@', acceptTerms: '1' },
      field: 'email',
      message: /Tarkista sähköpostiosoite/,
    },
    {
      name: 'e-mail reminders without an address',
      form: { email: '', emailNotifications: '1', acceptTerms: '1' },
      field: 'email',
      message: /Anna sähköpostiosoite/,
    },
    {
      name: 'terms not accepted',
      form: { email: 'maija@example.fi' },
      field: 'accept-terms',
      message: /Hyväksy asiointitilin käyttöehdot/,
    },
  ];
  for (const c of invalidCases) {
    test(`${c.name}: error next to the field, in the summary, and nothing is saved`, async () => {
      const before = await counts(h);
      const response = await post(c.form);
      assert.equal(response.statusCode, 400);
      assert.match(response.body, c.message);
      assert.match(response.body, new RegExp(`<a href="#${c.field}">`), 'the summary links to the field');
      assert.match(
        response.body,
        new RegExp(`id="${c.field}"[^>]*aria-describedby="${c.field}-error[^"]*"[^>]*aria-invalid="true"`),
      );
      assert.match(response.body, new RegExp(`id="${c.field}-error"`));
      assert.deepEqual(await counts(h), before);
    });
  }

  test('the typed values are kept when the form comes back with errors', async () => {
    const response = await post({ email: 'uusi@example.fi', emailNotifications: '1', mobile: '123' });
    assert.match(response.body, /value="uusi@example\.fi"/);
    assert.match(response.body, /value="123"/);
    assert.match(response.body, /id="email-notify"[^>]*checked/);
  });

  test("an identity code in the form is refused: the account is always the signed-in person's own", async () => {
    const before = await counts(h);
    const response = await post({ acceptTerms: '1', identityCode: '270570-901K' });
    assert.equal(response.statusCode, 400);
    assert.deepEqual(await counts(h), before);
  });

  test('deceased, under-age and unregistered persons get a refusal page and nothing is stored', async () => {
    const unregistered = makeIdentityCode({ year: 1985, month: 6, day: 15 }, 990);
    const sessions = [
      { who: await signInAs(h, deceased), text: /kuollut/ },
      { who: await signInAs(h, minor), text: /täysi-ikäinen/ },
      {
        who: await (async () => {
          const { cookieValue, session: s } = await h.services.accounts.sessions.createCitizenSession({
            identityCode: unregistered,
            firstNames: 'Ei',
            lastName: 'Rekisterissä',
            method: 'test',
          });
          return { cookies: { [sessionCookieName(h.context)]: cookieValue }, csrfToken: s.csrfToken };
        })(),
        text: /ei löytynyt väestötietojärjestelmästä/,
      },
    ];
    const before = await counts(h);
    for (const { who, text } of sessions) {
      const page = await getPage(h, who, '/account/open');
      assert.equal(page.statusCode, 403);
      assert.match(page.body, /Asiointitiliä ei voi avata/);
      assert.match(page.body, text);
      assert.doesNotMatch(page.body, /<form method="post" action="\/account\/open"/);
      const attempt = await post({ acceptTerms: '1', email: 'x@example.fi' }, who);
      assert.equal(attempt.statusCode, 403);
    }
    assert.deepEqual(await counts(h), before);
  });

  test('creating the account stores terms, contact details and language, and delivers the welcome message', async () => {
    const response = await post({
      email: 'Maija.M@Example.FI',
      emailNotifications: '1',
      mobile: '050 123 4567',
      smsNotifications: '1',
      acceptTerms: '1',
    });
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, '/mailbox/inbox');
    const account = await accountRow(h, maija);
    assert.equal(account.status, 'active');
    assert.equal(account.email, 'Maija.M@example.fi');
    assert.equal(account.email_notifications, 1);
    assert.equal(account.mobile, '+358501234567');
    assert.equal(account.sms_notifications, 1);
    assert.equal(account.language, 'fi');
    assert.equal(account.terms_version, currentTerms.version);
    assert.equal(account.terms_accepted_at, now);
    const [message] = await messagesOf(h, account.id);
    assert.ok(message, 'the welcome message is in the mailbox');
    assert.equal(message.direction, 'to_citizen');
    assert.equal(message.channel, 'electronic');
    assert.equal(message.service_type, 'Normal');
    assert.equal(message.body_format, 'Text');
    assert.equal(message.options, '{}');
    assert.equal(message.available_at, now);
    assert.equal(message.thread_id, message.id);
    assert.equal(
      decryptText(h.context.envelope, message.title_enc, contentContext.title),
      'Tervetuloa Kansalaisen asiointitilille',
    );
    assert.match(
      decryptText(h.context.envelope, message.body_enc, contentContext.body),
      /asiointitilisi on nyt käytössä/,
    );
    const sender = await storedRow(h, 'organisations', 'id', message.organisation_id);
    assert.equal(sender.business_id, '9990008-3');
    assert.equal(sender.name_fi, 'Kansalaisen asiointitili');
    const job = await storedRow(h, 'outbox_jobs', 'account_id', account.id);
    assert.equal(job.kind, 'welcome-notification');
    // Signed evidence as for any message to the mailbox: accepted and made available (issue 14 §3).
    const evidence = await evidenceOf(h, message.id);
    assert.deepEqual(
      evidence.map((record) => record.event),
      ['SubmissionAcceptance', 'ContentConsignment'],
    );
    for (const record of evidence) {
      assert.ok(!record.payload.includes(maija), 'the recipient is a keyed hash, not the identity code');
    }
    // The session sees the account at once.
    const again = await getPage(h, session, '/account/open');
    assert.equal(again.statusCode, 303);
    assert.equal(again.headers.location, '/mailbox/inbox');
    const second = await post({ acceptTerms: '1' });
    assert.equal(second.headers.location, '/mailbox/inbox');
    assert.equal((await counts(h)).accounts, 1, 'opening twice creates nothing more');
  });

  test('in Swedish, the account language and the welcome message are Swedish', async () => {
    const anna = await signInAs(h, '210675-948A');
    const response = await postForm(h, anna, '/account/open?lang=sv', { acceptTerms: '1' });
    assert.equal(response.statusCode, 303);
    const account = await accountRow(h, '210675-948A');
    assert.equal(account.language, 'sv');
    assert.equal(account.email, null, 'no e-mail given: none stored');
    const [message] = await messagesOf(h, account.id);
    assert.ok(message, 'the welcome message is in the mailbox');
    assert.equal(
      decryptText(h.context.envelope, message.title_enc, contentContext.title),
      'Välkommen till medborgarens ärendekonto',
    );
    assert.equal((await counts(h)).organisations, 1, 'the system sender is created once');
  });

  test('names an earlier release stored for the welcome sender are brought up to date', async () => {
    const db = h.context.database.db;
    await db
      .updateTable('organisations')
      .set({ name_sv: 'Medborgarens e-tjänstekonto', name_en: 'E-services account' })
      .where('business_id', '=', '9990008-3')
      .execute();
    await db
      .updateTable('services')
      .set({ name_en: 'E-services account notices' })
      .where('service_id', '=', 'asiointitili-tiedotteet')
      .execute();
    const someone = await signInAs(h, persons.kimmo);
    const opened = await post({ acceptTerms: '1' }, someone);
    assert.equal(opened.statusCode, 303);
    const organisation = await db
      .selectFrom('organisations')
      .select(['name_fi', 'name_sv', 'name_en'])
      .where('business_id', '=', '9990008-3')
      .executeTakeFirstOrThrow();
    assert.deepEqual(organisation, {
      name_fi: 'Kansalaisen asiointitili',
      name_sv: 'Medborgarens ärendekonto',
      name_en: 'Citizen’s e-services account',
    });
    const service = await db
      .selectFrom('services')
      .select(['name_en'])
      .where('service_id', '=', 'asiointitili-tiedotteet')
      .executeTakeFirstOrThrow();
    assert.equal(service.name_en, 'Notices from the e-services account');
  });
});
