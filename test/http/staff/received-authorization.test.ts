import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { persons, staffPersons } from '../../helpers/fixtures.js';
import { browserRequest } from '../../helpers/oidc-login.js';
import { addBuildingService, citizenAtStaffPages, grantStaff } from '../../helpers/staff-fixtures.js';
import { signInStaff, staffRequest, type StaffBrowser } from '../../helpers/staff-session.js';
import { auditOf } from '../../helpers/stored-rows.js';
import { useYlitornioAndKallio } from '../../helpers/suite-harness.js';
import { testDialect } from '../../helpers/test-database.js';

/**
 * Who reaches a citizen's message on the Received pages: only a case worker of its service in its
 * organisation. For everyone else each route answers 404 (or, without a staff session, the staff
 * sign-in) and changes nothing: no handled mark, no reply, no audit row of an opening.
 */
const { tiina, anneli, jari } = staffPersons;

describe(`staff: who may see and act on received messages (${testDialect})`, () => {
  const { h, ylitornio, kallio } = useYlitornioAndKallio({ now: '2025-03-10T08:00:00.000Z' });
  /** Tiina's own: Ylitornio's first service. */
  let own: { messageId: number; attachmentId: string | undefined };
  /** Ylitornio's other service, which Tiina is not a case worker of. */
  let otherService: { messageId: number; attachmentId: string | undefined };
  /** Kallio's, another organisation. */
  let otherOrganisation: { messageId: number; attachmentId: string | undefined };
  let tiinaBrowser: StaffBrowser;
  const file = {
    fileName: 'liite.pdf',
    mediaType: 'application/pdf',
    content: Buffer.from('%PDF-1.4\n%%EOF\n'),
  };

  before(async () => {
    const building = await addBuildingService(h, ylitornio);
    const kimmo = (await h.fixtures.account({ identityCode: persons.kimmo })).id;
    own = await h.fixtures.citizenMessage({
      organisation: ylitornio,
      accountId: kimmo,
      title: 'Oma',
      attachment: file,
    });
    otherService = await h.fixtures.citizenMessage({
      organisation: { ...ylitornio, servicePk: building.id, serviceId: building.serviceId },
      accountId: kimmo,
      title: 'Toisen palvelun',
      attachment: file,
    });
    otherOrganisation = await h.fixtures.citizenMessage({
      organisation: kallio,
      accountId: kimmo,
      title: 'Toisen organisaation',
      attachment: file,
    });
    // Kallio's case worker of all its services, and an admin of Ylitornio who is no case worker there.
    await grantStaff(h, [
      [tiina, ylitornio, 'case_worker', [ylitornio.serviceId]],
      [anneli, kallio, 'case_worker'],
      [jari, ylitornio, 'admin'],
    ]);
    tiinaBrowser = await signInStaff(h, tiina);
  });

  /** Every route of the area for one message, as the given browser: each answers 404. */
  async function assertEveryRouteNotFound(
    browser: StaffBrowser,
    target: { messageId: number; attachmentId: string | undefined },
  ) {
    const base = `/virkailija/saapuneet/${target.messageId}`;
    const answers = {
      open: (await staffRequest(h, browser, 'GET', base)).statusCode,
      download: (await staffRequest(h, browser, 'GET', `${base}/liitteet/${target.attachmentId}`)).statusCode,
      reply: (
        await staffRequest(h, browser, 'POST', `${base}/vastaa`, {
          replyKey: '7d0c5b8e-2f4a-4b6c-8d1e-3a9f0b2c4d6e',
          title: 'Vs: viesti',
          body: 'Vastaus',
        })
      ).statusCode,
      handled: (await staffRequest(h, browser, 'POST', `${base}/kasitelty`, { handled: '1' })).statusCode,
    };
    assert.deepEqual(answers, { open: 404, download: 404, reply: 404, handled: 404 });
  }

  async function untouched(messageId: number) {
    const db = h.context.database.db;
    const row = await db
      .selectFrom('messages')
      .select(['handled_at', 'handled_by_staff_id'])
      .where('id', '=', messageId)
      .executeTakeFirstOrThrow();
    assert.deepEqual(row, { handled_at: null, handled_by_staff_id: null });
    const replies = await db
      .selectFrom('messages')
      .select('id')
      .where('in_reply_to', '=', messageId)
      .execute();
    assert.equal(replies.length, 0, 'a reply was sent');
    const opened = (await auditOf(h, 'staff.received_opened')).filter(
      (r) => r.subjectId === String(messageId),
    );
    assert.equal(opened.length, 0, 'an opening was recorded');
    const downloads = await auditOf(h, 'staff.attachment_downloaded');
    assert.equal(downloads.length, 0);
  }

  test('a case worker of one service cannot see or act on a message to another service of the same organisation', async () => {
    const list = await staffRequest(h, tiinaBrowser, 'GET', '/virkailija/saapuneet');
    assert.equal(list.statusCode, 200);
    assert.ok(list.body.includes('Oma'));
    assert.equal(list.body.includes('Toisen palvelun'), false);
    await assertEveryRouteNotFound(tiinaBrowser, otherService);
    await untouched(otherService.messageId);
  });

  test("nor on another organisation's message", async () => {
    await assertEveryRouteNotFound(tiinaBrowser, otherOrganisation);
    await untouched(otherOrganisation.messageId);
    // Kallio's case worker of all services sees Kallio's, never Ylitornio's.
    const anneliBrowser = await signInStaff(h, anneli);
    const list = await staffRequest(h, anneliBrowser, 'GET', '/virkailija/saapuneet');
    assert.ok(list.body.includes('Toisen organisaation'));
    assert.equal(list.body.includes('Oma'), false);
    await assertEveryRouteNotFound(anneliBrowser, own);
    await untouched(own.messageId);
  });

  test('an attachment of one message is not reachable under another message of the case worker', async () => {
    const crossed = await staffRequest(
      h,
      tiinaBrowser,
      'GET',
      `/virkailija/saapuneet/${own.messageId}/liitteet/${otherService.attachmentId}`,
    );
    assert.equal(crossed.statusCode, 404);
    assert.equal((await auditOf(h, 'staff.attachment_downloaded')).length, 0);
  });

  test('an admin who is not a case worker does not have the pages', async () => {
    const jariBrowser = await signInStaff(h, jari);
    assert.equal((await staffRequest(h, jariBrowser, 'GET', '/virkailija/saapuneet')).statusCode, 404);
    await assertEveryRouteNotFound(jariBrowser, own);
    const start = await staffRequest(h, jariBrowser, 'GET', '/virkailija');
    assert.equal(start.body.includes('/virkailija/saapuneet'), false, 'the navigation offers the page');
    await untouched(own.messageId);
  });

  test('a citizen session never reaches these routes', async () => {
    const citizen = await citizenAtStaffPages(h, persons.kimmo, ['/virkailija/saapuneet']);
    const { jar } = citizen;
    const open = await browserRequest(h, jar, 'GET', `/virkailija/saapuneet/${own.messageId}`);
    assert.equal(open.statusCode, 303);
    const handled = await browserRequest(h, jar, 'POST', `/virkailija/saapuneet/${own.messageId}/kasitelty`, {
      _csrf: citizen.csrfToken,
      handled: '1',
    });
    assert.notEqual(handled.statusCode, 200);
    assert.ok(handled.statusCode === 303 || handled.statusCode === 403, String(handled.statusCode));
    await untouched(own.messageId);
  });
});
