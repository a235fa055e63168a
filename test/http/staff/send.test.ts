import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import {
  persons,
  staffPersons,
  type AccountFixture,
  type OrganisationFixture,
} from '../../helpers/fixtures.js';
import { tinyPdf } from '../../helpers/sample-files.js';
import { messageRow, rowCounts } from '../../helpers/stored-rows.js';
import { signInCaseWorker } from '../../helpers/staff-fixtures.js';
import { staffRequest, type StaffBrowser } from '../../helpers/staff-session.js';
import { useSuiteHarness } from '../../helpers/suite-harness.js';
import { testDialect } from '../../helpers/test-database.js';
import { postSendForm, sendKeyOf } from './send-form.js';

/**
 * §2 Send and Sent on the staff pages: the form (mailbox check audited, preview, send once per form
 * through the API's pipeline), the sent list with its filters and a message's timeline.
 */
const { tiina } = staffPersons;

describe(`staff: send and sent (${testDialect})`, () => {
  const h = useSuiteHarness({ now: '2025-03-10T08:00:00.000Z' });
  let ylitornio: OrganisationFixture;
  let kimmo: AccountFixture;
  let tiinaBrowser: StaffBrowser;
  let sentId: number;
  const db = () => h.context.database.db;

  const messageCount = async () => (await rowCounts(h)).messages;

  async function auditDetails(action: string) {
    const rows = await db()
      .selectFrom('audit_events')
      .select(['details', 'actor_type'])
      .where('action', '=', action)
      .orderBy('id')
      .execute();
    return rows.map((row) => ({
      actorType: row.actor_type,
      details: JSON.parse(row.details ?? '{}') as Record<string, unknown>,
    }));
  }

  async function freshForm(): Promise<Record<string, string>> {
    const page = await staffRequest(h, tiinaBrowser, 'GET', '/virkailija/laheta');
    assert.equal(page.statusCode, 200, page.body);
    return {
      sendKey: sendKeyOf(page.body),
      identityCode: persons.kimmo,
      service: String(ylitornio.servicePk),
      title: 'Päätös toimeentulotuesta',
      body: 'Hei,\n\nohessa **päätös**.',
      bodyFormat: 'Markdown',
      kind: 'verifiable',
      replyAllowed: '1',
    };
  }

  /** Posts a fresh form with `fields` changed where nothing may be stored: gives the form and the answer. */
  async function postStoringNothing(fields: Record<string, string>) {
    const form = await freshForm();
    const before = await rowCounts(h);
    const answer = await postSendForm(h, tiinaBrowser, { ...form, ...fields });
    assert.deepEqual(await rowCounts(h), before);
    return { form, answer };
  }

  before(async () => {
    ylitornio = await h.fixtures.organisation({ nameFi: 'Ylitornion kunta' });
    kimmo = await h.fixtures.account({ identityCode: persons.kimmo });
    h.setNow('2025-03-10T10:00:00.000Z');
    tiinaBrowser = await signInCaseWorker(h, tiina, ylitornio);
  });

  test('the form has a fresh key each time, the navigation offers it, and it is never cached', async () => {
    const first = await staffRequest(h, tiinaBrowser, 'GET', '/virkailija/laheta');
    const second = await staffRequest(h, tiinaBrowser, 'GET', '/virkailija/laheta');
    assert.equal(first.statusCode, 200, first.body);
    assert.equal(first.headers['cache-control'], 'private, no-store');
    assert.notEqual(sendKeyOf(first.body), sendKeyOf(second.body));
    assert.match(first.body, /enctype="multipart\/form-data"/);
    assert.match(first.body, /href="\/virkailija\/laheta"[^>]*aria-current="page"/);
    assert.match(first.body, /href="\/virkailija\/lahetetyt"/);
  });

  test('a verifiable message reaches the mailbox, is in the sent list, and a second submit sends nothing', async () => {
    const form = await freshForm();
    const before = await messageCount();
    const sent = await postSendForm(h, tiinaBrowser, { ...form, intent: 'send' }, [
      { fileName: 'paatos.pdf', content: tinyPdf('Päätös'), contentType: 'application/pdf' },
    ]);
    assert.equal(sent.statusCode, 303, sent.body);
    const match = /^\/virkailija\/lahetetyt\/(\d+)\?lahetetty=1$/.exec(sent.location ?? '');
    assert.ok(match, sent.location);
    sentId = Number(match[1]);
    assert.equal(await messageCount(), before + 1);

    const inbox = await h.services.mailbox.reading.listFolder(kimmo.id, 'inbox', 1);
    assert.ok(inbox.items.some((item) => item.id === sentId));
    const row = await messageRow(h, sentId);
    assert.equal(row.account_id, kimmo.id);
    assert.equal(row.service_type, 'Verifiable');

    const page = await staffRequest(h, tiinaBrowser, 'GET', sent.location!);
    assert.equal(page.statusCode, 200, page.body);
    assert.match(page.body, /Viesti on vastaanotettu toimitettavaksi/);
    assert.ok(page.body.includes('Päätös toimeentulotuesta'));
    assert.ok(page.body.includes('<strong>päätös</strong>'));
    assert.ok(page.body.includes('paatos.pdf'));

    // The same form again (a double click, or the browser's back and send): the same message.
    const again = await postSendForm(h, tiinaBrowser, { ...form, intent: 'send' }, [
      { fileName: 'paatos.pdf', content: tinyPdf('Päätös'), contentType: 'application/pdf' },
    ]);
    assert.equal(again.statusCode, 303, again.body);
    assert.equal(again.location, `/virkailija/lahetetyt/${sentId}?lahetetty=0`);
    assert.equal(await messageCount(), before + 1);

    const list = await staffRequest(h, tiinaBrowser, 'GET', '/virkailija/lahetetyt');
    assert.equal(list.statusCode, 200, list.body);
    assert.ok(list.body.includes(`href="/virkailija/lahetetyt/${sentId}"`));
    assert.ok(list.body.includes('270570-****'));
    assert.equal(list.body.includes(persons.kimmo), false, 'the whole identity code is listed');
    assert.equal(h.log.text.includes(persons.kimmo), false, 'the identity code reached the log');
  });

  test('a bad identity code comes back with the field named, and nothing is stored', async () => {
    const { form, answer } = await postStoringNothing({ identityCode: '010180-9027', intent: 'send' });
    assert.equal(answer.statusCode, 400, answer.body);
    assert.match(answer.body, /href="#identityCode"/);
    assert.match(answer.body, /Henkilötunnus ei ole oikeanmuotoinen/);
    // The form keeps what was typed and its key.
    assert.equal(sendKeyOf(answer.body), form.sendKey);
    assert.ok(answer.body.includes('Päätös toimeentulotuesta'));
  });

  test('the mailbox check answers and is audited with the staff member, organisation and purpose', async () => {
    const form = await freshForm();
    const before = (await auditDetails('staff.mailbox_checked')).length;
    const answer = await postSendForm(h, tiinaBrowser, { ...form, intent: 'check' });
    assert.equal(answer.statusCode, 200, answer.body);
    assert.match(answer.body, /Henkilöllä 270570-\*\*\*\* on asiointitili käytössä/);
    assert.equal(sendKeyOf(answer.body), form.sendKey);
    const audits = await auditDetails('staff.mailbox_checked');
    assert.equal(audits.length, before + 1);
    assert.equal(audits.at(-1)!.actorType, 'staff');
    assert.deepEqual(audits.at(-1)!.details, {
      organisationId: ylitornio.id,
      purpose: 'sending',
      hasMailbox: true,
    });

    const unknown = await postSendForm(h, tiinaBrowser, {
      ...form,
      identityCode: persons.laura,
      intent: 'check',
    });
    assert.equal(unknown.statusCode, 200, unknown.body);
    assert.match(unknown.body, /ei ole asiointitiliä käytössä/);
    const invalid = await postSendForm(h, tiinaBrowser, { ...form, identityCode: 'x', intent: 'check' });
    assert.equal(invalid.statusCode, 400);
    assert.match(invalid.body, /href="#identityCode"/);
    assert.equal((await auditDetails('staff.mailbox_checked')).length, before + 2);
  });

  test('the preview shows the safe HTML the citizen would see, and sends nothing', async () => {
    const { answer } = await postStoringNothing({
      body: '# Otsikko\n\n<script>alert(1)</script> ja **lihava**',
      intent: 'preview',
    });
    assert.equal(answer.statusCode, 200, answer.body);
    assert.match(answer.body, /Esikatselu: näin vastaanottaja näkee viestin/);
    assert.ok(answer.body.includes('<strong>lihava</strong>'));
    assert.equal(answer.body.includes('<script>alert(1)'), false);
  });

  test('the sent list filters by stage, and the timeline shows the reading after the citizen acknowledges and reads', async () => {
    const available = await staffRequest(h, tiinaBrowser, 'GET', '/virkailija/lahetetyt?stage=available');
    assert.equal(available.statusCode, 200, available.body);
    assert.ok(available.body.includes(`/virkailija/lahetetyt/${sentId}"`));
    const readBefore = await staffRequest(
      h,
      tiinaBrowser,
      'GET',
      '/virkailija/lahetetyt?stage=acknowledged&service=',
    );
    assert.equal(readBefore.statusCode, 200, readBefore.body);
    assert.equal(readBefore.body.includes(`/virkailija/lahetetyt/${sentId}"`), false);

    h.setNow('2025-03-10T10:05:00.000Z');
    // A verifiable message is read once acknowledged: sealed until then.
    await h.services.mailbox.reading.acknowledge({ accountId: kimmo.id }, sentId);
    await h.services.mailbox.reading.openMessage({ accountId: kimmo.id }, sentId);
    h.setNow('2025-03-10T10:10:00.000Z');

    const acknowledged = await staffRequest(
      h,
      tiinaBrowser,
      'GET',
      '/virkailija/lahetetyt?stage=acknowledged',
    );
    assert.ok(acknowledged.body.includes(`/virkailija/lahetetyt/${sentId}"`));
    const page = await staffRequest(h, tiinaBrowser, 'GET', `/virkailija/lahetetyt/${sentId}`);
    assert.equal(page.statusCode, 200, page.body);
    assert.match(page.body, /Vastaanottaja avasi viestin/);
    assert.match(page.body, /Vastaanottaja kuittasi viestin vastaanotetuksi/);
    assert.equal(page.body.includes('Viesti on vastaanotettu toimitettavaksi (viestin'), false);
    const opened = await auditDetails('staff.message_opened');
    assert.equal(opened.at(-1)!.details.purpose, 'case-handling');
  });

  test('a filter the service refuses comes back on the form', async () => {
    const badDate = await staffRequest(h, tiinaBrowser, 'GET', '/virkailija/lahetetyt?from=10.3.2025');
    assert.equal(badDate.statusCode, 400, badDate.body);
    assert.match(badDate.body, /href="#filter-from"/);
    // A search by identity code is posted, never put in an address.
    const noPurpose = await staffRequest(h, tiinaBrowser, 'POST', '/virkailija/lahetetyt', {
      recipient: persons.kimmo,
      purpose: '',
    });
    assert.equal(noPurpose.statusCode, 400, noPurpose.body);
    assert.match(noPurpose.body, /href="#filter-purpose"/);
    const searched = await staffRequest(h, tiinaBrowser, 'POST', '/virkailija/lahetetyt', {
      recipient: persons.kimmo,
      purpose: 'Asiakkaan puhelu',
    });
    assert.equal(searched.statusCode, 200, searched.body);
    assert.ok(searched.body.includes(`/virkailija/lahetetyt/${sentId}"`));
    const audits = await auditDetails('staff.recipient_searched');
    assert.equal(audits.at(-1)!.details.purpose, 'Asiakkaan puhelu');
    // An address naming a recipient (an old bookmark) is not a search: nothing filtered or audited.
    const addressed = await staffRequest(
      h,
      tiinaBrowser,
      'GET',
      `/virkailija/lahetetyt?recipient=${persons.maija}&purpose=Asiakkaan+puhelu`,
    );
    assert.equal(addressed.statusCode, 200, addressed.body);
    assert.ok(addressed.body.includes(`/virkailija/lahetetyt/${sentId}"`));
    assert.equal((await auditDetails('staff.recipient_searched')).length, audits.length);
  });
});
