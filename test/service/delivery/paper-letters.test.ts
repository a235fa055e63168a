import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, beforeEach, describe, test } from 'node:test';
import type { DeliveryServices } from '../../../src/modules/delivery/index.js';
import { PrintBatchRepository } from '../../../src/modules/delivery/print-batch-repository.js';
import { PrintBatchService, type PrintManifest } from '../../../src/modules/delivery/print-batch-service.js';
import { type OrganisationFixture } from '../../helpers/fixtures.js';
import { type AddressInput, paperPart } from '../../helpers/api-requests.js';
import { samplePdf } from '../../helpers/sample-files.js';
import { eventTypesOf, jobsOf, storedRow } from '../../helpers/stored-rows.js';
import {
  assertHandedToPrinting,
  confirmReceipt,
  deliveryFor,
  drain,
  printedLetterEvents,
} from '../../helpers/delivery-harness.js';
import { extractPdfText } from '../../helpers/delivery-pdf.js';
import { createHarness, type TestHarness } from '../../helpers/test-app.js';
import { testDialect } from '../../helpers/test-database.js';

const start = new Date('2025-03-03T08:00:00Z');
const day = 24 * 3600_000;
const title = 'Päätös toimeentulotuesta';

const kimmo = { identityCode: '270570-901K', street: 'Kalliontie 12', city: '84100 Ylivieska' };
/** Address protection (turvakielto) in the demo register. */
const laura = { identityCode: '140987-924J', street: 'Esimerkinkatu 8 B 21', city: '33100 Tampere' };
/** In the register without a postal address. */
const noAddress = '090283-977B';

const givenAddress: AddressInput = {
  name: 'Matti Meikäläinen',
  streetAddress: 'Rantatie 5 A 3',
  zipCode: '00100',
  city: 'Helsinki',
  countryCode: 'FI',
};

describe(`paper letters and print batches (${testDialect})`, () => {
  let h: TestHarness;
  let delivery: DeliveryServices;
  let organisation: OrganisationFixture;
  let printDir: string;

  before(async () => {
    h = await createHarness({ now: start });
    delivery = deliveryFor(h);
    organisation = await h.fixtures.organisation();
    printDir = h.context.config.printDir;
  });
  after(() => h.close());
  beforeEach(async () => {
    h.setNow(start);
    // Each test starts with nothing waiting to be printed.
    await delivery.printBatches.flush();
  });

  async function paperMessage(options: {
    recipientId: string | null;
    address?: AddressInput | undefined;
    pdf?: Buffer;
    flags?: Parameters<typeof paperPart>[2];
    channel?: 'electronic' | 'paper';
    serviceType?: 'Normal' | 'Verifiable';
  }): Promise<number> {
    const attachmentId = await h.fixtures.upload(organisation, {
      content: options.pdf ?? (await samplePdf(2)),
    });
    return h.fixtures.sentMessage({
      organisation,
      accountId: null,
      recipientId: options.recipientId,
      channel: options.channel ?? 'paper',
      serviceType: options.serviceType ?? 'Normal',
      title,
      paper: paperPart(attachmentId, options.address, options.flags),
      now: h.context.clock(),
    });
  }

  async function flushOne(): Promise<{ dir: string; manifest: PrintManifest }> {
    const written = await delivery.printBatches.flush();
    assert.equal(written.length, 1);
    const dir = written[0]!.directory;
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as PrintManifest;
    return { dir, manifest };
  }

  async function letterText(dir: string, file = '0001.pdf') {
    return extractPdfText(fs.readFileSync(path.join(dir, file)));
  }

  test('a multichannel message to someone without a mailbox becomes a correct letter in a print batch', async () => {
    const messageId = await paperMessage({ recipientId: kimmo.identityCode, address: givenAddress });
    await drain(delivery);
    // The organisation API recorded "Paper mail created" already; the letter does not repeat it.
    assert.deepEqual(await eventTypesOf(h.context, messageId), ['Paper mail created']);

    const postedAt = new Date(start.getTime() + 3600_000);
    h.setNow(postedAt);
    const { dir, manifest } = await flushOne();
    assert.equal(path.dirname(dir), printDir);
    assert.equal(manifest.letterCount, 1);
    const letter = manifest.letters[0]!;
    assert.equal(letter.file, '0001.pdf');
    assert.equal(letter.messageId, messageId);
    assert.deepEqual(letter.flags, {
      color: false,
      duplex: false,
      addressPage: true,
      rotateLandscape: false,
    });
    const bytes = fs.readFileSync(path.join(dir, letter.file));
    assert.equal(letter.sha256, createHash('sha256').update(bytes).digest('hex'));

    const text = await letterText(dir);
    assert.equal(text.pages, 3, 'address page and the two pages of the document');
    assert.equal(letter.pages, 3);
    const first = text.pageTexts[0]!;
    for (const expected of ['Matti Meikäläinen', 'Rantatie 5 A 3', '00100 Helsinki', title, '3.3.2025']) {
      assert.ok(first.includes(expected), `${expected} on the address page: ${first}`);
    }
    assert.ok(first.includes('Kallion peruspalvelukuntayhtymä'), 'sender');
    assert.ok(first.includes('Kauppakatu 1'), 'return address');
    assert.match(text.pageTexts[1]!, /Asiakirjan sivu 1/);
    assert.match(text.pageTexts[2]!, /Asiakirjan sivu 2/);
    for (const size of text.pageSizes) {
      assert.ok(Math.abs(size.width - 595.28) < 1 && Math.abs(size.height - 841.89) < 1, 'A4');
    }
    // Nothing secret in the manifest (the printing service's credentials stay in the database).
    assert.doesNotMatch(
      fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'),
      /secret|posti-user|Rantatie/,
    );

    assert.equal(await assertHandedToPrinting(h, messageId, postedAt), '2025-03-10');
    const metrics = await h.context.metrics.registry.getSingleMetricAsString('asiointitili_deliveries_total');
    assert.match(metrics, /channel="paper",outcome="queued"} 1/);
    assert.match(metrics, /channel="paper",outcome="sent"} 1/);
  });

  test('with only an identity code the address comes from the population register at print time', async () => {
    await paperMessage({ recipientId: kimmo.identityCode, address: undefined });
    await drain(delivery);
    const { dir } = await flushOne();
    const first = (await letterText(dir)).pageTexts[0]!;
    assert.ok(first.includes('Kimmo Mäkinen'));
    assert.ok(first.includes(kimmo.street));
    assert.ok(first.includes(kimmo.city));
  });

  test('a register address always gets an address page, even when the sender asked for none', async () => {
    await paperMessage({
      recipientId: kimmo.identityCode,
      address: undefined,
      flags: { createAddressPage: false },
    });
    await drain(delivery);
    const { dir, manifest } = await flushOne();
    const text = await letterText(dir);
    assert.equal(text.pages, 3, 'address page + the two document pages');
    assert.ok(text.pageTexts[0]!.includes('Kimmo Mäkinen'));
    assert.equal(manifest.letters[0]!.flags.addressPage, true);
  });

  test('with an address given and no address page wanted, the document is printed as it is', async () => {
    await paperMessage({ recipientId: null, address: givenAddress, flags: { createAddressPage: false } });
    await drain(delivery);
    const { dir } = await flushOne();
    assert.equal((await letterText(dir)).pages, 2);
  });

  test("an address-protected person's address is in the letter only: not in logs, events, manifest or status", async () => {
    const messageId = await paperMessage({ recipientId: laura.identityCode, address: undefined });
    await drain(delivery);
    const status = JSON.stringify(await delivery.status());
    const { dir } = await flushOne();
    const first = (await letterText(dir)).pageTexts[0]!;
    assert.ok(first.includes(laura.street), 'the letter itself must reach her');
    assert.ok(first.includes(laura.city));

    const events = await h.context.database.db
      .selectFrom('events')
      .select('payload')
      .where('message_id', '=', messageId)
      .execute();
    const visible = [
      h.log.text,
      status,
      JSON.stringify(await delivery.status()),
      JSON.stringify(events),
      fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'),
      fs.readdirSync(dir).join(' '),
    ];
    for (const text of visible) {
      assert.doesNotMatch(text, /Esimerkinkatu/);
      assert.doesNotMatch(text, /33100/);
    }
    // The database keeps no copy of the printed letter.
    assert.equal((await storedRow(h, 'print_letters', 'message_id', messageId)).pdf_enc, null);
  });

  test('duplex adds a blank back to the address page; landscape pages are turned; odd sizes become A4', async () => {
    const duplexId = await paperMessage({
      recipientId: null,
      address: givenAddress,
      pdf: await samplePdf(2, { landscape: true }),
      flags: { twoSidedPrinting: true, rotateLandscapePages: true, colorPrinting: true },
    });
    await paperMessage({
      recipientId: null,
      address: givenAddress,
      pdf: await samplePdf(1, { size: [612, 792] }),
      flags: { createAddressPage: false },
    });
    await drain(delivery);
    const { dir, manifest } = await flushOne();
    // Jobs run concurrently, so the order of letters in the batch is not the order of sending.
    const duplexEntry = manifest.letters.find((letter) => letter.messageId === duplexId)!;
    const otherEntry = manifest.letters.find((letter) => letter.messageId !== duplexId)!;
    const duplex = await letterText(dir, duplexEntry.file);
    assert.equal(duplex.pages, 4);
    assert.equal(duplex.pageTexts[1], '', 'blank back of the address page');
    assert.match(duplex.pageTexts[2]!, /Asiakirjan sivu 1/);
    assert.equal(duplex.pageSizes[2]!.rotation, 90);
    assert.ok(duplex.pageSizes[2]!.height > duplex.pageSizes[2]!.width, 'prints portrait');
    assert.deepEqual(duplexEntry.flags, {
      color: true,
      duplex: true,
      addressPage: true,
      rotateLandscape: true,
    });
    assert.equal(duplexEntry.sheets, 2);

    const letterSize = await letterText(dir, otherEntry.file);
    assert.equal(letterSize.pages, 1, 'no address page asked for');
    assert.match(letterSize.pageTexts[0]!, /Asiakirjan sivu 1/);
    assert.ok(Math.abs(letterSize.pageSizes[0]!.width - 595.28) < 1);
    assert.ok(Math.abs(letterSize.pageSizes[0]!.height - 841.89) < 1);
    assert.equal(manifest.pageCount, 5);
  });

  test('no address anywhere fails the letter for good, with a feed event and a visible failure', async () => {
    const messageId = await paperMessage({ recipientId: noAddress, address: undefined });
    await drain(delivery);
    const job = (await jobsOf(h.context, messageId)).find((candidate) => candidate.kind === 'paper-letter')!;
    assert.equal(job.state, 'failed');
    assert.equal(job.last_error, 'no postal address for the recipient');
    assert.deepEqual(await eventTypesOf(h.context, messageId), ['Paper mail created', 'Posti: unresolved']);
    const status = await delivery.status();
    assert.ok((status.channels.paper?.failed ?? 0) >= 1);
    assert.ok(status.failed.some((failed) => failed.id === job.id));
  });

  test('an unacknowledged verifiable message with a paper part is printed after 7 days, not before', async () => {
    const pending = await paperMessage({
      recipientId: kimmo.identityCode,
      address: givenAddress,
      channel: 'electronic',
      serviceType: 'Verifiable',
    });
    const acknowledged = await paperMessage({
      recipientId: kimmo.identityCode,
      address: givenAddress,
      channel: 'electronic',
      serviceType: 'Verifiable',
    });
    await confirmReceipt(h, acknowledged, new Date(start.getTime() + day));
    h.setNow(new Date(start.getTime() + 6 * day));
    await drain(delivery);
    assert.equal((await delivery.printBatches.flush()).length, 0);

    h.setNow(new Date(start.getTime() + 7 * day));
    await drain(delivery);
    assert.deepEqual(await eventTypesOf(h.context, pending), [
      'Electronic message created',
      'Paper mail created',
    ]);
    assert.deepEqual(await eventTypesOf(h.context, acknowledged), ['Electronic message created']);
    const { manifest } = await flushOne();
    assert.deepEqual(
      manifest.letters.map((letter) => letter.messageId),
      [pending],
    );
  });

  test('batches close on schedule or size; a writer that died mid-batch leaves nothing visible', async () => {
    const small = deliveryFor(h, { printBatchMaxLetters: 2, printBatchMaxAgeMs: 3600_000 });
    await paperMessage({ recipientId: null, address: givenAddress });
    await drain(small);
    assert.equal((await small.printBatches.closeDueBatches()).length, 0, 'neither full nor old');
    h.setNow(new Date(start.getTime() + 3600_000));
    assert.equal((await small.printBatches.closeDueBatches()).length, 1, 'old enough');

    await paperMessage({ recipientId: null, address: givenAddress });
    await paperMessage({ recipientId: null, address: givenAddress });
    await drain(small);
    const full = await small.printBatches.closeDueBatches();
    assert.equal(full.length, 1, 'full');
    assert.equal(full[0]!.letters, 2);

    // Simulate a writer killed while writing: the batch is 'closing' with a half-written temp dir.
    const lastId = await paperMessage({ recipientId: null, address: givenAddress });
    await drain(small);
    const open = await h.context.database.db
      .selectFrom('print_batches')
      .select('id')
      .where('state', '=', 'open')
      .executeTakeFirstOrThrow();
    await h.context.database.db
      .updateTable('print_batches')
      .set({ state: 'closing', open_slot: null, closed_at: h.context.clock().toISOString() })
      .where('id', '=', open.id)
      .execute();
    const leftover = path.join(printDir, `.tmp-${open.id}-dead`);
    fs.mkdirSync(leftover);
    fs.writeFileSync(path.join(leftover, '0001.pdf'), '%PDF-1.7 trunc');
    const written = await small.printBatches.flush();
    assert.deepEqual(
      written.map((batch) => batch.batchId),
      [open.id],
    );
    assert.deepEqual(
      fs.readdirSync(printDir).filter((entry) => entry.startsWith('.')),
      [],
    );
    assert.deepEqual(fs.readdirSync(path.join(printDir, open.id)).sort(), ['0001.pdf', 'manifest.json']);

    // A crash after the directory was renamed into place but before the database heard of it: the
    // next flush finds the complete directory, keeps it, and records the batch as sent once.
    const crashId = await paperMessage({ recipientId: null, address: givenAddress });
    await drain(small);
    class CrashBeforeCommit extends PrintBatchRepository {
      override async markSent(): Promise<boolean> {
        throw new Error('simulated crash');
      }
    }
    const crashing = new PrintBatchService({
      db: h.context.database.db,
      batches: new CrashBeforeCommit(h.context.database.db),
      envelope: h.context.envelope,
      clock: h.context.clock,
      logger: h.context.logger,
      metrics: h.context.metrics,
      printDir,
      options: small.options,
      evidence: h.services.evidence.recorder,
    });
    await assert.rejects(crashing.flush(), /simulated crash/);
    assert.deepEqual(await eventTypesOf(h.context, crashId), ['Paper mail created']);
    const [recovered] = await small.printBatches.flush();
    assert.equal(recovered!.letters, 1);
    assert.deepEqual(fs.readdirSync(recovered!.directory).sort(), ['0001.pdf', 'manifest.json']);
    assert.deepEqual(await eventTypesOf(h.context, crashId), printedLetterEvents);
    assert.equal((await small.printBatches.flush()).length, 0);
    assert.deepEqual(await eventTypesOf(h.context, lastId), printedLetterEvents);
  });
});
