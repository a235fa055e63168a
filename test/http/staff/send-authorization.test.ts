import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { persons, staffPersons } from '../../helpers/fixtures.js';
import { browserRequest } from '../../helpers/oidc-login.js';
import { addBuildingService, citizenAtStaffPages, grantStaff } from '../../helpers/staff-fixtures.js';
import { signInStaff, staffRequest, type StaffBrowser } from '../../helpers/staff-session.js';
import { auditOf } from '../../helpers/stored-rows.js';
import { useYlitornioAndKallio } from '../../helpers/suite-harness.js';
import { testDialect } from '../../helpers/test-database.js';
import { postSendForm, sendKeyOf } from './send-form.js';

/**
 * Who reaches Send and Sent: a case worker, for their own organisation's services only. Another
 * organisation's message or a service outside theirs is 404 and stores nothing; a citizen session
 * is sent to the staff sign-in; a form without the staff session's CSRF token is refused.
 */
const { tiina, anneli } = staffPersons;

describe(`staff: who may send and see sent messages (${testDialect})`, () => {
  const { h, ylitornio, kallio } = useYlitornioAndKallio({ now: '2025-03-10T08:00:00.000Z' });
  let buildingPk: number;
  let tiinaBrowser: StaffBrowser;
  let otherOrganisation: number;
  let otherService: number;
  const staffActor = (organisationId: number) => ({
    organisationId,
    staffMemberId: 999,
    servicePks: 'all' as const,
  });

  const messageCount = async () =>
    (await h.context.database.db.selectFrom('messages').select('id').execute()).length;

  async function form(browser: StaffBrowser, servicePk: number) {
    const page = await staffRequest(h, browser, 'GET', '/virkailija/laheta');
    assert.equal(page.statusCode, 200, page.body);
    return {
      sendKey: sendKeyOf(page.body),
      identityCode: persons.kimmo,
      service: String(servicePk),
      title: 'Päätös',
      body: 'Sisältö',
      bodyFormat: 'Text',
      kind: 'normal',
      intent: 'send',
    };
  }

  before(async () => {
    buildingPk = (await addBuildingService(h, ylitornio)).id;
    await h.fixtures.account({ identityCode: persons.kimmo });
    await grantStaff(h, [
      [tiina, ylitornio, 'case_worker', [ylitornio.serviceId]],
      [anneli, kallio, 'case_worker'],
    ]);
    const sending = h.services.messaging.staff;
    const base = {
      identityCode: persons.kimmo,
      title: 'Toisen viesti',
      body: 'Sisältö',
      bodyFormat: 'Text' as const,
      verifiable: false,
      replyAllowed: false,
      paperFallback: false,
      attachments: [],
    };
    otherOrganisation = (
      await sending.send(staffActor(kallio.id), {
        ...base,
        sendKey: '0b7c7a52-6a39-4c39-9d0b-1f1d6c1b2a01',
        servicePk: kallio.servicePk,
      })
    ).messageId;
    otherService = (
      await sending.send(staffActor(ylitornio.id), {
        ...base,
        title: 'Rakennusvalvonnan viesti',
        sendKey: '0b7c7a52-6a39-4c39-9d0b-1f1d6c1b2a02',
        servicePk: buildingPk,
      })
    ).messageId;
    tiinaBrowser = await signInStaff(h, tiina);
  });

  test("another organisation's message is not found, and not listed", async () => {
    const page = await staffRequest(h, tiinaBrowser, 'GET', `/virkailija/lahetetyt/${otherOrganisation}`);
    assert.equal(page.statusCode, 404);
    const list = await staffRequest(h, tiinaBrowser, 'GET', '/virkailija/lahetetyt');
    assert.equal(list.statusCode, 200, list.body);
    assert.equal(list.body.includes('Toisen viesti'), false);
    assert.equal((await auditOf(h, 'staff.message_opened')).length, 0);
    // Nor can Kallio's case worker send for Ylitornio's service.
    const anneliBrowser = await signInStaff(h, anneli);
    const before = await messageCount();
    const sent = await postSendForm(h, anneliBrowser, await form(anneliBrowser, ylitornio.servicePk));
    assert.equal(sent.statusCode, 404, sent.body);
    assert.equal(await messageCount(), before);
  });

  test("a service outside the case worker's services is not found: on send (nothing stored) and on the message page", async () => {
    const before = await messageCount();
    const sent = await postSendForm(h, tiinaBrowser, await form(tiinaBrowser, buildingPk));
    assert.equal(sent.statusCode, 404, sent.body);
    assert.equal(await messageCount(), before);
    const page = await staffRequest(h, tiinaBrowser, 'GET', `/virkailija/lahetetyt/${otherService}`);
    assert.equal(page.statusCode, 404);
    const filtered = await staffRequest(
      h,
      tiinaBrowser,
      'GET',
      `/virkailija/lahetetyt?service=${buildingPk}`,
    );
    assert.equal(filtered.statusCode, 404);
    const formPage = await staffRequest(h, tiinaBrowser, 'GET', '/virkailija/laheta');
    assert.equal(formPage.body.includes('Rakennusvalvonta'), false, 'the form offers the other service');
  });

  test('a form without the staff CSRF token is refused, and nothing is checked or sent', async () => {
    const before = await messageCount();
    const fields = await form(tiinaBrowser, ylitornio.servicePk);
    const missing = await postSendForm(h, tiinaBrowser, fields, [], { csrf: null });
    assert.equal(missing.statusCode, 403);
    const wrong = await postSendForm(h, tiinaBrowser, { ...fields, intent: 'check' }, [], {
      csrf: 'x'.repeat(43),
    });
    assert.equal(wrong.statusCode, 403);
    assert.equal(await messageCount(), before);
    assert.equal((await auditOf(h, 'staff.mailbox_checked')).length, 0);
  });

  test('a citizen session is sent to the staff sign-in', async () => {
    const citizen = await citizenAtStaffPages(h, persons.kimmo, [
      '/virkailija/laheta',
      '/virkailija/lahetetyt',
      `/virkailija/lahetetyt/${otherService}`,
    ]);
    const { jar } = citizen;
    const before = await messageCount();
    const posted = await browserRequest(h, jar, 'POST', '/virkailija/laheta', {
      _csrf: citizen.csrfToken,
      sendKey: '0b7c7a52-6a39-4c39-9d0b-1f1d6c1b2a03',
      identityCode: persons.kimmo,
      service: String(ylitornio.servicePk),
      title: 'Väärennetty',
      body: 'Sisältö',
      intent: 'send',
    });
    assert.ok(posted.statusCode === 303 || posted.statusCode === 403, String(posted.statusCode));
    assert.equal(await messageCount(), before);
  });
});
