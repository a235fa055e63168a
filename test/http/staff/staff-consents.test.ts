import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { ApiClient } from '../../helpers/api-client.js';
import { postForm, signInAs } from '../../helpers/citizen-session.js';
import { newIdentityCode, persons, staffPersons, type ApiOrganisation } from '../../helpers/fixtures.js';
import { signInCaseWorker, staffMemberIdOf } from '../../helpers/staff-fixtures.js';
import { staffRequest, type StaffBrowser } from '../../helpers/staff-session.js';
import { useSuiteHarness } from '../../helpers/suite-harness.js';
import { testDialect } from '../../helpers/test-database.js';
import { identityLookup } from '../../helpers/stored-rows.js';
import { personalDataContext } from '../../../src/crypto/personal-data.js';

/**
 * The consent register's staff pages through a real staff sign-in, on whichever database the suite
 * runs: recording in two steps (the register's name to confirm), problems named per field, the
 * list with citizens' and the organisation's withdrawals, and, under
 * DELIVERY_CONSENT=per-organisation, the organisation API's mailbox check turning with a consent
 * recorded on the page (a done-when item of issue 13).
 */
const { tiina } = staffPersons;
const anna = '210675-948A';
const johan = '091262Y9537';

describe(`staff consent register pages (${testDialect})`, () => {
  // Monday 2 March 2026, 10:00 in Finland.
  const h = useSuiteHarness({
    now: '2026-03-02T08:00:00.000Z',
    env: { DELIVERY_CONSENT: 'per-organisation' },
  });
  let kallio: ApiOrganisation;
  let staff: StaffBrowser;
  let tiinaId: number;

  const consentRows = async (identityCode: string) =>
    h.context.database.db
      .selectFrom('delivery_consents')
      .selectAll()
      .where('organisation_id', '=', kallio.id)
      .where('identity_lookup', '=', await identityLookup(h.context, identityCode))
      .orderBy('id')
      .execute();
  const audits = (action: string) =>
    h.context.database.db
      .selectFrom('audit_events')
      .select(['actor_type', 'actor_id', 'subject_id', 'details'])
      .where('action', '=', action)
      .orderBy('id')
      .execute();
  /** A post of the recording form as the signed-in case worker. */
  const record = (fields: Record<string, string>) =>
    staffRequest(h, staff, 'POST', '/virkailija/suostumukset/uusi', fields);
  const form = (identityCode: string, step = 'check') => ({
    identityCode,
    channel: 'paper',
    givenOn: '2026-03-02',
    step,
  });

  before(async () => {
    kallio = await h.fixtures.apiOrganisation({ nameFi: 'Peruspalvelukuntayhtymä Kallio' });
    staff = await signInCaseWorker(h, tiina, kallio);
    tiinaId = await staffMemberIdOf(h, tiina);
  });

  test('recording shows the name from the register before saving, stores once, and a double submit stores nothing more', async () => {
    const blank = await staffRequest(h, staff, 'GET', '/virkailija/suostumukset/uusi');
    assert.equal(blank.statusCode, 200);
    assert.match(blank.body, /<h1>Kirjaa suostumus<\/h1>/);
    assert.match(blank.body, /name="givenOn" value="2026-03-02"/, 'today in Finland, to change if not');

    const check = await record(form(persons.kimmo));
    assert.equal(check.statusCode, 200, check.body.slice(0, 300));
    assert.match(check.body, /<h1>Tarkista suostumus<\/h1>/);
    assert.match(check.body, /<dd>Kimmo Mäkinen<\/dd>/);
    assert.match(check.body, /<dd>270570-901K<\/dd>/, 'the full code on the confirmation');
    assert.match(check.body, /<dd>Paperilomake<\/dd>/);
    assert.deepEqual(await consentRows(persons.kimmo), [], 'nothing stored by the check');

    // "Change" goes back to the form with the values.
    const edit = await record(form(persons.kimmo, 'edit'));
    assert.equal(edit.statusCode, 200);
    assert.match(edit.body, /name="identityCode" value="270570-901K"/);
    assert.match(edit.body, /value="paper" required checked/);

    const saved = await record(form(persons.kimmo, 'save'));
    assert.equal(saved.statusCode, 303);
    assert.equal(saved.location, '/virkailija/suostumukset?recorded=new');
    const again = await record(form(persons.kimmo, 'save'));
    assert.equal(again.statusCode, 303);
    assert.equal(again.location, '/virkailija/suostumukset?recorded=existing');

    const rows = await consentRows(persons.kimmo);
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.channel, 'paper');
    assert.equal(rows[0]!.given_on, '2026-03-02');
    assert.equal(rows[0]!.recorded_by_staff_id, tiinaId);
    assert.equal(
      h.context.envelope.decryptText(
        rows[0]!.recorded_by_name_enc!,
        personalDataContext.consentRecordedByName,
      ),
      'Tiina Virkailija',
    );
    const recorded = (await audits('consent.recorded')).filter((a) => a.subject_id === String(rows[0]!.id));
    assert.equal(recorded.length, 1);
    assert.equal(recorded[0]!.actor_type, 'staff');
    assert.equal(recorded[0]!.actor_id, String(tiinaId));
    assert.equal(JSON.parse(recorded[0]!.details!).organisationId, kallio.id);

    const list = await staffRequest(h, staff, 'GET', '/virkailija/suostumukset?recorded=existing');
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /Henkilöllä oli jo voimassa oleva suostumus/);
    assert.match(list.body, /<th scope="row">270570-\*\*\*\*<\/th>/);
    assert.ok(!list.body.includes(persons.kimmo), 'the list masks identity codes');
    assert.equal(h.log.text.includes(persons.kimmo), false, 'the identity code reached the log');
  });

  test('invalid input names each field in the error summary and stores nothing, on either step', async () => {
    const before = await h.context.database.db.selectFrom('delivery_consents').select('id').execute();
    const bad = await record({
      identityCode: '270570-901A',
      givenOn: '2026-03-03',
      step: 'check',
    });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /<title>Virhe: /);
    assert.match(bad.body, /<a href="#consent-identity-code">Henkilötunnus ei ole oikeanmuotoinen/);
    assert.match(bad.body, /<a href="#consent-channel-paper">Valitse, miten suostumus annettiin/);
    assert.match(bad.body, /<a href="#consent-given-on">Päivämäärä ei voi olla tulevaisuudessa/);
    assert.match(
      bad.body,
      /id="consent-identity-code"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="consent-identity-code"/,
    );
    // The confirmation's hidden fields are checked again when saving.
    const tampered = await record({
      ...form(persons.maija, 'save'),
      givenOn: '2026-02-30',
    });
    assert.equal(tampered.statusCode, 400);
    assert.match(tampered.body, /<a href="#consent-given-on">Päivämäärä ei ole oikea päivämäärä/);
    // A valid code of nobody in the register: the name cannot be confirmed, so it is not recorded.
    const unknown = await record(form(newIdentityCode(), 'save'));
    assert.equal(unknown.statusCode, 400);
    assert.match(
      unknown.body,
      /<a href="#consent-identity-code">Henkilötunnuksella ei löydy henkilöä väestötiedoista/,
    );
    const after = await h.context.database.db.selectFrom('delivery_consents').select('id').execute();
    assert.deepEqual(after, before);
  });

  test('the list shows a withdrawal the citizen made in their settings, without a withdraw button for it', async () => {
    await h.fixtures.account({ identityCode: persons.maija });
    await record({
      ...form(persons.maija, 'save'),
      channel: 'phone',
    });
    const [row] = await consentRows(persons.maija);
    assert.ok(row);
    // Ten minutes on, within the staff session's idle time.
    h.setNow('2026-03-02T08:10:00.000Z');
    const maija = await signInAs(h, persons.maija);
    const withdrawn = await postForm(h, maija, `/settings/consents/${row.id}/withdraw`, {});
    assert.equal(withdrawn.statusCode, 303);
    const list = await staffRequest(h, staff, 'GET', '/virkailija/suostumukset');
    const line = /<tr><th scope="row">010180-\*\*\*\*<\/th>.*?<\/tr>/s.exec(list.body)?.[0];
    assert.ok(line, list.body);
    assert.match(line, /Puhelin/);
    assert.match(line, /Henkilö perui 2\.3\.2026/);
    assert.doesNotMatch(line, /suostumukset\/\d+\/peru/);
  });

  test('the organisation withdraws a consent: audited with the staff member, shown as withdrawn, a repeat is a 404', async () => {
    await record(form(anna, 'save'));
    const [row] = await consentRows(anna);
    assert.ok(row);
    const list = await staffRequest(h, staff, 'GET', '/virkailija/suostumukset');
    assert.match(list.body, new RegExp(`action="/virkailija/suostumukset/${row.id}/peru"`));
    const response = await staffRequest(h, staff, 'POST', `/virkailija/suostumukset/${row.id}/peru`, {});
    assert.equal(response.statusCode, 303);
    assert.equal(response.location, '/virkailija/suostumukset?withdrawn=1');
    const [after] = await consentRows(anna);
    assert.equal(after!.withdrawn_by, 'organisation');
    const audit = (await audits('consent.withdrawn')).filter((a) => a.subject_id === String(row.id));
    assert.deepEqual(
      audit.map((a) => [a.actor_type, a.actor_id]),
      [['staff', String(tiinaId)]],
    );
    const page = await staffRequest(h, staff, 'GET', '/virkailija/suostumukset?withdrawn=1');
    assert.match(page.body, /Suostumus on peruttu\./);
    assert.match(page.body, /Organisaatio perui 2\.3\.2026/);
    const repeat = await staffRequest(h, staff, 'POST', `/virkailija/suostumukset/${row.id}/peru`, {});
    assert.equal(repeat.statusCode, 404);
    // Without the CSRF token nothing happens.
    const forged = await staffRequest(
      h,
      { ...staff, csrfToken: 'forged' },
      'POST',
      `/virkailija/suostumukset/${row.id}/peru`,
      {},
    );
    assert.equal(forged.statusCode, 403);
  });

  test('the page links the printable form in Finnish and Swedish, and they are PDFs', async () => {
    const list = await staffRequest(h, staff, 'GET', '/virkailija/suostumukset');
    for (const lang of ['fi', 'sv']) {
      const href = `/consent-form/${kallio.businessId}.pdf?lang=${lang}`;
      assert.ok(list.body.includes(`href="${href.replace('&', '&amp;')}"`), href);
      const pdf = await h.app.inject({ method: 'GET', url: href });
      assert.equal(pdf.statusCode, 200);
      assert.equal(pdf.headers['content-type'], 'application/pdf');
    }
    assert.match(
      list.body,
      /<a class="account-nav__link" href="\/virkailija\/suostumukset" aria-current="page">/,
    );
  });

  test('DELIVERY_CONSENT=per-organisation: the mailbox check answers differently once the consent is recorded on the page', async () => {
    await h.fixtures.account({ identityCode: johan });
    const api = new ApiClient(h);
    await api.login(kallio);
    const active = async () => {
      const response = await api.post('/v1/mailboxes/active', { endUsers: [{ id: johan }] });
      assert.equal(response.statusCode, 200, response.body);
      return response
        .json<{ endUsersWithActiveMailbox: Array<{ id: string }> }>()
        .endUsersWithActiveMailbox.map((user) => user.id);
    };
    assert.deepEqual(await active(), [], 'an open account alone is not enough');
    const saved = await record(form(johan, 'save'));
    assert.equal(saved.statusCode, 303);
    assert.deepEqual(await active(), [johan]);
    const [row] = await consentRows(johan);
    await staffRequest(h, staff, 'POST', `/virkailija/suostumukset/${row!.id}/peru`, {});
    assert.deepEqual(await active(), [], 'withdrawn by the organisation: no mailbox again');
  });
});
