import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { contentContext, decryptText } from '../../../src/modules/messages/message-content.js';
import { sendAccepted, uploadAccepted } from '../../helpers/api-session.js';
import { newExternalId, newIdentityCode } from '../../helpers/fixtures.js';
import { electronicRequest, paperMailPart } from '../../helpers/api-requests.js';
import {
  attachmentsOf,
  eventTypesOf,
  jobsOf,
  messageRow,
  rowCounts,
  storedRows,
} from '../../helpers/stored-rows.js';

import { useSignedInOrganisations } from './signed-in-organisations.js';
import { useAccount } from '../../helpers/suite-harness.js';
import { openMessageRecipient } from '../../../src/crypto/personal-data.js';
describe('organisation API: sending messages', () => {
  const { h, org, other, api, otherApi } = useSignedInOrganisations('2026-03-02T08:00:00Z');
  const citizen = useAccount(h);

  const upload = (client = api, content?: Buffer, name?: string) => uploadAccepted(client, content, name);
  const message = (id: number) => messageRow(h, id);

  test('an electronic message is stored encrypted with its event, delivery jobs and attachments', async () => {
    const first = await upload();
    const second = await upload(api, Buffer.from('liite\n'), 'liite.txt');
    const request = electronicRequest(org, citizen.identityCode, {
      attachments: [{ attachmentId: first }, { attachmentId: second }],
      replyAllowedBy: 'Anyone',
      notifications: {
        senderDetailsInNotifications: 'None',
        unreadMessageNotification: { reminder: 'No reminders' },
        customisedNewMessageNotification: {
          title: { fi: 'Uusi viesti', sv: 'Nytt meddelande', en: 'New message' },
          content: { fi: 'Sinulle on viesti', sv: 'Du har ett meddelande', en: 'You have a message' },
        },
      },
    });
    const messageId = await sendAccepted(api, '/v2/messages/electronic', request);
    const row = await message(messageId);
    assert.equal(row.direction, 'to_citizen');
    assert.equal(row.account_id, citizen.id);
    assert.equal(openMessageRecipient(h.context.envelope, row.recipient_id_enc), citizen.identityCode);
    assert.equal(row.channel, 'electronic');
    assert.equal(row.service_type, 'Normal');
    assert.equal(row.reply_allowed, 1);
    assert.equal(row.thread_id, messageId);
    assert.equal(row.available_at, '2026-03-02T08:00:00.000Z');
    assert.equal(row.deemed_received_on, '2026-03-05');
    assert.equal(row.external_id, request.externalId);
    assert.ok(!Buffer.from(row.title_enc).includes(Buffer.from('toimeentulotuesta')));
    assert.equal(
      decryptText(h.context.envelope, row.title_enc, contentContext.title),
      request.electronic.title,
    );
    assert.equal(decryptText(h.context.envelope, row.body_enc, contentContext.body), request.electronic.body);
    assert.deepEqual(JSON.parse(row.options), {
      sentVia: 'electronic',
      notifications: request.electronic.notifications,
    });
    const attachments = await attachmentsOf(h, messageId);
    assert.deepEqual(
      attachments.map(({ id, position }) => ({ id, position })),
      [
        { id: first, position: 0 },
        { id: second, position: 1 },
      ],
    );
    const events = await h.context.database.db
      .selectFrom('events')
      .selectAll()
      .where('message_id', '=', messageId)
      .execute();
    assert.deepEqual(
      events.map((e) => JSON.parse(e.payload)),
      [
        {
          type: 'Electronic message created',
          eventTime: '2026-03-02T08:00:00.000Z',
          metadata: { messageId, serviceId: org.serviceId, externalId: request.externalId },
        },
      ],
    );
    const jobs = await h.context.database.db
      .selectFrom('outbox_jobs')
      .select('kind')
      .where('message_id', '=', messageId)
      .execute();
    assert.deepEqual(jobs.map((j) => j.kind).sort(), ['new-message-notification']);
  });

  test('a repeated externalId answers 409 with the original messageId and creates nothing', async () => {
    const request = electronicRequest(org, citizen.identityCode, {
      attachments: [{ attachmentId: await upload() }],
    });
    const first = await api.post('/v2/messages/electronic', request);
    assert.equal(first.statusCode, 200);
    const before = await rowCounts(h);
    const again = await api.post('/v2/messages/electronic', request);
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().messageId, first.json().messageId);
    // Same externalId on the multichannel endpoint of the same service is a repeat too.
    const multi = await api.post('/v2/messages', { ...request, paperMail: paperMailPart(await upload()) });
    assert.equal(multi.statusCode, 409);
    assert.equal(multi.json().messageId, first.json().messageId);
    const after = await rowCounts(h);
    assert.deepEqual({ ...after, attachments: before.attachments }, before);
  });

  test('concurrent repeats of one externalId produce exactly one message', async () => {
    const request = electronicRequest(org, citizen.identityCode);
    const responses = await Promise.all(
      Array.from({ length: 8 }, () => api.post('/v2/messages/electronic', request)),
    );
    const ids = new Set(responses.map((r) => r.json().messageId));
    assert.equal(ids.size, 1);
    assert.equal(responses.filter((r) => r.statusCode === 200).length, 1);
    assert.equal(responses.filter((r) => r.statusCode === 409).length, 7);
    assert.equal((await storedRows(h, 'messages', 'external_id', request.externalId)).length, 1);
  });

  test('invalid requests get 400 naming the field and store nothing', async () => {
    const used = await upload();
    await api.post(
      '/v2/messages/electronic',
      electronicRequest(org, citizen.identityCode, { attachments: [{ attachmentId: used }] }),
    );
    const othersUpload = await upload(otherApi);
    const fresh = await upload();
    const noMailbox = newIdentityCode();
    const cases: Array<[string, unknown, RegExp, string?]> = [
      ['bad recipient id', electronicRequest(org, '270570-901A'), /^recipient\.id: /],
      ['no mailbox', electronicRequest(org, noMailbox), /^recipient\.id: /, 'MAILBOX_NOT_IN_USE'],
      [
        'business ID has no mailbox',
        electronicRequest(org, '9990001-6'),
        /^recipient\.id: /,
        'MAILBOX_NOT_IN_USE',
      ],
      [
        'title too long',
        electronicRequest(org, citizen.identityCode, { title: 'x'.repeat(257) }),
        /^electronic\.title: /,
      ],
      ['blank title', electronicRequest(org, citizen.identityCode, { title: '   ' }), /^electronic\.title: /],
      [
        'body too long',
        electronicRequest(org, citizen.identityCode, { body: 'x'.repeat(40_001) }),
        /^electronic\.body: /,
      ],
      [
        'bad body format',
        electronicRequest(org, citizen.identityCode, { bodyFormat: 'Html' }),
        /^electronic\.bodyFormat: /,
      ],
      [
        'missing notifications',
        electronicRequest(org, citizen.identityCode, { notifications: undefined }),
        /^electronic\.notifications: /,
      ],
      [
        '51 attachments',
        electronicRequest(org, citizen.identityCode, {
          attachments: Array.from({ length: 51 }, () => ({ attachmentId: fresh })),
        }),
        /^electronic\.attachments: /,
      ],
      [
        'unknown attachment',
        electronicRequest(org, citizen.identityCode, {
          attachments: [{ attachmentId: crypto.randomUUID() }],
        }),
        /^electronic\.attachments\[0\]\.attachmentId: /,
      ],
      [
        "another organisation's attachment",
        electronicRequest(org, citizen.identityCode, {
          attachments: [{ attachmentId: fresh }, { attachmentId: othersUpload }],
        }),
        /^electronic\.attachments\[1\]\.attachmentId: /,
      ],
      [
        'an attachment already used',
        electronicRequest(org, citizen.identityCode, { attachments: [{ attachmentId: used }] }),
        /^electronic\.attachments\[0\]\.attachmentId: .*already used/,
      ],
      [
        'the same attachment twice',
        electronicRequest(org, citizen.identityCode, {
          attachments: [{ attachmentId: fresh }, { attachmentId: fresh }],
        }),
        /^electronic\.attachments\[1\]\.attachmentId: /,
      ],
      [
        'unknown reply target',
        electronicRequest(org, citizen.identityCode, { inReplyToMessageId: 999_999 }),
        /^electronic\.inReplyToMessageId: /,
        'MESSAGE_BEING_REPLIED_TO_NOT_FOUND',
      ],
      [
        'unknown service',
        { ...electronicRequest(org, citizen.identityCode), sender: { serviceId: 'nope' } },
        /^sender\.serviceId: /,
      ],
      [
        "another organisation's service",
        { ...electronicRequest(org, citizen.identityCode), sender: { serviceId: other.serviceId } },
        /^sender\.serviceId: /,
      ],
      [
        'externalId too long',
        electronicRequest(org, citizen.identityCode, {}, 'x'.repeat(257)),
        /^externalId: /,
      ],
    ];
    const before = await rowCounts(h);
    for (const [name, body, reason, code] of cases) {
      const response = await api.post('/v2/messages/electronic', body);
      assert.equal(response.statusCode, 400, `${name}: ${response.body}`);
      const json = response.json<{ reason: string; validationErrors: Array<{ errorCode?: string }> }>();
      assert.match(json.reason, reason, name);
      assert.ok(
        !json.reason.includes(noMailbox) && !json.reason.includes(citizen.identityCode),
        `${name}: no identity code`,
      );
      if (code) assert.equal(json.validationErrors[0]?.errorCode, code, name);
    }
    assert.deepEqual(await rowCounts(h), before);
  });

  test('Markdown bodies are stored as given with their format; Verifiable messages have no deemed date yet', async () => {
    const body = '# Päätös\n\n- **hyväksytty**\n- [ohje](https://www.suomi.fi)\n\n<script>alert(1)</script>';
    const response = await api.post(
      '/v2/messages/electronic',
      electronicRequest(org, citizen.identityCode, {
        body,
        bodyFormat: 'Markdown',
        messageServiceType: 'Verifiable',
      }),
    );
    assert.equal(response.statusCode, 200);
    const row = await message(response.json().messageId as number);
    assert.equal(row.body_format, 'Markdown');
    assert.equal(row.service_type, 'Verifiable');
    assert.equal(row.deemed_received_on, null);
    assert.equal(decryptText(h.context.envelope, row.body_enc, contentContext.body), body);
    const jobs = await h.context.database.db
      .selectFrom('outbox_jobs')
      .select('kind')
      .where('message_id', '=', row.id)
      .execute();
    assert.deepEqual(jobs.map((j) => j.kind).sort(), ['new-message-notification', 'reminder']);
  });

  test('multichannel goes electronic to an active mailbox and keeps the paper part for fallback', async () => {
    const pdf = await upload();
    const request = {
      ...electronicRequest(org, citizen.identityCode, {
        attachments: [{ attachmentId: pdf }],
        messageServiceType: 'Verifiable',
      }),
      paperMail: paperMailPart(pdf, { messageServiceType: 'Verifiable' }),
    };
    const row = await message(await sendAccepted(api, '/v2/messages', request));
    assert.equal(row.channel, 'electronic');
    assert.equal(row.account_id, citizen.id);
    assert.deepEqual(
      JSON.parse(decryptText(h.context.envelope, row.paper_enc!, contentContext.paper)),
      request.paperMail,
    );
    const jobs = await h.context.database.db
      .selectFrom('outbox_jobs')
      .select('kind')
      .where('message_id', '=', row.id)
      .execute();
    assert.ok(jobs.some((j) => j.kind === 'verifiable-paper-fallback'));
  });

  test('multichannel without an active mailbox becomes paper mail', async () => {
    const pdf = await upload();
    const recipient = newIdentityCode();
    const request = { ...electronicRequest(org, recipient), paperMail: paperMailPart(pdf) };
    const row = await message(await sendAccepted(api, '/v2/messages', request));
    assert.equal(row.channel, 'paper');
    assert.equal(row.account_id, null);
    assert.equal(openMessageRecipient(h.context.envelope, row.recipient_id_enc), recipient);
    assert.equal(row.available_at, null);
    assert.equal(row.deemed_received_on, null);
    assert.deepEqual(
      JSON.parse(decryptText(h.context.envelope, row.paper_enc!, contentContext.paper)),
      request.paperMail,
    );
    const attachment = await h.context.database.db
      .selectFrom('attachments')
      .select(['message_id', 'position'])
      .where('id', '=', pdf)
      .executeTakeFirstOrThrow();
    assert.deepEqual(attachment, { message_id: row.id, position: null });
    assert.deepEqual(await eventTypesOf(h.context, row.id), ['Paper mail created']);
    assert.deepEqual(
      (await jobsOf(h.context, row.id)).map((j) => j.kind),
      ['paper-letter'],
    );
  });

  test('the paper part is validated: one PDF, proper addresses, printing account', async () => {
    const text = await upload(api, Buffer.from('teksti\n'), 'a.txt');
    const pdf = await upload();
    const base = electronicRequest(org, newIdentityCode());
    /** A short address in `countryCode`, with a three-digit postal code. */
    const addressIn = (countryCode: string) => ({
      address: { name: 'A', streetAddress: 'B 1', zipCode: '123', city: 'C', countryCode },
    });
    const cases: Array<[string, unknown, RegExp]> = [
      [
        'not a PDF',
        { ...base, paperMail: paperMailPart(text) },
        /^paperMail\.attachments\[0\]\.attachmentId: .*PDF/,
      ],
      [
        'two files',
        {
          ...base,
          paperMail: paperMailPart(pdf, { attachments: [{ attachmentId: pdf }, { attachmentId: text }] }),
        },
        /^paperMail\.attachments: /,
      ],
      [
        'Finnish postal code',
        {
          ...base,
          paperMail: paperMailPart(pdf, { recipient: addressIn('FI') }),
        },
        /^paperMail\.recipient\.address\.zipCode: /,
      ],
      [
        'unknown country',
        {
          ...base,
          paperMail: paperMailPart(pdf, { sender: addressIn('QQ') }),
        },
        /^paperMail\.sender\.address\.countryCode: /,
      ],
      ['missing paper part', base, /^paperMail: is required/],
      [
        'bad Posti password',
        {
          ...base,
          paperMail: paperMailPart(pdf, {
            printingAndEnvelopingService: {
              postiMessaging: { contactDetails: { email: 'a@b.fi' }, username: 'abcdef', password: '12345' },
            },
          }),
        },
        /^paperMail\.printingAndEnvelopingService\.postiMessaging\.password: /,
      ],
    ];
    const before = await rowCounts(h);
    for (const [name, body, reason] of cases) {
      const response = await api.post('/v2/messages', body);
      assert.equal(response.statusCode, 400, `${name}: ${response.body}`);
      assert.match(response.json<{ reason: string }>().reason, reason, name);
    }
    assert.deepEqual(await rowCounts(h), before);
  });

  test('paper mail without id is stored with the paper part and no recipient', async () => {
    const pdf = await upload();
    const request = {
      externalId: newExternalId(),
      sender: { serviceId: org.serviceId },
      paperMail: paperMailPart(pdf),
    };
    const row = await message(await sendAccepted(api, '/v2/paper-mail-without-id', request));
    assert.equal(openMessageRecipient(h.context.envelope, row.recipient_id_enc), null);
    assert.equal(row.channel, 'paper');
    assert.deepEqual(JSON.parse(row.options), { sentVia: 'paper-mail-without-id' });
    const again = await api.post('/v2/paper-mail-without-id', request);
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().messageId, row.id);
  });

  test('a reply joins the citizen message thread; replies to others are refused', async () => {
    const sent = await h.fixtures.citizenMessage({ organisation: org, accountId: citizen.id });
    const reply = await api.post(
      '/v2/messages/electronic',
      electronicRequest(org, citizen.identityCode, { inReplyToMessageId: sent.messageId }),
    );
    assert.equal(reply.statusCode, 200, reply.body);
    const row = await message(reply.json().messageId as number);
    assert.equal(row.in_reply_to, sent.messageId);
    assert.equal(row.thread_id, sent.messageId);
    // Another organisation cannot reply into this thread, nor can the reply go to another person.
    const foreign = await otherApi.post(
      '/v2/messages/electronic',
      electronicRequest(other, citizen.identityCode, { inReplyToMessageId: sent.messageId }),
    );
    assert.equal(foreign.statusCode, 400);
    const someoneElse = await h.fixtures.account();
    const misdirected = await api.post(
      '/v2/messages/electronic',
      electronicRequest(org, someoneElse.identityCode, { inReplyToMessageId: sent.messageId }),
    );
    assert.equal(misdirected.statusCode, 400);
    assert.equal(
      misdirected.json<{ validationErrors: Array<{ errorCode: string }> }>().validationErrors[0]?.errorCode,
      'MESSAGE_BEING_REPLIED_TO_NOT_FOUND',
    );
  });

  test("isolation: an organisation cannot send with another organisation's uploads", async () => {
    const mine = await upload();
    const before = await rowCounts(h);
    const response = await otherApi.post('/v2/messages', {
      ...electronicRequest(other, citizen.identityCode),
      paperMail: paperMailPart(mine),
    });
    assert.equal(response.statusCode, 400);
    const paper = await otherApi.post('/v2/paper-mail-without-id', {
      externalId: newExternalId(),
      sender: { serviceId: other.serviceId },
      paperMail: paperMailPart(mine),
    });
    assert.equal(paper.statusCode, 400);
    assert.deepEqual(await rowCounts(h), before);
  });
});
