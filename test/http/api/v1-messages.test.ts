import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { contentContext, decryptText } from '../../../src/modules/messages/message-content.js';
import { sendAccepted } from '../../helpers/api-session.js';
import { v1PaperFields } from '../../helpers/api-requests.js';
import { type ApiOrganisation, newExternalId, newIdentityCode } from '../../helpers/fixtures.js';
import { tinyPdf } from '../../helpers/sample-files.js';
import { messageRow, rowCounts, storedRow } from '../../helpers/stored-rows.js';
import { multipartBody, uploadV1 } from './v1-test-support.js';

import { useSignedInOrganisations } from './signed-in-organisations.js';
import { useAccount } from '../../helpers/suite-harness.js';
import { openMessageRecipient } from '../../../src/crypto/personal-data.js';
describe('organisation API v1: sending messages', () => {
  const { h, org, other, api, otherApi } = useSignedInOrganisations('2026-03-02T08:00:00Z');
  const citizen = useAccount(h);

  const uploadFile = async (client = api, content = tinyPdf(), name = 'paatos.pdf') => {
    const response = await uploadV1(h, client.token, '/v1/files', multipartBody(content, name));
    assert.equal(response.statusCode, 201, response.body);
    return response.json<{ fileId: string }>().fileId;
  };
  const uploadAttachment = async (client = api, content = tinyPdf()) => {
    const body = multipartBody(content, 'liite.pdf', { recipientId: citizen.identityCode });
    const response = await uploadV1(h, client.token, '/v1/attachments', body);
    assert.equal(response.statusCode, 201, response.body);
    return response.json<{ attachmentId: string }>().attachmentId;
  };
  const message = (id: number) => messageRow(h, id);
  const storedPaper = async (id: number) => {
    const row = await message(id);
    assert.ok(row.paper_enc);
    return JSON.parse(decryptText(h.context.envelope, row.paper_enc, contentContext.paper)) as Record<
      string,
      unknown
    >;
  };
  /** The smallest NewElectronicMessageFromClientOrganisation: everything optional left out. */
  const electronicV1 = (
    organisation: ApiOrganisation,
    recipientId: string,
    electronic: Record<string, unknown> = {},
    externalId = newExternalId(),
  ) => ({
    externalId,
    recipient: { id: recipientId },
    sender: { serviceId: organisation.serviceId },
    electronic: { title: 'Päätös toimeentulotuesta', body: 'Hei,\n\nohessa päätös.', ...electronic },
  });
  const multichannelV1 = (
    organisation: ApiOrganisation,
    recipientId: string,
    fileId: string,
    paperOverrides: Record<string, unknown> = {},
    externalId = newExternalId(),
  ) => ({
    ...electronicV1(organisation, recipientId, {}, externalId),
    electronic: { title: 'Päätös', body: 'Ohessa päätös.', files: [{ fileId }] },
    paperMail: v1PaperFields(fileId, paperOverrides),
  });
  const postElectronic = (body: unknown, client = api) => client.post('/v1/messages/electronic', body);

  test('POST /v1/messages/electronic stores a message with the v1 defaults and its attachment', async () => {
    const attachmentId = await uploadAttachment();
    const request = electronicV1(org, citizen.identityCode, { attachments: [{ attachmentId }] });
    const messageId = await sendAccepted(api, '/v1/messages/electronic', request);
    const row = await message(messageId);
    assert.equal(row.direction, 'to_citizen');
    assert.equal(row.account_id, citizen.id);
    assert.equal(row.channel, 'electronic');
    assert.equal(row.service_type, 'Normal');
    assert.equal(row.reply_allowed, 0);
    assert.equal(row.visibility, 'Normal');
    assert.equal(row.body_format, 'Text');
    assert.equal(row.external_id, request.externalId);
    assert.equal(decryptText(h.context.envelope, row.body_enc, contentContext.body), request.electronic.body);
    assert.deepEqual(JSON.parse(row.options), {
      sentVia: 'electronic',
      notifications: {
        senderDetailsInNotifications: 'Organisation and service name',
        unreadMessageNotification: { reminder: 'Default reminder' },
      },
    });
    const used = await h.context.database.db
      .selectFrom('attachments')
      .select(['message_id', 'position'])
      .where('id', '=', attachmentId)
      .executeTakeFirstOrThrow();
    assert.deepEqual(used, { message_id: messageId, position: 0 });
    const event = await h.context.database.db
      .selectFrom('events')
      .select('event_type')
      .where('message_id', '=', messageId)
      .executeTakeFirstOrThrow();
    assert.equal(event.event_type, 'Electronic message created');
  });

  test('a repeated externalId answers 200 with the original messageId (no 409 in this v1 operation) and stores nothing', async () => {
    const request = electronicV1(org, citizen.identityCode);
    const first = await postElectronic(request);
    assert.equal(first.statusCode, 200, first.body);
    const before = await rowCounts(h);
    const again = await postElectronic({ ...request, electronic: { title: 'Toinen', body: 'Toinen' } });
    assert.equal(again.statusCode, 200);
    assert.equal(
      again.json<{ messageId: number }>().messageId,
      first.json<{ messageId: number }>().messageId,
    );
    assert.deepEqual(await rowCounts(h), before);
  });

  test('a reply links to the citizen message; a reply to a missing message is sent as a new one', async () => {
    const { messageId: fromCitizen } = await h.fixtures.citizenMessage({
      organisation: org,
      accountId: citizen.id,
    });
    const reply = await postElectronic(
      electronicV1(org, citizen.identityCode, { inReplyToMessageId: fromCitizen, replyAllowedBy: 'Anyone' }),
    );
    assert.equal(reply.statusCode, 200, reply.body);
    const replyRow = await message(reply.json<{ messageId: number }>().messageId);
    assert.equal(replyRow.in_reply_to, fromCitizen);
    assert.equal(replyRow.thread_id, fromCitizen);
    assert.equal(replyRow.reply_allowed, 1);

    // The other organisation's citizen message is as missing to this one as a deleted one.
    const { messageId: othersMessage } = await h.fixtures.citizenMessage({
      organisation: other,
      accountId: citizen.id,
    });
    for (const missing of [999_999, othersMessage]) {
      const response = await postElectronic(
        electronicV1(org, citizen.identityCode, { inReplyToMessageId: missing }),
      );
      assert.equal(response.statusCode, 200, response.body);
      const row = await message(response.json<{ messageId: number }>().messageId);
      assert.equal(row.in_reply_to, null);
      assert.equal(row.thread_id, row.id);
    }
  });

  test('invalid electronic messages are refused naming the field, storing nothing', async () => {
    const closed = await h.fixtures.account({ identityCode: newIdentityCode(), status: 'closed' });
    const othersUpload = await uploadAttachment(otherApi);
    const before = await rowCounts(h);
    const cases: Array<[unknown, RegExp, string?]> = [
      [electronicV1(org, citizen.identityCode, { title: undefined }), /^electronic\.title: is required/],
      [electronicV1(org, citizen.identityCode, { body: '' }), /^electronic\.body/],
      [electronicV1(org, '123456-7890'), /^recipient\.id/],
      [electronicV1(org, closed.identityCode), /^recipient\.id/, 'MAILBOX_NOT_IN_USE'],
      [electronicV1(other, citizen.identityCode), /^sender\.serviceId/],
      [
        electronicV1(org, citizen.identityCode, { attachments: [{ attachmentId: othersUpload }] }),
        /^electronic\.attachments\[0\]\.attachmentId/,
      ],
      [
        electronicV1(org, citizen.identityCode, {
          attachments: [{ attachmentId: othersUpload }, { attachmentId: othersUpload }],
        }),
        /^electronic\.attachments/,
      ],
    ];
    for (const [body, reason, errorCode] of cases) {
      const response = await postElectronic(body);
      assert.equal(response.statusCode, 400, response.body);
      const answer = response.json<{ reason: string; validationErrors: Array<{ errorCode?: string }> }>();
      assert.match(answer.reason, reason);
      if (errorCode) assert.equal(answer.validationErrors[0]?.errorCode, errorCode);
    }
    const unauthenticated = await api.post(
      '/v1/messages/electronic',
      electronicV1(org, citizen.identityCode),
      {
        token: null,
      },
    );
    assert.equal(unauthenticated.statusCode, 401);
    assert.deepEqual(await rowCounts(h), before);
  });

  test('POST /v1/messages goes electronic with an active mailbox and stores the v1 paper part verbatim', async () => {
    const fileId = await uploadFile();
    const request = multichannelV1(org, citizen.identityCode, fileId);
    const messageId = await sendAccepted(api, '/v1/messages', request);
    const row = await message(messageId);
    assert.equal(row.channel, 'electronic');
    assert.equal(row.account_id, citizen.id);
    // As sent, with the contract's default filled in by validation.
    assert.deepEqual(await storedPaper(messageId), { ...request.paperMail, messageServiceType: 'Normal' });
    assert.equal(JSON.parse(row.options).sentVia, 'multichannel');

    const again = await api.post('/v1/messages', {
      ...request,
      electronic: { ...request.electronic, title: 'x' },
    });
    assert.equal(again.statusCode, 409);
    assert.equal(again.json<{ messageId: number }>().messageId, messageId);
  });

  test('POST /v1/messages without an active mailbox is paper mail printing the file', async () => {
    const fileId = await uploadFile();
    const nobody = newIdentityCode();
    const request = multichannelV1(org, nobody, fileId, {
      messageServiceType: 'Verifiable',
      colorPrinting: true,
    });
    const messageId = await sendAccepted(api, '/v1/messages', request);
    const row = await message(messageId);
    assert.equal(row.channel, 'paper');
    assert.equal(row.service_type, 'Verifiable');
    const paper = await storedPaper(messageId);
    assert.deepEqual(paper.files, [{ fileId }]);
    assert.equal(paper.createCoverPage, true);
    assert.equal('attachments' in paper, false);
    assert.equal((await storedRow(h, 'attachments', 'id', fileId)).message_id, messageId);
  });

  test('invalid multichannel messages name the v1 field and store nothing', async () => {
    const pdf = await uploadFile();
    const text = (
      await uploadV1(
        h,
        api.token,
        '/v1/attachments',
        multipartBody(Buffer.from('teksti\n'), 'a.txt', {
          recipientId: citizen.identityCode,
        }),
      )
    ).json<{ attachmentId: string }>().attachmentId;
    const othersFile = await uploadFile(otherApi);
    const before = await rowCounts(h);
    const base = multichannelV1(org, newIdentityCode(), pdf);
    const cases: Array<[unknown, RegExp]> = [
      [
        { ...base, paperMail: { ...base.paperMail, files: [{ fileId: text }] } },
        /^paperMail\.files\[0\]\.fileId: must be a PDF/,
      ],
      [
        { ...base, electronic: { ...base.electronic, files: [{ fileId: othersFile }] } },
        /^electronic\.files\[0\]\.fileId/,
      ],
      [{ ...base, paperMail: { ...base.paperMail, files: [] } }, /^paperMail\.files/],
      [
        { ...base, paperMail: { ...base.paperMail, createCoverPage: undefined } },
        /^paperMail\.createCoverPage: is required/,
      ],
      [
        {
          ...base,
          paperMail: v1PaperFields(pdf, {
            recipient: {
              address: { name: 'A', streetAddress: 'B', zipCode: '1', city: 'C', countryCode: 'FI' },
            },
          }),
        },
        /^paperMail\.recipient\.address\.zipCode/,
      ],
      [{ ...base, electronic: { title: 'x', body: 'y' } }, /^electronic\.files: is required/],
    ];
    for (const [body, reason] of cases) {
      const response = await api.post('/v1/messages', body);
      assert.equal(response.statusCode, 400, response.body);
      assert.match(response.json<{ reason: string }>().reason, reason);
    }
    assert.deepEqual(await rowCounts(h), before);
  });

  test('POST /v1/paper-mail-without-id prints the file and keeps the request as sent', async () => {
    const fileId = await uploadFile();
    const request = {
      externalId: newExternalId(),
      ...v1PaperFields(fileId),
      sender: { ...v1PaperFields(fileId).sender, serviceId: org.serviceId },
    };
    const messageId = await sendAccepted(api, '/v1/paper-mail-without-id', request);
    const row = await message(messageId);
    assert.equal(row.channel, 'paper');
    assert.equal(openMessageRecipient(h.context.envelope, row.recipient_id_enc), null);
    assert.equal(row.account_id, null);
    assert.equal(JSON.parse(row.options).sentVia, 'paper-mail-without-id');
    assert.deepEqual(await storedPaper(messageId), { ...request, messageServiceType: 'Normal' });

    const before = await rowCounts(h);
    const again = await api.post('/v1/paper-mail-without-id', request);
    assert.equal(again.statusCode, 409);
    assert.equal(again.json<{ messageId: number }>().messageId, messageId);

    const othersFile = await uploadFile(otherApi);
    const afterOthersUpload = await rowCounts(h);
    assert.equal(afterOthersUpload.attachments, before.attachments! + 1);
    const cases: Array<[unknown, RegExp]> = [
      [{ ...request, externalId: newExternalId(), files: [{ fileId: othersFile }] }, /^files\[0\]\.fileId/],
      [
        { ...request, externalId: newExternalId(), files: [{ fileId }] },
        /^files\[0\]\.fileId: is already used/,
      ],
      [
        {
          ...request,
          externalId: newExternalId(),
          sender: { ...request.sender, serviceId: other.serviceId },
        },
        /^sender\.serviceId/,
      ],
      [
        {
          ...request,
          externalId: newExternalId(),
          recipient: { address: { ...request.recipient.address, zipCode: 'ABC' } },
        },
        /^recipient\.address\.zipCode/,
      ],
      [{ ...request, externalId: newExternalId(), sender: request.sender.address }, /^sender\./],
    ];
    for (const [body, reason] of cases) {
      const rejected = await api.post('/v1/paper-mail-without-id', body);
      assert.equal(rejected.statusCode, 400, rejected.body);
      assert.match(rejected.json<{ reason: string }>().reason, reason);
    }
    assert.deepEqual(await rowCounts(h), afterOthersUpload);
  });
});
