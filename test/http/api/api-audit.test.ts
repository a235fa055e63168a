import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { ApiClient } from '../../helpers/api-client.js';
import { electronicRequest } from '../../helpers/api-requests.js';
import { getPage, signInAs } from '../../helpers/citizen-session.js';
import { persons, type ApiOrganisation } from '../../helpers/fixtures.js';
import { tinyPdf } from '../../helpers/sample-files.js';
import { useSuiteHarness } from '../../helpers/suite-harness.js';
import { testDialect } from '../../helpers/test-database.js';
import { multipartBody, uploadV1 } from './v1-test-support.js';

/**
 * Issue 14 §1: every organisation API call is audited with the ids it touched. The reads of what a
 * citizen sent and the mailbox check have their own tests (access-log.test.ts); these are the state
 * query, the externalId lookup, the event feed and the uploads. Each entry names the organisation and
 * the credential; the ones about a citizen's message show in that citizen's access log.
 */
describe(`organisation API: audited queries and uploads (${testDialect})`, () => {
  const h = useSuiteHarness({ now: '2025-03-10T08:00:00.000Z' });
  let organisation: ApiOrganisation;
  let api: ApiClient;
  let credentialId: number;
  let messageId: number;
  let externalId: string;

  const entries = (action: string) =>
    h.context.database.db
      .selectFrom('audit_events')
      .select(['id', 'actor_type', 'actor_id', 'subject_type', 'subject_id', 'details'])
      .where('action', '=', action)
      .orderBy('seq')
      .execute();
  const detailsOf = (row: { details: string | null }) => JSON.parse(row.details!) as Record<string, unknown>;

  before(async () => {
    organisation = await h.fixtures.apiOrganisation();
    await h.fixtures.account({ identityCode: persons.kimmo });
    api = new ApiClient(h);
    await api.login(organisation);
    const request = electronicRequest(organisation, persons.kimmo);
    externalId = request.externalId;
    const sent = await api.post('/v2/messages/electronic', request);
    assert.equal(sent.statusCode, 200, sent.body);
    messageId = sent.json<{ messageId: number }>().messageId;
    credentialId = (
      await h.context.database.db
        .selectFrom('api_credentials')
        .select('id')
        .where('organisation_id', '=', organisation.id)
        .executeTakeFirstOrThrow()
    ).id;
  });

  test('the state query names the message and the credential, and shows in the citizen’s access log', async () => {
    const response = await api.get(`/v1/messages/${messageId}/state`);
    assert.equal(response.statusCode, 200, response.body);
    const rows = await entries('api.message_state_read');
    assert.equal(rows.length, 1);
    assert.deepEqual(
      { ...rows[0]!, id: undefined, details: detailsOf(rows[0]!) },
      {
        id: undefined,
        actor_type: 'organisation',
        actor_id: String(organisation.id),
        subject_type: 'message',
        subject_id: String(messageId),
        details: { organisationId: organisation.id, credentialId },
      },
    );
    const page = await getPage(h, await signInAs(h, persons.kimmo), '/settings/access-log');
    assert.ok(page.body.includes('Tarkisti sinulle lähettämänsä viestin toimitustilan'), 'shown to Kimmo');
  });

  test('a state query of a message that is not the caller’s is refused and records nothing', async () => {
    const before = (await entries('api.message_state_read')).length;
    const other = new ApiClient(h);
    await other.login(await h.fixtures.apiOrganisation());
    assert.equal((await other.get(`/v1/messages/${messageId}/state`)).statusCode, 404);
    assert.equal((await entries('api.message_state_read')).length, before);
  });

  test('the externalId lookup names the message it found', async () => {
    const response = await api.get(`/v1/messages/id?externalId=${encodeURIComponent(externalId)}`);
    assert.equal(response.statusCode, 200, response.body);
    const rows = await entries('api.message_id_looked_up');
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.subject_id, String(messageId));
    assert.deepEqual(detailsOf(rows[0]!), { organisationId: organisation.id, credentialId });
    const page = await getPage(h, await signInAs(h, persons.kimmo), '/settings/access-log');
    assert.ok(page.body.includes('Haki sinulle lähettämänsä viestin tunnisteen'));
  });

  test('each page of the event feed, v2 and v1, names how many events and which messages', async () => {
    const first = await api.get('/v2/events');
    assert.equal(first.statusCode, 200, first.body);
    const token = first.json<{ continuationToken: string }>().continuationToken;
    const empty = await api.get(`/v1/events?continuationToken=${encodeURIComponent(token)}`);
    assert.equal(empty.statusCode, 200, empty.body);
    const rows = await entries('api.events_read');
    assert.equal(rows.length, 2);
    assert.deepEqual(detailsOf(rows[0]!), {
      organisationId: organisation.id,
      credentialId,
      events: 1,
      messageIds: [messageId],
    });
    assert.deepEqual(detailsOf(rows[1]!), {
      organisationId: organisation.id,
      credentialId,
      events: 0,
      messageIds: [],
    });
    assert.equal(rows[0]!.subject_id, null);
  });

  test('every upload, v2 and both v1 forms, names the stored attachment, its type and size', async () => {
    const pdf = tinyPdf();
    const v2 = await api.upload(pdf, 'paatos.pdf');
    assert.equal(v2.statusCode, 201, v2.body);
    const v1File = await uploadV1(h, api.token, '/v1/files', multipartBody(pdf, 'paatos.pdf'));
    assert.equal(v1File.statusCode, 201, v1File.body);
    const v1Attachment = await uploadV1(
      h,
      api.token,
      '/v1/attachments',
      multipartBody(pdf, 'paatos.pdf', { recipientId: persons.kimmo }),
    );
    assert.equal(v1Attachment.statusCode, 201, v1Attachment.body);
    const ids = [
      v2.json<{ attachmentId: string }>().attachmentId,
      v1File.json<{ fileId: string }>().fileId,
      v1Attachment.json<{ attachmentId: string }>().attachmentId,
    ];
    const rows = await entries('api.attachment_uploaded');
    assert.deepEqual(
      rows.map((row) => [row.subject_type, row.subject_id, detailsOf(row)]),
      ids.map((id) => [
        'attachment',
        id,
        {
          organisationId: organisation.id,
          credentialId,
          mediaType: 'application/pdf',
          sizeBytes: pdf.length,
        },
      ]),
    );
    for (const row of rows) assert.ok(!row.details!.includes('paatos'), 'no file name in the trail');
  });

  test('a refused upload stores nothing and records nothing', async () => {
    const before = (await entries('api.attachment_uploaded')).length;
    const refused = await api.upload(Buffer.from('<html></html>'), 'sivu.pdf');
    assert.equal(refused.statusCode, 415);
    assert.equal((await entries('api.attachment_uploaded')).length, before);
  });

  test('the chain still verifies after all of these', async () => {
    const result = await h.services.audit.verify(() => {});
    assert.equal(result.ok, true, JSON.stringify(result));
  });
});
