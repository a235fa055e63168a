import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { appendFeedEvent } from '../../../src/modules/messages/event-repository.js';
import { newIdentityCode } from '../../helpers/fixtures.js';
import { electronicRequest, paperMailPart } from '../../helpers/api-requests.js';
import { tinyPdf } from '../../helpers/sample-files.js';
import { useAccount } from '../../helpers/suite-harness.js';

import { useSignedInOrganisations } from './signed-in-organisations.js';
describe('organisation API: message ids, states and messages from citizens', () => {
  const { h, org, api, otherApi } = useSignedInOrganisations('2026-03-02T08:00:00Z');
  const citizen = useAccount(h);

  test('GET /v1/messages/id finds a sent message by externalId, only for its organisation', async () => {
    const request = electronicRequest(org, citizen.identityCode);
    const sent = await api.post('/v2/messages/electronic', request);
    const url = `/v1/messages/id?externalId=${encodeURIComponent(request.externalId)}`;
    const found = await api.get(url);
    assert.equal(found.statusCode, 200);
    assert.deepEqual(found.json(), { messageId: sent.json().messageId });
    const byService = await api.get(`${url}&serviceId=${encodeURIComponent(org.serviceId)}`);
    assert.equal(byService.statusCode, 200);
    assert.equal((await otherApi.get(url)).statusCode, 404);
    assert.equal((await api.get('/v1/messages/id?externalId=unknown')).statusCode, 404);
    assert.equal((await api.get('/v1/messages/id')).statusCode, 400);
  });

  test('GET /v1/messages/{id}/state shows the electronic statuses and the deemed-received date', async () => {
    const sent = await api.post('/v2/messages/electronic', electronicRequest(org, citizen.identityCode));
    const id = sent.json<{ messageId: number }>().messageId;
    await h.context.database.db
      .updateTable('messages')
      .set({ read_at: '2026-03-03T10:00:00.000Z' })
      .where('id', '=', id)
      .execute();
    const response = await api.get(`/v1/messages/${id}/state`);
    assert.equal(response.statusCode, 200);
    assert.deepEqual(response.json(), {
      statuses: [{ createdAt: '2026-03-02T08:00:00.000Z', status: 'Created' }],
      electronic: {
        statuses: [
          { createdAt: '2026-03-02T08:00:00.000Z', status: 'Created' },
          { createdAt: '2026-03-02T08:00:00.000Z', status: 'Readable' },
          { createdAt: '2026-03-03T10:00:00.000Z', status: 'Read' },
        ],
      },
      deemedReceivedOn: '2026-03-05',
    });
    assert.equal((await otherApi.get(`/v1/messages/${id}/state`)).statusCode, 404);
    assert.equal((await api.get('/v1/messages/999999/state')).statusCode, 404);
    assert.equal((await api.get('/v1/messages/abc/state')).statusCode, 400);
  });

  test('the state of paper mail shows its paper statuses as the delivery pipeline records them', async () => {
    const upload = await api.upload(tinyPdf(), 'kirje.pdf');
    const pdf = upload.json<{ attachmentId: string }>().attachmentId;
    const sent = await api.post('/v2/messages', {
      ...electronicRequest(org, newIdentityCode()),
      paperMail: paperMailPart(pdf),
    });
    const id = sent.json<{ messageId: number }>().messageId;
    const created = await api.get(`/v1/messages/${id}/state`);
    assert.deepEqual(created.json(), {
      statuses: [{ createdAt: '2026-03-02T08:00:00.000Z', status: 'Created' }],
      paperMail: { statuses: [{ createdAt: '2026-03-02T08:00:00.000Z', status: 'Created' }] },
    });
    await h.context.database.db.transaction().execute((trx) =>
      appendFeedEvent(trx, {
        organisationId: org.id,
        messageId: id,
        serviceId: org.serviceId,
        type: 'Sent for printing and enveloping',
        occurredAt: new Date('2026-03-02T12:00:00Z'),
      }),
    );
    const printed = await api.get(`/v1/messages/${id}/state`);
    assert.deepEqual(printed.json<{ paperMail: unknown }>().paperMail, {
      statuses: [
        { createdAt: '2026-03-02T08:00:00.000Z', status: 'Created' },
        { createdAt: '2026-03-02T12:00:00.000Z', status: 'Sent for printing and enveloping' },
      ],
    });
  });

  test('GET /v2/messages/{id} serves a citizen message with attachments and thread to its organisation only', async () => {
    const original = await api.post('/v2/messages/electronic', electronicRequest(org, citizen.identityCode));
    const rootId = original.json<{ messageId: number }>().messageId;
    const content = tinyPdf('hakemus');
    const sent = await h.fixtures.citizenMessage({
      organisation: org,
      accountId: citizen.id,
      title: 'Vastaus',
      body: 'Tässä pyytämänne selvitys.',
      inReplyTo: rootId,
      threadId: rootId,
      attachment: { fileName: 'selvitys.pdf', mediaType: 'application/pdf', content },
    });
    const response = await api.get(`/v2/messages/${sent.messageId}`);
    assert.equal(response.statusCode, 200, response.body);
    const body = response.json<{
      messageId: number;
      electronic: {
        title: string;
        body: string;
        attachments: Array<{ attachmentId: string; filename: string; sizeBytes: number }>;
        thread: { rootMessageId: number; threadExternalId: string };
      };
      sender: { mailboxOwner: { id: string } };
    }>();
    assert.equal(body.messageId, sent.messageId);
    assert.equal(body.electronic.title, 'Vastaus');
    assert.equal(body.electronic.body, 'Tässä pyytämänne selvitys.');
    assert.equal(body.electronic.thread.rootMessageId, rootId);
    assert.ok(body.electronic.thread.threadExternalId);
    assert.equal(body.sender.mailboxOwner.id, citizen.identityCode);
    assert.deepEqual(body.electronic.attachments, [
      {
        attachmentId: sent.attachmentId,
        filename: 'selvitys.pdf',
        mediaType: 'application/pdf',
        sizeBytes: content.length,
      },
    ]);
    const file = await api.get(`/v1/attachments/${sent.attachmentId}`);
    assert.equal(file.statusCode, 200);
    assert.equal(file.headers['content-type'], 'application/pdf');
    assert.deepEqual(file.rawPayload, content);

    // Isolation: another organisation sees neither the message nor its attachment.
    assert.equal((await otherApi.get(`/v2/messages/${sent.messageId}`)).statusCode, 404);
    assert.equal((await otherApi.get(`/v1/attachments/${sent.attachmentId}`)).statusCode, 404);
    // Nor are the organisation's own outgoing messages or uploads served here.
    assert.equal((await api.get(`/v2/messages/${rootId}`)).statusCode, 404);

    // After 60 days neither is available.
    h.setNow('2026-05-01T08:00:01Z');
    await api.login(org);
    assert.equal((await api.get(`/v2/messages/${sent.messageId}`)).statusCode, 404);
    assert.equal((await api.get(`/v1/attachments/${sent.attachmentId}`)).statusCode, 404);
    h.setNow('2026-03-02T08:00:00Z');
    await api.login(org);
  });
});
