import assert from 'node:assert/strict';
import { createHash, generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { CompactSign } from 'jose';
import { deemedReceivedElectronic } from '../../../src/domain/legal-dates.js';
import {
  verifyBundle,
  type EvidenceBundle,
  type EvidencePayload as Payload,
} from '../../../src/modules/evidence/index.js';
import { sendAccepted, uploadAccepted } from '../../helpers/api-session.js';
import { electronicRequest, paperMailPart } from '../../helpers/api-requests.js';
import { signInAs, getPage, postForm } from '../../helpers/citizen-session.js';
import { runCliInProcess } from '../../helpers/cli-in-process.js';
import { drain } from '../../helpers/delivery-harness.js';
import { persons } from '../../helpers/fixtures.js';
import { samplePdf } from '../../helpers/sample-files.js';
import { useSignedInOrganisations } from './signed-in-organisations.js';

const sha256 = (content: Buffer | string) => createHash('sha256').update(content).digest('hex');

const payloadOf = (record: string) =>
  JSON.parse(Buffer.from(record.split('.')[1]!, 'base64url').toString('utf8')) as Payload;
const headerOf = (record: string) =>
  JSON.parse(Buffer.from(record.split('.')[0]!, 'base64url').toString('utf8')) as {
    kid: string;
    alg: string;
  };

// Signed delivery evidence through the real flows: the API sends, the worker notifies and prints, the
// citizen opens and acknowledges; each event's record is in the bundle, which verifies offline with
// nothing but the published JWKS, and fails by name when tampered with.
describe('signed delivery evidence', () => {
  // Monday 2 November 2026, 10:00 in Finland.
  const { h, org, api, otherApi } = useSignedInOrganisations('2026-11-02T08:00:00Z');

  const send = (url: string, request: unknown) => sendAccepted(api, url, request);
  const recordedEvents = async (messageId: number) =>
    (
      await h.context.database.db
        .selectFrom('delivery_evidence')
        .select('event')
        .where('message_id', '=', messageId)
        .orderBy('sequence')
        .execute()
    ).map((row) => row.event);
  /** The extension is not in the contract: its answer is checked against our schema by the route. */
  const bundleOf = async (messageId: number, client = api) => {
    const response = await client.get(`/v2/messages/${messageId}/evidence`, { unchecked: true });
    assert.equal(response.statusCode, 200, response.body);
    assert.equal(response.headers['content-type'], 'application/json');
    return response.json<EvidenceBundle>();
  };
  const jwks = async () => {
    const response = await h.app.inject({ method: 'GET', url: '/.well-known/jwks.json' });
    assert.equal(response.statusCode, 200);
    return response.json<{ keys: Array<Record<string, string>> }>();
  };

  test('electronic message: accepted, in the mailbox, notified, opened, deemed received; verifies with the JWKS alone', async () => {
    const kimmo = await h.fixtures.account({
      identityCode: persons.kimmo,
      email: 'kimmo@example.fi',
      emailNotifications: true,
    });
    const attachment = Buffer.from('liitteen sisältö');
    const attachmentId = await h.fixtures.upload(org, {
      content: attachment,
      fileName: 'liite.txt',
      mediaType: 'text/plain',
    });
    const request = electronicRequest(org, persons.kimmo, {
      title: 'Päätös 2026-41',
      body: 'Päätöksen teksti',
      attachments: [{ attachmentId }],
    });
    const messageId = await send('/v2/messages/electronic', request);
    assert.deepEqual(await recordedEvents(messageId), ['SubmissionAcceptance', 'ContentConsignment']);

    await drain(h.services.delivery);
    assert.deepEqual((await recordedEvents(messageId)).slice(2), ['NotificationForDelivery']);

    const asKimmo = await signInAs(h, persons.kimmo);
    const page = await getPage(h, asKimmo, `/mailbox/messages/${messageId}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, new RegExp(`href="/mailbox/messages/${messageId}/evidence"`));
    await getPage(h, asKimmo, `/mailbox/messages/${messageId}`);
    assert.deepEqual((await recordedEvents(messageId)).slice(3), ['ContentAccessTracking'], 'opened once');

    // The deemed-received day (the 3rd day): the worker's task notices it, once.
    const deemedOn = deemedReceivedElectronic(new Date('2026-11-02T08:00:00Z'));
    h.setNow(`${deemedOn}T06:00:00Z`);
    await api.login(org);
    assert.ok((await h.services.evidence.bundles.recordDueDeemedReceived()) >= 1);
    await h.services.evidence.bundles.recordDueDeemedReceived();
    assert.deepEqual((await recordedEvents(messageId)).slice(4), ['DeemedReceived']);

    const bundle = await bundleOf(messageId);
    assert.equal(bundle.messageId, messageId);
    assert.equal(bundle.externalId, request.externalId);
    const verified = await verifyBundle(bundle, await jwks());
    assert.ok(verified.ok, JSON.stringify(verified));
    assert.deepEqual(
      verified.timeline.map((entry) => entry.event),
      [
        'SubmissionAcceptance',
        'ContentConsignment',
        'NotificationForDelivery',
        'ContentAccessTracking',
        'DeemedReceived',
      ],
    );
    const payloads = bundle.records.map(payloadOf);
    for (const payload of payloads) {
      assert.deepEqual(payload.content, {
        title: sha256('Päätös 2026-41'),
        body: sha256('Päätöksen teksti'),
        attachments: [sha256(attachment)],
      });
      assert.deepEqual(payload.sender, { organisation: org.businessId, service: org.serviceId });
      assert.equal(payload.recipient?.hmacSha256.length, 64);
      assert.equal(payload.recipient?.hmacSha256, payloads[0]!.recipient?.hmacSha256);
    }
    assert.equal(payloads[0]!.prev, null);
    assert.equal(payloads[1]!.prev, sha256(bundle.records[0]!));
    assert.deepEqual(payloads[2]!.details, { channel: 'email', template: 'new-message' });
    assert.deepEqual(payloads[4]!.details, { deemedReceivedOn: deemedOn });
    const text = JSON.stringify(payloads);
    assert.ok(!text.includes(persons.kimmo) && !text.includes(sha256(persons.kimmo)), 'no identity code');
    assert.ok(!text.includes('Päätös 2026-41'), 'no content');
    assert.ok(kimmo.id > 0);
    h.setNow('2026-11-02T08:00:00Z');
    await api.login(org);
  });

  test('verifiable message: notified for acceptance, acknowledged, then opened', async () => {
    await h.fixtures.account({
      identityCode: persons.maija,
      email: 'maija@example.fi',
      emailNotifications: true,
    });
    const messageId = await send(
      '/v2/messages/electronic',
      electronicRequest(org, persons.maija, { messageServiceType: 'Verifiable' }),
    );
    await drain(h.services.delivery);
    const asMaija = await signInAs(h, persons.maija);
    const sealed = await getPage(h, asMaija, `/mailbox/messages/${messageId}`);
    assert.equal(sealed.statusCode, 200);
    const acknowledged = await postForm(h, asMaija, `/mailbox/messages/${messageId}/acknowledge`, {
      _csrf: asMaija.csrfToken,
    });
    assert.equal(acknowledged.statusCode, 303, acknowledged.body);
    await getPage(h, asMaija, `/mailbox/messages/${messageId}`);
    assert.deepEqual(await recordedEvents(messageId), [
      'SubmissionAcceptance',
      'ContentConsignment',
      'NotificationForAcceptance',
      'AcceptanceByRecipient',
      'ContentAccessTracking',
    ]);
    assert.ok((await verifyBundle(await bundleOf(messageId), await jwks())).ok);
  });

  test('paper: handed to printing; a letter that cannot be made: delivery failed', async () => {
    const paperMessage = async () => {
      const attachmentId = await uploadAccepted(api, await samplePdf(1), 'kirje.pdf');
      return send('/v2/paper-mail-without-id', {
        externalId: `paper-${attachmentId}`,
        sender: { serviceId: org.serviceId },
        paperMail: paperMailPart(attachmentId),
      });
    };
    const printed = await paperMessage();
    await drain(h.services.delivery);
    const [batch] = await h.services.delivery.printBatches.flush();
    assert.ok(batch);
    assert.deepEqual(await recordedEvents(printed), ['SubmissionAcceptance', 'ContentHandover']);
    const handover = payloadOf((await bundleOf(printed)).records[1]!);
    assert.equal(handover.details?.printBatch, batch.batchId);
    const manifest = JSON.parse(
      fs.readFileSync(path.join(h.context.config.printDir, batch.batchId, 'manifest.json'), 'utf8'),
    ) as { letters: Array<{ sha256: string }> };
    assert.equal(handover.details?.letterSha256, manifest.letters[0]!.sha256);
    assert.equal(payloadOf((await bundleOf(printed)).records[0]!).recipient, null, 'sent without an id');

    // The stored paper part becomes unreadable before the worker gets to it: the letter fails for good.
    const failed = await paperMessage();
    await h.context.database.db
      .updateTable('messages')
      .set({ paper_enc: Buffer.from('damaged') })
      .where('id', '=', failed)
      .execute();
    await drain(h.services.delivery);
    assert.deepEqual(await recordedEvents(failed), ['SubmissionAcceptance', 'DeliveryNonDelivery']);
    assert.ok((await verifyBundle(await bundleOf(failed), await jwks())).ok);
  });

  test('the endpoint: another organisation gets the same 404 as for no message; no token 401', async () => {
    const messageId = await send('/v2/messages/electronic', electronicRequest(org, persons.kimmo));
    const missing = await otherApi.get('/v2/messages/987654321/evidence', { unchecked: true });
    const foreign = await otherApi.get(`/v2/messages/${messageId}/evidence`, { unchecked: true });
    assert.equal(foreign.statusCode, 404);
    assert.equal(missing.statusCode, 404);
    assert.equal(foreign.json<{ reason: string }>().reason, missing.json<{ reason: string }>().reason);
    const anonymous = await h.app.inject({ method: 'GET', url: `/v2/messages/${messageId}/evidence` });
    assert.equal(anonymous.statusCode, 401);
    const bad = await api.get('/v2/messages/not-a-number/evidence', { unchecked: true });
    assert.equal(bad.statusCode, 400);
    const document = await h.app.inject({ method: 'GET', url: '/api-docs/openapi.json' });
    const operation = document.json<{ paths: Record<string, Record<string, Record<string, unknown>>> }>()
      .paths['/v2/messages/{id}/evidence']?.get;
    assert.equal(operation?.['x-asiointitili-extension'], true);
    assert.deepEqual(operation?.tags, ['Extensions']);
  });

  test('JWKS: public halves only; a rotation adds a key that signs, the old one stays published', async () => {
    const before = await jwks();
    assert.equal(before.keys.length, 1);
    for (const key of before.keys) {
      assert.deepEqual(Object.keys(key).sort(), ['alg', 'crv', 'kid', 'kty', 'use', 'x', 'y']);
      assert.equal(key.alg, 'ES256');
    }
    const earlier = await send('/v2/messages/electronic', electronicRequest(org, persons.kimmo));
    // What `asiointitili keys evidence rotate` and `list` run (test/process/signing-keys-cli.test.ts
    // runs the commands themselves).
    const keys = h.services.evidence.keys;
    const fresh = await keys.rotate();
    const listed = await keys.list();
    assert.deepEqual(
      listed.map(({ kid, signs }) => ({ kid, signs })),
      [
        { kid: before.keys[0]!.kid, signs: false },
        { kid: fresh.kid, signs: true },
      ],
    );
    // The harness's earlier tests signed with the old key too.
    assert.ok(listed[0]!.signed >= (await bundleOf(earlier)).records.length);
    assert.equal(listed[1]!.signed, 0);
    // The file is looked at again after a few seconds of the (injected) clock.
    h.setNow('2026-11-02T08:01:00Z');
    const after = await jwks();
    assert.deepEqual(
      after.keys.map((key) => key.kid),
      [before.keys[0]!.kid, fresh.kid],
    );
    const later = await send('/v2/messages/electronic', electronicRequest(org, persons.kimmo));
    assert.equal(headerOf((await bundleOf(later)).records[0]!).kid, fresh.kid);
    assert.equal(headerOf((await bundleOf(earlier)).records[0]!).kid, before.keys[0]!.kid);
    assert.ok((await verifyBundle(await bundleOf(earlier), after)).ok, 'old evidence still verifies');
    assert.ok((await verifyBundle(await bundleOf(later), after)).ok);
  });

  test('retiring an evidence key: refused while it signs or a stored record needs it; audited', async () => {
    const keys = h.services.evidence.keys;
    const messageId = await send('/v2/messages/electronic', electronicRequest(org, persons.kimmo));
    const listed = await keys.list();
    const signer = listed.at(-1);
    await assert.rejects(keys.retire(signer!.kid), /is the key that signs/);
    const unused = await keys.rotate();
    const newest = await keys.rotate();
    await assert.rejects(keys.retire(signer!.kid), /signed \d+ stored evidence records/);
    await assert.rejects(keys.retire('no-such-kid'), /has no evidence key "no-such-kid"/);
    await keys.retire(unused.kid);
    const kept = [...listed.map((key) => key.kid), newest.kid];
    assert.deepEqual(
      (await keys.list()).map((key) => key.kid),
      kept,
    );
    // A minute on, the published keys are read from the file again.
    h.setNow(new Date(h.context.clock().getTime() + 60_000).toISOString());
    assert.deepEqual(
      (await jwks()).keys.map((key) => key.kid),
      kept,
    );
    assert.ok((await verifyBundle(await bundleOf(messageId), await jwks())).ok);
    const audited = await h.context.database.db
      .selectFrom('audit_events')
      .select(['action', 'subject_id', 'actor_type'])
      .where('subject_type', '=', 'evidence_signing_key')
      .where('subject_id', 'in', [unused.kid, newest.kid])
      .orderBy('seq')
      .execute();
    assert.deepEqual(audited, [
      { action: 'operator.evidence_key_added', subject_id: unused.kid, actor_type: 'operator' },
      { action: 'operator.evidence_key_added', subject_id: newest.kid, actor_type: 'operator' },
      { action: 'operator.evidence_key_retired', subject_id: unused.kid, actor_type: 'operator' },
    ]);
  });

  test('a tampered bundle fails, naming the record: altered, removed, reordered, signed by another key', async () => {
    const messageId = await send('/v2/messages/electronic', electronicRequest(org, persons.kimmo));
    const asKimmo = await signInAs(h, persons.kimmo);
    await getPage(h, asKimmo, `/mailbox/messages/${messageId}`);
    const bundle = await bundleOf(messageId);
    assert.equal(bundle.records.length, 3);
    const keys = await jwks();
    const check = async (records: string[], problem: RegExp, record: number) => {
      const result = await verifyBundle({ ...bundle, records }, keys);
      assert.equal(result.ok, false);
      assert.ok(!result.ok && result.record === record, JSON.stringify(result));
      assert.match(!result.ok ? result.problem : '', problem);
    };
    const [first, second, third] = bundle.records as [string, string, string];

    const [head, body, signature] = second.split('.') as [string, string, string];
    const altered = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Payload & { time: string };
    altered.time = '2026-11-01T08:00:00.000Z';
    const alteredBody = Buffer.from(JSON.stringify(altered)).toString('base64url');
    await check([first, `${head}.${alteredBody}.${signature}`, third], /^record 2 .*does not verify/, 2);
    await check([first, third], /^record 2 /, 2);
    await check([first, third, second], /^record 2 /, 2);
    await check([second, first, third], /^record 1 /, 1);

    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    const forged = await new CompactSign(Buffer.from(Buffer.from(body, 'base64url')))
      .setProtectedHeader({ alg: 'ES256', kid: 'someone-else' })
      .sign(privateKey);
    await check([first, forged, third], /^record 2 is signed by an unknown key/, 2);
    const sameKid = await new CompactSign(Buffer.from(Buffer.from(body, 'base64url')))
      .setProtectedHeader({ alg: 'ES256', kid: headerOf(second).kid })
      .sign(privateKey);
    await check([first, second, sameKid], /^record 3 .*does not verify/, 3);

    // The CLI: the timeline and success with the published keys; the bad record named otherwise.
    const dir = h.testDatabase.dataDir;
    const jwksFile = path.join(dir, 'jwks.json');
    fs.writeFileSync(jwksFile, JSON.stringify(keys));
    const good = path.join(dir, 'good.json');
    fs.writeFileSync(good, JSON.stringify(bundle));
    const ok = await runCliInProcess(['evidence', 'verify', good, '--jwks', jwksFile], {});
    assert.equal(ok.failure, undefined);
    assert.match(ok.stdout, /1 {2}\S+ {2}SubmissionAcceptance/);
    assert.match(ok.stdout, /3 records verified/);
    const bad = path.join(dir, 'bad.json');
    fs.writeFileSync(bad, JSON.stringify({ ...bundle, records: [first, third] }));
    const refused = await runCliInProcess(['evidence', 'verify', bad, '--jwks', jwksFile], {});
    assert.match(refused.failure ?? '', /^evidence does not verify: record 2 /);
  });

  test('a record committed after another but timed earlier keeps the chain in order', async () => {
    const messageId = await send('/v2/messages/electronic', electronicRequest(org, persons.kimmo));
    const { recorder } = h.services.evidence;
    const at = h.context.clock();
    await h.context.database.db.transaction().execute(async (trx) => {
      await recorder.recordInTransaction(trx, messageId, 'opened', new Date(at.getTime() + 20));
      await recorder.recordInTransaction(trx, messageId, 'notified', new Date(at.getTime() + 5));
    });
    const bundle = await bundleOf(messageId);
    const [, , opened, notified] = bundle.records.map(payloadOf);
    assert.equal(notified!.time, opened!.time);
    assert.ok((await verifyBundle(bundle, await jwks())).ok);
  });

  test('the citizen downloads the same bundle from the message page; only the owner; audited', async () => {
    const messageId = await send('/v2/messages/electronic', electronicRequest(org, persons.kimmo));
    const asKimmo = await signInAs(h, persons.kimmo);
    const download = await getPage(h, asKimmo, `/mailbox/messages/${messageId}/evidence`);
    assert.equal(download.statusCode, 200, download.body);
    assert.match(String(download.headers['content-disposition']), /attachment/);
    assert.deepEqual(download.json(), await bundleOf(messageId));
    const asMaija = await signInAs(h, persons.maija);
    const foreign = await getPage(h, asMaija, `/mailbox/messages/${messageId}/evidence`);
    assert.equal(foreign.statusCode, 404);
    const anonymous = await h.app.inject({ method: 'GET', url: `/mailbox/messages/${messageId}/evidence` });
    assert.equal(anonymous.statusCode, 303);
    const audited = await h.context.database.db
      .selectFrom('audit_events')
      .select(['action', 'subject_id'])
      .where('action', '=', 'message.evidence.download')
      .execute();
    assert.deepEqual(audited, [{ action: 'message.evidence.download', subject_id: String(messageId) }]);
  });
});
