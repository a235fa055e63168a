import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { ApiClient } from '../../helpers/api-client.js';
import { persons, staffPersons, type ApiOrganisation } from '../../helpers/fixtures.js';
import { tinyPdf } from '../../helpers/sample-files.js';
import { addBuildingService, grantStaff } from '../../helpers/staff-fixtures.js';
import { signInStaff, staffRequest, type StaffBrowser } from '../../helpers/staff-session.js';
import { auditOf } from '../../helpers/stored-rows.js';
import { useSuiteHarness } from '../../helpers/suite-harness.js';
import { testDialect } from '../../helpers/test-database.js';

/**
 * §2 Received: a case worker's list of citizens' messages to their services, opening one (audited),
 * downloading its file (audited), replying in its thread through the API's sending path (once per
 * form), marking it handled, and the API's event feed going on as before.
 */
const { tiina } = staffPersons;

describe(`staff: received messages (${testDialect})`, () => {
  const h = useSuiteHarness({ now: '2025-03-10T08:00:00.000Z' });
  let ylitornio: ApiOrganisation;
  let kallio: ApiOrganisation;
  let kimmo: number;
  let maija: number;
  let older: { messageId: number; attachmentId: string | undefined };
  let newer: number;
  let otherService: number;
  let otherOrganisation: number;
  let tiinaBrowser: StaffBrowser;
  let tiinaId: string;
  const pdf = tinyPdf('Liite hakemukseen');

  before(async () => {
    ylitornio = await h.fixtures.apiOrganisation({
      nameFi: 'Ylitornion kunta',
      serviceNameFi: 'Sosiaalipalvelut',
    });
    kallio = await h.fixtures.apiOrganisation({ nameFi: 'Peruspalvelukuntayhtymä Kallio' });
    const building = await addBuildingService(h, ylitornio);
    kimmo = (await h.fixtures.account({ identityCode: persons.kimmo })).id;
    maija = (await h.fixtures.account({ identityCode: persons.maija })).id;
    await grantStaff(h, [[tiina, ylitornio, 'case_worker', [ylitornio.serviceId]]]);

    h.setNow('2025-03-10T08:00:00.000Z');
    older = await h.fixtures.citizenMessage({
      organisation: ylitornio,
      accountId: kimmo,
      title: 'Hakemus toimeentulotuesta',
      body: 'Liitteenä tiliotteet. <script>alert(1)</script>',
      attachment: { fileName: 'tiliote.pdf', mediaType: 'application/pdf', content: pdf },
    });
    h.setNow('2025-03-10T09:00:00.000Z');
    newer = (
      await h.fixtures.citizenMessage({
        organisation: ylitornio,
        accountId: maija,
        title: 'Selvitys tuloista',
      })
    ).messageId;
    otherService = (
      await h.fixtures.citizenMessage({
        organisation: { ...ylitornio, servicePk: building.id, serviceId: building.serviceId },
        accountId: kimmo,
        title: 'Rakennuslupahakemus',
      })
    ).messageId;
    otherOrganisation = (
      await h.fixtures.citizenMessage({ organisation: kallio, accountId: kimmo, title: 'Kallion hakemus' })
    ).messageId;
    h.setNow('2025-03-10T10:00:00.000Z');

    tiinaBrowser = await signInStaff(h, tiina);
    tiinaId = (await auditOf(h, 'staff.signed_in')).at(-1)!.actorId!;
  });

  async function details(action: string) {
    const row = await h.context.database.db
      .selectFrom('audit_events')
      .select(['details', 'actor_type', 'actor_id', 'subject_id'])
      .where('action', '=', action)
      .orderBy('id', 'desc')
      .executeTakeFirst();
    assert.ok(row, `no ${action} audit row`);
    return { ...row, details: JSON.parse(row.details ?? '{}') as Record<string, unknown> };
  }

  test("the list shows only citizens' messages to the case worker's services, not handled first then newest", async () => {
    const page = await staffRequest(h, tiinaBrowser, 'GET', '/virkailija/saapuneet');
    assert.equal(page.statusCode, 200, page.body);
    assert.equal(page.headers['cache-control'], 'private, no-store');
    assert.match(page.body, /Saapuneet viestit/);
    assert.ok(page.body.includes('Hakemus toimeentulotuesta'));
    assert.ok(page.body.includes('Selvitys tuloista'));
    assert.equal(page.body.includes('Rakennuslupahakemus'), false, 'a message to another service is listed');
    assert.equal(page.body.includes('Kallion hakemus'), false, "another organisation's message is listed");
    // Name from the register and the masked code; never the whole identity code.
    assert.ok(page.body.includes('Kimmo Mäkinen (270570-****)'));
    assert.equal(page.body.includes(persons.kimmo), false);
    assert.ok(page.body.indexOf('Selvitys tuloista') < page.body.indexOf('Hakemus toimeentulotuesta'));
    // The navigation offers the page to case workers.
    assert.match(page.body, /href="\/virkailija\/saapuneet"[^>]*aria-current="page"/);
  });

  test('opening a message shows it safely and is audited with the staff member, organisation and purpose', async () => {
    const page = await staffRequest(h, tiinaBrowser, 'GET', `/virkailija/saapuneet/${older.messageId}`);
    assert.equal(page.statusCode, 200, page.body);
    assert.ok(page.body.includes('Liitteenä tiliotteet. &lt;script&gt;alert(1)&lt;/script&gt;'));
    assert.equal(page.body.includes('<script>alert(1)'), false);
    assert.ok(page.body.includes(`/virkailija/saapuneet/${older.messageId}/liitteet/${older.attachmentId}`));
    assert.match(page.body, /Merkitse käsitellyksi/);
    assert.match(page.body, /name="replyKey" value="[0-9a-f-]{36}"/);
    const audit = await details('staff.received_opened');
    assert.equal(audit.actor_type, 'staff');
    assert.equal(audit.actor_id, tiinaId);
    assert.equal(audit.subject_id, String(older.messageId));
    assert.deepEqual(audit.details, {
      organisationId: ylitornio.id,
      servicePk: ylitornio.servicePk,
      purpose: 'case-handling',
    });
    assert.equal(h.log.text.includes(persons.kimmo), false, 'the identity code reached the log');
    assert.equal(h.log.text.includes('tiliotteet'), false, 'the content reached the log');
  });

  test('an attachment downloads as a file, audited', async () => {
    const before = (await auditOf(h, 'staff.attachment_downloaded')).length;
    const response = await staffRequest(
      h,
      tiinaBrowser,
      'GET',
      `/virkailija/saapuneet/${older.messageId}/liitteet/${older.attachmentId}`,
    );
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['content-type'], 'application/pdf');
    assert.match(String(response.headers['content-disposition']), /^attachment; filename="tiliote\.pdf"/);
    assert.ok(response.body.includes('Liite hakemukseen'));
    const rows = await auditOf(h, 'staff.attachment_downloaded');
    assert.equal(rows.length, before + 1);
    assert.deepEqual(rows.at(-1), {
      actorType: 'staff',
      actorId: tiinaId,
      subjectType: 'attachment',
      subjectId: older.attachmentId,
    });
  });

  test("a reply lands in the citizen's mailbox in the same thread, and a double submit sends one", async () => {
    const page = await staffRequest(h, tiinaBrowser, 'GET', `/virkailija/saapuneet/${older.messageId}`);
    const replyKey = /name="replyKey" value="([0-9a-f-]{36})"/.exec(page.body)![1]!;
    const form = {
      replyKey,
      title: 'Vs: Hakemus toimeentulotuesta',
      body: 'Kiitos, käsittelemme hakemuksen.',
    };
    for (let i = 0; i < 2; i++) {
      const posted = await staffRequest(
        h,
        tiinaBrowser,
        'POST',
        `/virkailija/saapuneet/${older.messageId}/vastaa`,
        form,
      );
      assert.equal(posted.statusCode, 303, posted.body);
      assert.equal(posted.location, `/virkailija/saapuneet/${older.messageId}?ilmoitus=sent`);
    }
    const replies = await h.context.database.db
      .selectFrom('messages')
      .select(['id', 'thread_id', 'service_pk', 'account_id'])
      .where('in_reply_to', '=', older.messageId)
      .execute();
    assert.equal(replies.length, 1, 'the double submit sent twice');
    const reply = replies[0]!;
    assert.equal(reply.thread_id, older.messageId);
    assert.equal(reply.service_pk, ylitornio.servicePk);
    assert.equal(reply.account_id, kimmo);
    assert.equal((await auditOf(h, 'staff.reply_sent')).length, 1);

    // As Kimmo sees it: in his inbox, in the thread of his application.
    const opened = await h.services.mailbox.reading.openMessage({ accountId: kimmo }, reply.id);
    assert.equal(opened.sealed, false);
    if (opened.sealed) return;
    assert.equal(opened.title, 'Vs: Hakemus toimeentulotuesta');
    assert.match(opened.bodyHtml, /Kiitos, käsittelemme hakemuksen\./);
    assert.deepEqual(
      opened.thread.map((item) => item.id),
      [older.messageId, reply.id],
    );
    assert.equal(opened.canReply, true);

    // And on the staff page, in the conversation.
    const after = await staffRequest(h, tiinaBrowser, 'GET', `/virkailija/saapuneet/${older.messageId}`);
    assert.match(after.body, /Keskustelu/);
    assert.match(after.body, /Organisaatiolta/);
  });

  test('a reply with problems comes back with an error summary and sends nothing', async () => {
    const countReplies = async () =>
      (
        await h.context.database.db
          .selectFrom('messages')
          .select('id')
          .where('in_reply_to', '=', newer)
          .execute()
      ).length;
    const posted = await staffRequest(h, tiinaBrowser, 'POST', `/virkailija/saapuneet/${newer}/vastaa`, {
      replyKey: '0b8f3c1e-4a4d-4c1b-9a55-2f3b2c1d0e9f',
      title: 'Vs: Selvitys',
      body: '   ',
    });
    assert.equal(posted.statusCode, 400);
    assert.match(posted.body, /class="error-summary"/);
    assert.match(posted.body, /href="#reply-body">Kirjoita viesti\./);
    assert.match(posted.body, /value="Vs: Selvitys"/);
    assert.match(posted.body, /<title>Virhe: /);
    assert.equal(await countReplies(), 0);
  });

  test('marking handled moves the message after the unhandled ones and out of the unhandled filter', async () => {
    const posted = await staffRequest(h, tiinaBrowser, 'POST', `/virkailija/saapuneet/${newer}/kasitelty`, {
      handled: '1',
    });
    assert.equal(posted.statusCode, 303);
    assert.equal(posted.location, `/virkailija/saapuneet/${newer}?ilmoitus=handled`);
    const row = await h.context.database.db
      .selectFrom('messages')
      .select(['handled_at', 'handled_by_staff_id'])
      .where('id', '=', newer)
      .executeTakeFirstOrThrow();
    assert.equal(row.handled_at, '2025-03-10T10:00:00.000Z');
    assert.equal(String(row.handled_by_staff_id), tiinaId);
    // A repeat changes nothing and records nothing more.
    await staffRequest(h, tiinaBrowser, 'POST', `/virkailija/saapuneet/${newer}/kasitelty`, { handled: '1' });
    assert.equal((await auditOf(h, 'staff.received_handled')).length, 1);

    const all = await staffRequest(h, tiinaBrowser, 'GET', '/virkailija/saapuneet');
    assert.ok(all.body.indexOf('Hakemus toimeentulotuesta') < all.body.indexOf('Selvitys tuloista'));
    const unhandled = await staffRequest(h, tiinaBrowser, 'GET', '/virkailija/saapuneet?tila=unhandled');
    assert.equal(unhandled.body.includes('Selvitys tuloista'), false);
    assert.ok(unhandled.body.includes('Hakemus toimeentulotuesta'));
    const handled = await staffRequest(h, tiinaBrowser, 'GET', '/virkailija/saapuneet?tila=handled');
    assert.ok(handled.body.includes('Selvitys tuloista'));
    assert.equal(handled.body.includes('Hakemus toimeentulotuesta'), false);

    const back = await staffRequest(h, tiinaBrowser, 'POST', `/virkailija/saapuneet/${newer}/kasitelty`, {
      handled: '0',
    });
    assert.equal(back.statusCode, 303);
    const cleared = await h.context.database.db
      .selectFrom('messages')
      .select(['handled_at', 'handled_by_staff_id'])
      .where('id', '=', newer)
      .executeTakeFirstOrThrow();
    assert.deepEqual(cleared, { handled_at: null, handled_by_staff_id: null });
    const audit = await details('staff.received_handled');
    assert.deepEqual(audit.details, { organisationId: ylitornio.id, handled: false });
  });

  test('paging: a page holds 20 and the next page the rest', async () => {
    const extra = [];
    for (let i = 0; i < 20; i++) {
      extra.push(
        await h.fixtures.citizenMessage({ organisation: ylitornio, accountId: maija, title: `Sivutus ${i}` }),
      );
    }
    const first = await staffRequest(h, tiinaBrowser, 'GET', '/virkailija/saapuneet');
    assert.match(first.body, /href="\/virkailija\/saapuneet\?sivu=2"/);
    const second = await staffRequest(h, tiinaBrowser, 'GET', '/virkailija/saapuneet?sivu=2');
    assert.equal(second.statusCode, 200);
    const listed = (body: string) => (body.match(/class="received-list__title"/g) ?? []).length;
    assert.equal(listed(first.body), 20);
    assert.equal(listed(second.body), 2);
    assert.equal(extra.length, 20);
  });

  test("the API's event feed still lists the citizen's message after staff opened and handled it", async () => {
    const api = new ApiClient(h);
    await api.login(ylitornio);
    const response = await api.get('/v2/events');
    assert.equal(response.statusCode, 200, response.body);
    const events = response.json<{ events: Array<{ type: string; metadata: { messageId: number } }> }>()
      .events;
    const fromCitizen = events.filter((e) => e.type === 'Electronic message from end user');
    assert.ok(fromCitizen.some((e) => e.metadata.messageId === older.messageId));
    assert.ok(fromCitizen.some((e) => e.metadata.messageId === newer));
    // Nothing the staff pages did is an event of its own.
    assert.equal(
      events.some((e) => e.type === 'Electronic message read' && e.metadata.messageId === older.messageId),
      false,
    );
    const message = await api.get(`/v2/messages/${older.messageId}`);
    assert.equal(message.statusCode, 200, message.body);
    assert.equal(otherService > 0 && otherOrganisation > 0, true);
  });
});
