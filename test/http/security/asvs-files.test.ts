import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { ApiClient } from '../../helpers/api-client.js';
import { electronicRequest } from '../../helpers/api-requests.js';
import { getPage, signInAs } from '../../helpers/citizen-session.js';
import { persons, staffPersons, type ApiOrganisation } from '../../helpers/fixtures.js';
import { tinyPdf } from '../../helpers/sample-files.js';
import { signInCaseWorker } from '../../helpers/staff-fixtures.js';
import { staffRequest, type StaffBrowser } from '../../helpers/staff-session.js';
import { rowCounts } from '../../helpers/stored-rows.js';
import { useSuiteHarness } from '../../helpers/suite-harness.js';
import { testDialect } from '../../helpers/test-database.js';
import { postSendForm, sendKeyOf } from '../staff/send-form.js';

/**
 * ASVS 4.0.3 V12 (files) where the area tests do not already hold it. Held elsewhere: the type
 * decided by the content and the allow-list (12.1.x, 12.2.1: test/unit/domain/attachment-types.test.ts,
 * test/http/api/attachments-mailboxes.test.ts), the API's and the citizens' size limits (12.1.1:
 * test/http/api/attachments-mailboxes.test.ts, test/http/web/mailbox-upload-cap.test.ts), file
 * names cut to their last segment (12.3.1: test/unit/domain/attachment-file-name.test.ts). Here:
 * the staff send form's size limit, and a hostile file name end to end, from the API to the
 * citizen's download (12.3.1, 12.5.1, 12.5.2).
 */
describe(`ASVS V12 files (${testDialect})`, () => {
  const h = useSuiteHarness({ now: '2025-03-10T08:00:00.000Z' });
  let organisation: ApiOrganisation;
  let tiina: StaffBrowser;

  before(async () => {
    organisation = await h.fixtures.apiOrganisation({ nameFi: 'Ylitornion kunta' });
    await h.fixtures.account({ identityCode: persons.kimmo });
    tiina = await signInCaseWorker(h, staffPersons.tiina, organisation);
  });

  test('ASVS 12.1.1: the staff send form refuses a file over the limit (10 MiB) and stores nothing', async () => {
    const send = async (file: { fileName: string; content: Buffer }) => {
      const page = await staffRequest(h, tiina, 'GET', '/virkailija/laheta');
      const fields = {
        sendKey: sendKeyOf(page.body),
        identityCode: persons.kimmo,
        service: String(organisation.servicePk),
        title: 'Päätös',
        body: 'Liitteenä päätös.',
        bodyFormat: 'Text',
        kind: 'verifiable',
        intent: 'send',
      };
      return postSendForm(h, tiina, fields, [{ ...file, contentType: 'application/pdf' }]);
    };
    const before = await rowCounts(h);
    const tooLarge = await send({ fileName: 'iso.pdf', content: Buffer.alloc(10_485_761, 0x20) });
    assert.ok(tooLarge.statusCode >= 400 && tooLarge.statusCode < 500, `${tooLarge.statusCode}`);
    assert.deepEqual(await rowCounts(h), before);
    // The same form with a small file is sent: the refusal was the size.
    assert.equal((await send({ fileName: 'pieni.pdf', content: tinyPdf() })).statusCode, 303);
  });

  test('ASVS 12.3.1, 12.5.1, 12.5.2: a file name with a path and quotes is kept as its last segment and downloaded as an attachment, never rendered', async () => {
    const api = new ApiClient(h);
    await api.login(organisation);
    const hostileName = '..\\..\\windows/../../etc/"päätös"; filename=x.html.pdf';
    const upload = await api.upload(tinyPdf(), hostileName, { declaredType: 'application/pdf' });
    assert.equal(upload.statusCode, 201, upload.body);
    const attachmentId = upload.json<{ attachmentId: string }>().attachmentId;
    const stored = await h.context.database.db
      .selectFrom('attachments')
      .select('file_name')
      .where('id', '=', attachmentId)
      .executeTakeFirstOrThrow();
    assert.doesNotMatch(stored.file_name, /[/\\]|\.\./, stored.file_name);
    const sent = await api.post(
      '/v2/messages/electronic',
      electronicRequest(organisation, persons.kimmo, { attachments: [{ attachmentId }] }),
    );
    assert.equal(sent.statusCode, 200, sent.body);
    const messageId = sent.json<{ messageId: number }>().messageId;
    const kimmo = await signInAs(h, persons.kimmo);
    const download = await getPage(h, kimmo, `/mailbox/messages/${messageId}/attachments/${attachmentId}`);
    assert.equal(download.statusCode, 200);
    assert.equal(download.headers['content-type'], 'application/pdf');
    assert.equal(download.headers['x-content-type-options'], 'nosniff');
    const disposition = String(download.headers['content-disposition']);
    assert.match(disposition, /^attachment;/);
    // One filename parameter (and its RFC 5987 form), no path, and the quote cannot end it early.
    assert.equal(disposition.match(/\bfilename=/g)?.length, 1, disposition);
    assert.doesNotMatch(disposition, /[/\\]|\.\./, disposition);
    assert.match(disposition, /filename="[^"]*\.pdf"/, disposition);
  });
});
