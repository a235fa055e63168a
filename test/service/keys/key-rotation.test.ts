import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Transaction } from 'kysely';
import type { AppContext } from '../../../src/app-context.js';
import { generateKeyRingText } from '../../../src/crypto/key-ring.js';
import type { DatabaseSchema } from '../../../src/db/schema.js';
import { letterContext } from '../../../src/modules/delivery/index.js';
import {
  KeyRotationService,
  createKeyRotationService,
  sealedColumns,
  sealedInText,
  type KeyStatus,
  type SealedColumn,
} from '../../../src/modules/keys/index.js';
import { KeyUsageRepository } from '../../../src/modules/keys/key-usage-repository.js';
import { contentContext } from '../../../src/modules/messages/index.js';
import { createServices, type AppServices } from '../../../src/services.js';
import { loadTestIdpSecrets } from '../../../src/test-idp/test-idp-secrets.js';
import { TestIdpRecordRepository } from '../../../src/test-idp/test-idp-record-repository.js';
import { paperPart } from '../../helpers/api-requests.js';
import { contextFor } from '../../helpers/delivery-context.js';
import { createFixtures, persons } from '../../helpers/fixtures.js';
import { sampleFiles } from '../../helpers/sample-files.js';
import { useTestDatabase } from '../../helpers/suite-harness.js';
import { testDialect } from '../../helpers/test-database.js';

const oldRing = generateKeyRingText('old');
const newKey = generateKeyRingText('new');
/** What every process runs with during the rotation: the new key first, the old one kept. */
const rotatedRing = `${newKey},${oldRing}`;
const thirdKey = generateKeyRingText('third');

/** Counts per place of one key, leaving out places with none. */
function countsOf(status: KeyStatus, keyId: string): Record<string, number> | undefined {
  const usage = [...status.ring, ...status.missing].find((key) => key.keyId === keyId);
  return usage && Object.fromEntries(Object.entries(usage.places).filter(([, n]) => n > 0));
}

describe(`master key rotation over the stored data (${testDialect})`, () => {
  const database = useTestDatabase();

  test('every binary column of the schema holds sealed values and is rewrapped', async () => {
    const tables = await database.database.db.introspection.getTables();
    // SQLite's full-text index of the catalogue keeps its own binary shadow tables (catalogue_search_*).
    const binary = tables
      .filter((table) => !table.name.startsWith('catalogue_search_'))
      .flatMap((table) =>
        table.columns
          .filter((column) => ['blob', 'bytea'].includes(column.dataType.toLowerCase()))
          .map((column) => `${table.name}.${column.name}`),
      )
      .sort();
    assert.deepEqual(binary, sealedColumns.map((place) => place.name).sort());
  });

  test('rewrap moves every value to the new key; status counts exactly; all reads work without the old key', async () => {
    const before = contextFor(database, oldRing);
    const services = createServices(before);
    const fixtures = createFixtures(before, services);
    const db = database.database.db;
    const organisation = await fixtures.organisation();
    const { id: accountId } = await fixtures.account({
      identityCode: persons.kimmo,
      email: 'kimmo@example.fi',
    });
    const first = await fixtures.message({
      organisation,
      accountId,
      title: 'Päätös 1',
      body: 'Ensimmäinen runko',
      attachments: [
        { fileName: 'paatos.pdf', mediaType: 'application/pdf', content: sampleFiles.pdf },
        { fileName: 'liite.txt', mediaType: 'text/plain', content: sampleFiles.text },
      ],
    });
    const second = await fixtures.message({
      organisation,
      accountId,
      title: 'Päätös 2',
      body: 'Toinen runko',
    });
    const purged = await fixtures.message({ organisation, accountId, title: 'Poistettu' });
    await db
      .updateTable('messages')
      .set({ title_enc: Buffer.alloc(0), body_enc: Buffer.alloc(0) })
      .where('id', '=', purged.messageId)
      .execute();
    const upload = await fixtures.upload(organisation, { content: sampleFiles.pdf });
    await fixtures.sentMessage({
      organisation,
      accountId: null,
      recipientId: null,
      channel: 'paper',
      paper: paperPart(upload, {
        name: 'Vastaanottaja',
        streetAddress: 'Rantatie 5',
        zipCode: '00100',
        city: 'Helsinki',
        countryCode: 'FI',
      }),
    });
    const citizen = await fixtures.citizenMessage({
      organisation,
      accountId,
      attachment: { fileName: 'hakemus.txt', mediaType: 'text/plain', content: sampleFiles.text },
    });
    const letterId = 'letter-1';
    await db
      .insertInto('print_batches')
      .values({
        id: 'batch-1',
        state: 'open',
        open_slot: 1,
        letter_count: 1,
        page_count: 1,
        opened_at: '2026-01-01T00:00:00.000Z',
      })
      .execute();
    await db
      .insertInto('print_letters')
      .values({
        id: letterId,
        batch_id: 'batch-1',
        message_id: second.messageId,
        job_id: 1,
        sequence: 1,
        pages: 1,
        flags: '{}',
        pdf_enc: before.envelope.encrypt(sampleFiles.pdf, letterContext(letterId)),
        sha256: 'x',
        created_at: '2026-01-01T00:00:00.000Z',
      })
      .execute();
    const citizenSession = await services.accounts.sessions.createCitizenSession(
      { identityCode: persons.kimmo, firstNames: 'Kimmo', lastName: 'Mäkinen', method: 'test' },
      undefined,
      { protocol: 'oidc', idToken: 'citizen-id-token' },
    );
    await services.staff.staff.grant({
      identityCode: persons.maija,
      businessId: organisation.businessId,
      role: 'admin',
    });
    const staffSignIn = await services.staff.sessions.signIn({
      identityCode: persons.maija,
      firstNames: 'Maija',
      lastName: 'Meikäläinen',
      method: 'test',
      idToken: 'staff-id-token',
    });
    assert.ok(staffSignIn.ok);
    const secrets = await loadTestIdpSecrets(new TestIdpRecordRepository(db), before.envelope);

    const expected = {
      'accounts.email_enc': 1,
      'accounts.identity_code_enc': 1,
      'attachments.content_enc': 4,
      'lookup_keys.key_enc': 1,
      'messages.body_enc': 4,
      'messages.paper_enc': 1,
      'messages.title_enc': 4,
      'print_letters.pdf_enc': 1,
      'staff_members.first_names_enc': 1,
      'staff_members.identity_code_enc': 1,
      'staff_members.last_name_enc': 1,
      'staff_sessions.data (idToken)': 1,
      'test_idp_records.payload (ProviderSecrets)': 1,
      'web_sessions.data (provider)': 1,
      'web_sessions.data (names)': 1,
      'web_sessions.identity_code_enc': 1,
    };
    const total = Object.values(expected).reduce((sum, n) => sum + n, 0);
    const rotation = createKeyRotationService(contextFor(database, rotatedRing));
    const initial = await rotation.status();
    assert.deepEqual(
      initial.ring.map(({ keyId, current, total: count }) => ({ keyId, current, count })),
      [
        { keyId: 'new', current: true, count: 0 },
        { keyId: 'old', current: false, count: total },
      ],
    );
    assert.deepEqual(countsOf(initial, 'old'), expected);
    assert.equal(await rotation.pending(), total);

    const progress: number[] = [];
    const outcome = await rotation.rewrap({ batchSize: 2, onBatch: (done) => progress.push(done) });
    assert.deepEqual(outcome, { rewrapped: total, changedMeanwhile: 0, failed: {}, remaining: 0 });
    assert.ok(progress.length > 4, 'progress is reported batch by batch');
    assert.deepEqual(
      progress,
      [...progress].sort((a, b) => a - b),
    );
    assert.equal(progress.at(-1), total);
    const rotated = await rotation.status();
    assert.deepEqual(countsOf(rotated, 'new'), expected);
    assert.deepEqual(countsOf(rotated, 'old'), {});
    assert.deepEqual(rotated.missing, []);
    // A second run finds nothing left to do.
    assert.deepEqual(await rotation.rewrap({ batchSize: 2, onBatch: () => undefined }), {
      rewrapped: 0,
      changedMeanwhile: 0,
      failed: {},
      remaining: 0,
    });

    // Everything reads through the services with a ring that no longer has the old key.
    const onlyNew: AppContext = contextFor(database, newKey);
    const afterServices: AppServices = createServices(onlyNew);
    const reading = afterServices.mailbox.reading;
    const open = async (messageId: number) => {
      const view = await reading.openMessage({ accountId }, messageId);
      assert.equal(view.sealed, false);
      return view as Extract<typeof view, { sealed: false }>;
    };
    // Personal data: the lookup key was rewrapped, not changed, so the account is still found by its code.
    const account = await afterServices.accounts.accounts.accountOf(persons.kimmo);
    assert.equal(account?.id, accountId);
    assert.equal(account.identityCode, persons.kimmo);
    assert.equal(account.email, 'kimmo@example.fi');
    const opened = await open(first.messageId);
    assert.equal(opened.title, 'Päätös 1');
    assert.match(opened.bodyHtml, /Ensimmäinen runko/);
    assert.equal((await open(second.messageId)).title, 'Päätös 2');
    const pdf = await reading.downloadAttachment({ accountId }, first.messageId, first.attachmentIds[0]!);
    assert.deepEqual(pdf.content, sampleFiles.pdf);
    const text = await reading.downloadAttachment({ accountId }, first.messageId, first.attachmentIds[1]!);
    assert.deepEqual(text.content, sampleFiles.text);
    const own = await open(citizen.messageId);
    assert.equal(own.title, 'Hakemus');
    const paper = await db
      .selectFrom('messages')
      .select(['id', 'paper_enc'])
      .where('channel', '=', 'paper')
      .executeTakeFirstOrThrow();
    assert.match(onlyNew.envelope.decryptText(paper.paper_enc!, contentContext.paper), /Rantatie 5/);
    const letter = await db.selectFrom('print_letters').select('pdf_enc').executeTakeFirstOrThrow();
    assert.deepEqual(onlyNew.envelope.decrypt(letter.pdf_enc!, letterContext(letterId)), sampleFiles.pdf);
    const upload2 = await db
      .selectFrom('attachments')
      .select('content_enc')
      .where('id', '=', upload)
      .executeTakeFirstOrThrow();
    assert.deepEqual(
      onlyNew.envelope.decrypt(upload2.content_enc, contentContext.attachment(upload)),
      sampleFiles.pdf,
    );
    assert.deepEqual(await loadTestIdpSecrets(new TestIdpRecordRepository(db), onlyNew.envelope), secrets);
    assert.deepEqual(await afterServices.accounts.sessions.logout(citizenSession.cookieValue), {
      protocol: 'oidc',
      idToken: 'citizen-id-token',
    });
    assert.deepEqual(await afterServices.staff.sessions.logout(staffSignIn.cookieValue), {
      idToken: 'staff-id-token',
    });
  });

  test('a value that cannot be unwrapped is reported and skipped; one changed meanwhile is left for the next run', async () => {
    const ring = `${thirdKey},${rotatedRing}`;
    const context = contextFor(database, ring);
    const fixtures = createFixtures(context);
    const organisation = await fixtures.organisation();
    const { id: accountId } = await fixtures.account();
    // Written by a process with a key this ring lacks: unreadable here, so it stays as it is.
    const lost = await createFixtures(contextFor(database, generateKeyRingText('gone'))).message({
      organisation,
      accountId,
    });
    const oldEnvelope = contextFor(database, oldRing).envelope;

    /** A running process with the old ring rewrites the first title it is about to rewrap. */
    class Interfering extends KeyUsageRepository {
      interfered = false;
      override async keyPartsNotUnder(
        trx: Transaction<DatabaseSchema>,
        place: SealedColumn,
        keyId: string,
        after: string | undefined,
        limit: number,
      ) {
        const rows = await super.keyPartsNotUnder(trx, place, keyId, after, limit);
        if (!this.interfered && place.name === 'messages.title_enc' && rows[0] !== undefined) {
          this.interfered = true;
          await trx
            .updateTable('messages')
            .set({ title_enc: oldEnvelope.encrypt('Uusi otsikko', contentContext.title) })
            .where('id', '=', Number(rows[0].key))
            .execute();
        }
        return rows;
      }
    }
    const repository = new Interfering(database.database.db);
    await createFixtures(contextFor(database, oldRing)).message({ organisation, accountId, title: 'Vanha' });
    const rotation = new KeyRotationService({ repository, envelope: context.envelope });
    const outcome = await rotation.rewrap({ batchSize: 3, onBatch: () => undefined });
    assert.equal(outcome.changedMeanwhile, 1);
    assert.deepEqual(outcome.failed, { 'messages.body_enc': 1, 'messages.title_enc': 1 });
    assert.equal(outcome.remaining, 3, "the lost message's title and body, and the title changed meanwhile");
    const status = await rotation.status();
    assert.deepEqual(countsOf(status, 'gone'), { 'messages.body_enc': 1, 'messages.title_enc': 1 });
    assert.deepEqual(
      status.missing.map((key) => key.keyId),
      ['gone'],
    );

    const again = await rotation.rewrap({ batchSize: 3, onBatch: () => undefined });
    assert.equal(again.rewrapped, 1, 'the title changed meanwhile is rewrapped by the next run');
    assert.equal(again.remaining, 2);
    const title = await database.database.db
      .selectFrom('messages')
      .select('title_enc')
      .where('id', '!=', lost.messageId)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    assert.equal(context.envelope.keyIdOf(title.title_enc), 'third');
  });

  test('a batch that meets a busy database is run again', async () => {
    const context = contextFor(database, `${generateKeyRingText('fourth')},${thirdKey},${rotatedRing}`);
    const fixtures = createFixtures(contextFor(database, oldRing));
    await fixtures.message({
      organisation: await fixtures.organisation(),
      accountId: null,
      title: 'Kiireinen',
    });
    class Busy extends KeyUsageRepository {
      calls = 0;
      override transaction<T>(work: (trx: Transaction<DatabaseSchema>) => Promise<T>): Promise<T> {
        this.calls += 1;
        if (this.calls === 1) {
          return Promise.reject(
            Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY_SNAPSHOT' }),
          );
        }
        return super.transaction(work);
      }
    }
    const repository = new Busy(database.database.db);
    const rotation = new KeyRotationService({ repository, envelope: context.envelope });
    const outcome = await rotation.rewrap({ batchSize: 1000, onBatch: () => undefined });
    assert.equal(
      repository.calls,
      sealedColumns.length + sealedInText.length + 1,
      'a batch a place, the first twice',
    );
    assert.equal(outcome.remaining, 2, "only the lost message's title and body, from the test before");
    assert.deepEqual(countsOf(await rotation.status(), 'old'), {});
  });
});
