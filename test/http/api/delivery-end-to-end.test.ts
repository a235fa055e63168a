import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import type { ApiClient } from '../../helpers/api-client.js';
import { sendAccepted, signedInOrganisation, uploadAccepted } from '../../helpers/api-session.js';
import { assertHandedToPrinting, drain } from '../../helpers/delivery-harness.js';
import { type ApiOrganisation } from '../../helpers/fixtures.js';
import { electronicRequest, paperMailPart } from '../../helpers/api-requests.js';
import { samplePdf } from '../../helpers/sample-files.js';
import { extractPdfText } from '../../helpers/delivery-pdf.js';
import { eventTypesOf } from '../../helpers/stored-rows.js';
import { useDeliveryProviders, useSuiteHarness } from '../../helpers/suite-harness.js';
import { sealedContact } from '../../helpers/stored-rows.js';

// The "done when": a message sent through the real API produces exactly the notifications
// the person chose, without content; a multichannel message to someone without a mailbox becomes
// a letter in a print batch with the right events and deemed-received date.
describe('API → delivery pipeline, end to end', () => {
  const { h, smtp } = useDeliveryProviders({ now: '2026-11-02T08:00:00Z' });
  let org: ApiOrganisation;
  let api: ApiClient;

  before(async () => {
    ({ org, api } = await signedInOrganisation(h));
  });

  test('electronic message: e-mail and SMS as chosen, nothing of the message in them', async () => {
    const account = await h.fixtures.account();
    await h.context.database.db
      .updateTable('accounts')
      .set({
        ...sealedContact(h.context, { email: 'citizen@example.fi', mobile: '+358501234567' }),
        email_notifications: 1,
        sms_notifications: 1,
        language: 'sv',
      })
      .where('id', '=', account.id)
      .execute();
    const request = electronicRequest(org, account.identityCode, {
      title: 'Beslut om utkomststöd 4711',
      body: 'Hemligt innehåll 0815',
    });
    const messageId = await sendAccepted(api, '/v2/messages/electronic', request);

    await drain(h.services.delivery);
    const mails = smtp.mails.filter((m) => m.envelopeTo.includes('citizen@example.fi'));
    assert.equal(mails.length, 1);
    const raw = `${mails[0]!.subject} ${mails[0]!.text} ${mails[0]!.html}`;
    assert.ok(!raw.includes('4711') && !raw.includes('0815'), 'no title or body in the e-mail');
    const smsDir = path.join(h.context.config.dataDir, 'outbox', 'sms');
    const smsFiles = fs.readdirSync(smsDir).map((f) => fs.readFileSync(path.join(smsDir, f), 'utf8'));
    assert.equal(smsFiles.filter((f) => f.includes('+358501234567')).length, 1);
    assert.ok(
      smsFiles.every((f) => !f.includes('4711') && !f.includes('0815')),
      'no content in the SMS',
    );
    assert.deepEqual(await eventTypesOf(h.context, messageId), ['Electronic message created']);

    // Running the queue again sends nothing twice.
    await drain(h.services.delivery);
    assert.equal(smtp.mails.filter((m) => m.envelopeTo.includes('citizen@example.fi')).length, 1);
  });

  test('multichannel to a person without a mailbox: a letter in a print batch, events and deemed receipt', async () => {
    const attachmentId = await uploadAccepted(api, await samplePdf(2));
    // Maija Meikäläinen is in the register and has no account.
    const request = {
      ...electronicRequest(org, '010180-9026', { title: 'Päätös 2026-77' }),
      paperMail: paperMailPart(attachmentId, {
        recipient: {
          address: {
            name: 'Maija Meikäläinen',
            streetAddress: 'Kirjetie 5',
            zipCode: '07500',
            city: 'Askola',
            countryCode: 'FI',
          },
        },
      }),
    };
    const messageId = await sendAccepted(api, '/v2/messages', request);

    await drain(h.services.delivery);
    const jobs = await h.context.database.db
      .selectFrom('outbox_jobs')
      .select(['kind', 'state', 'last_error'])
      .where('message_id', '=', messageId)
      .execute();
    assert.deepEqual(
      jobs.map((j) => [j.kind, j.state, j.last_error]),
      [['paper-letter', 'done', null]],
    );
    const batches = await h.services.delivery.printBatches.flush();
    assert.equal(batches.length, 1);
    const dir = path.join(h.context.config.printDir, batches[0]!.batchId);
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as {
      letters: Array<{ file: string; pages: number }>;
    };
    assert.equal(manifest.letters.length, 1);
    const letter = fs.readFileSync(path.join(dir, manifest.letters[0]!.file));
    const text = await extractPdfText(letter);
    assert.equal(text.pages, manifest.letters[0]!.pages);
    const all = text.pageTexts.join(' ');
    assert.match(all, /Maija Meikäläinen/);
    assert.match(all, /Kirjetie 5/);
    assert.match(all, /Asiakirjan sivu 2/, "the organisation's PDF is in the letter");

    await assertHandedToPrinting(h, messageId, h.context.clock());
    const state = await api.get(`/v1/messages/${messageId}/state`);
    assert.equal(state.statusCode, 200, state.body);
  });
});

describe('the paper part must be printable', () => {
  const h = useSuiteHarness();
  let api: ApiClient;
  let org: ApiOrganisation;
  before(async () => {
    ({ org, api } = await signedInOrganisation(h));
  });

  test('a PDF without pages is refused at sending time, naming the field, storing nothing', async () => {
    const empty = Buffer.from(
      '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
    );
    const attachmentId = await uploadAccepted(api, empty, 'tyhja.pdf');
    const before = await h.context.database.db.selectFrom('messages').select('id').execute();
    const response = await api.post('/v2/paper-mail-without-id', {
      externalId: 'empty-pdf-1',
      sender: { serviceId: org.serviceId },
      paperMail: paperMailPart(attachmentId),
    });
    assert.equal(response.statusCode, 400, response.body);
    assert.match(response.json<{ reason: string }>().reason, /^paperMail\.attachments\[0\]\.attachmentId: /);
    const afterRows = await h.context.database.db.selectFrom('messages').select('id').execute();
    assert.equal(afterRows.length, before.length);
  });
});
