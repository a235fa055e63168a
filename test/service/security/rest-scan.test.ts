import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { FeedbackRepository } from '../../../src/modules/feedback/feedback-repository.js';
import { personalDataSeal } from '../../../src/personal-data-seal.js';
import type { ApiClient } from '../../helpers/api-client.js';
import {
  sendAccepted,
  sendWithTextAttachment,
  signedInOrganisation,
  uploadAccepted,
} from '../../helpers/api-session.js';
import { electronicRequest, paperMailPart } from '../../helpers/api-requests.js';
import { postForm, postMultipartForm, signInAs } from '../../helpers/citizen-session.js';
import { deliveryFor, drain } from '../../helpers/delivery-harness.js';
import { persons, staffPersons, type ApiOrganisation } from '../../helpers/fixtures.js';
import { samplePdf } from '../../helpers/sample-files.js';
import { accountRow } from '../../helpers/stored-rows.js';
import { useSuiteHarness } from '../../helpers/suite-harness.js';
import { testDialect } from '../../helpers/test-database.js';

/*
 * Personal data and message content at rest (issue 14 §4): known markers are written through the
 * input paths, then the raw database (SQLite: its file and the -wal/-shm files byte for byte;
 * PostgreSQL: a pg_dump of the test schema) and the data directory are searched for them. Only the
 * deliberate outputs may hold them: print batches (the letters themselves) and the notification
 * outbox (the e-mail or SMS as handed to the provider: an address, never content).
 */

const unique = randomBytes(4).toString('hex');
const marker = {
  title: `RsTitle${unique}`,
  body: `RsBody${unique}`,
  attachment: `RsAttachment${unique}`,
  reply: `RsReply${unique}`,
  email: `rsmail${unique}@example.fi`,
  // The unique digits of a Finnish mobile number, as stored after normalisation.
  mobile: `50${String(parseInt(unique, 16) % 10_000_000).padStart(7, '0')}`,
  feedbackEmail: `rsfeedback${unique}@example.fi`,
  staffFirstNames: `RsFirst${unique}`,
  staffLastName: `RsLast${unique}`,
  paperName: `RsPaper${unique}`,
};
/** The names the population register gives the citizen and the staff member (demo register). */
const registerNames = { citizen: 'Meikäläinen', staff: 'Virkailija' };
/** Identity codes must appear nowhere in the database, in any form. */
const identityCodes = {
  account: persons.maija,
  paperRecipient: persons.laura,
  consent: persons.kimmo,
  staff: staffPersons.tiina,
};

/**
 * Known places not sealed yet: each entry must still be found (so the list shrinks as they are
 * sealed), and nothing else may be. See docs/keys.md, "Personal data".
 */
const notYetSealed: ReadonlyArray<{ value: string; why: string }> = [];

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true }).flatMap((entry) => {
    const file = path.join(entry.parentPath, entry.name);
    return entry.isFile() ? [file] : [];
  });
}

function pgDumpBinary(): string {
  const candidates = [
    '/usr/bin/pg_dump',
    ...fs
      .readdirSync('/usr/lib/postgresql', { withFileTypes: true })
      .map((v) => `/usr/lib/postgresql/${v.name}/bin/pg_dump`),
  ];
  const found = candidates.find((file) => fs.existsSync(file));
  if (!found) throw new Error('pg_dump not found');
  return found;
}

describe(`rest scan: no personal data or content in clear at rest (${testDialect})`, () => {
  const h = useSuiteHarness({ now: '2026-11-02T08:00:00Z' });
  let org: ApiOrganisation;
  let api: ApiClient;

  before(async () => {
    ({ org, api } = await signedInOrganisation(h));
  });

  /** Every place at rest, as bytes, with what it may hold. */
  async function placesAtRest(): Promise<Array<{ name: string; bytes: Buffer; mayHold: string[] }>> {
    const dataDir = h.testDatabase.dataDir;
    const places: Array<{ name: string; bytes: Buffer; mayHold: string[] }> = [];
    if (testDialect === 'postgres') {
      const url = new URL(h.testDatabase.databaseUrl!);
      const dump = execFileSync(
        pgDumpBinary(),
        ['--no-owner', '--schema', h.testDatabase.postgresSchema!, '--dbname', url.toString()],
        { maxBuffer: 512 * 1024 * 1024 },
      );
      places.push({ name: 'pg_dump', bytes: dump, mayHold: [] });
    }
    const notifications = [marker.email, marker.mobile];
    for (const file of filesUnder(dataDir)) {
      const relative = path.relative(dataDir, file);
      // The letters are the deliberate clear output of paper mail; the outbox holds the
      // notifications as sent (to an address, without content).
      const mayHold = relative.startsWith(`print${path.sep}`)
        ? Object.values(marker)
        : relative.startsWith(`outbox${path.sep}`)
          ? notifications
          : [];
      places.push({ name: relative, bytes: fs.readFileSync(file), mayHold });
    }
    return places;
  }

  test('markers through every input path are sealed in the database and the data directory', async () => {
    // Account opening, through the citizen's pages.
    const citizen = await signInAs(h, identityCodes.account);
    const opened = await postForm(h, citizen, '/account/open', {
      email: marker.email,
      emailNotifications: '1',
      mobile: `+358${marker.mobile}`,
      smsNotifications: '1',
      acceptTerms: '1',
    });
    assert.equal(opened.statusCode, 303, opened.body);
    const account = await accountRow(h, identityCodes.account);
    assert.equal(account.email, marker.email);

    // An API message with a title, body and attachment to the person's identity code.
    const messageId = await sendWithTextAttachment(
      api,
      org,
      identityCodes.account,
      { title: marker.title, body: `Hei ${marker.body}`, attachment: `Liite ${marker.attachment}\n` },
      { replyAllowedBy: 'Anyone' },
    );

    // A verifiable message, acknowledged: its receipt event in the organisation's feed.
    const verifiable = await sendAccepted(
      api,
      '/v2/messages/electronic',
      electronicRequest(org, identityCodes.account, { messageServiceType: 'Verifiable' }),
    );
    await h.services.mailbox.reading.acknowledge({ accountId: account.id }, verifiable);

    // A multichannel message to someone without a mailbox: a letter.
    const pdf = await uploadAccepted(api, await samplePdf(1), 'kirje.pdf', {
      declaredType: 'application/pdf',
    });
    const letter = await api.post('/v2/messages', {
      ...electronicRequest(org, identityCodes.paperRecipient, { title: marker.title }),
      paperMail: paperMailPart(pdf, {
        recipient: {
          address: {
            name: marker.paperName,
            streetAddress: 'Testikatu 1',
            zipCode: '00100',
            city: 'Helsinki',
            countryCode: 'FI',
          },
        },
      }),
    });
    assert.equal(letter.statusCode, 200, letter.body);

    // The citizen's reply in the thread.
    const reply = await postMultipartForm(h, citizen, `/mailbox/messages/${messageId}/reply`, [
      ['_csrf', citizen.csrfToken],
      ['citizenType', 'Selvitys'],
      ['title', marker.reply],
      ['body', `Vastaus ${marker.reply}`],
    ]);
    assert.equal(reply.statusCode, 303, `the reply was refused: ${reply.statusCode}`);

    // Feedback with a reply address (the form's stamp and throttle are the route's; this is where
    // it is stored).
    await new FeedbackRepository(h.context.database.db, personalDataSeal(h.context)).insert({
      receivedAt: h.context.clock().toISOString(),
      topic: 'other',
      message: 'Palautetta',
      replyEmail: marker.feedbackEmail,
      locale: 'fi',
    });

    // A staff member (named by the register; the identification's names are the fallback), and a
    // consent recorded in a marker name.
    await h.services.staff.staff.grant({
      identityCode: identityCodes.staff,
      businessId: org.businessId,
      role: 'admin',
    });
    const staffSignIn = await h.services.staff.sessions.signIn({
      identityCode: identityCodes.staff,
      firstNames: marker.staffFirstNames,
      lastName: marker.staffLastName,
      method: 'test',
    });
    assert.ok(staffSignIn.ok);
    await h.services.consents.record({
      organisationId: org.id,
      identityCode: identityCodes.consent,
      channel: 'paper',
      givenOn: '2026-11-01',
      recordedBy: { name: `${marker.staffFirstNames} ${marker.staffLastName}` },
    });

    // Delivery: notifications to the outbox, the letter into a print batch written out.
    const delivery = deliveryFor(h, { printBatchMaxLetters: 1 });
    await drain(delivery);
    await delivery.printBatches.flush();
    const counts = await h.context.database.db
      .selectFrom('outbox_jobs')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    assert.ok(Number(counts.n) > 0, 'delivery jobs exist');
    assert.ok(
      filesUnder(path.join(h.testDatabase.dataDir, 'print')).some((file) => file.endsWith('.pdf')),
      'a print batch was written',
    );

    // SQLite keeps recent pages in the write-ahead log: it is scanned as it is, not checkpointed.
    const places = await placesAtRest();
    if (testDialect === 'sqlite') {
      assert.ok(places.some((place) => place.name === 'asiointitili.db-wal'));
    }
    const found: string[] = [];
    const stillClear = new Set<string>();
    for (const place of places) {
      const values = [
        ...Object.values(marker),
        ...Object.values(identityCodes),
        ...Object.values(registerNames),
      ];
      for (const value of values) {
        if (!place.bytes.includes(Buffer.from(value, 'utf8'))) continue;
        if (place.mayHold.includes(value)) continue;
        const gap = notYetSealed.find((known) => known.value === value);
        if (gap) stillClear.add(value);
        else found.push(`${value} in ${place.name}`);
      }
    }
    assert.deepEqual(found, [], 'markers found in clear at rest');
    assert.deepEqual(
      [...stillClear].sort(),
      notYetSealed.map((gap) => gap.value).sort(),
      'a place listed as not yet sealed no longer holds its value: take it off the list',
    );
  });
});
