import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { generateKeyRingText, parseKeyRing } from '../../../src/crypto/key-ring.js';
import { sealedColumns } from '../../../src/modules/keys/encrypted-values.js';
import { sendWithTextAttachment, signedInOrganisation } from '../../helpers/api-session.js';
import { getPage, signInAs } from '../../helpers/citizen-session.js';
import { persons } from '../../helpers/fixtures.js';
import { useSuiteHarness } from '../../helpers/suite-harness.js';
import { testDialect } from '../../helpers/test-database.js';

/**
 * ASVS 4.0.3 V6 (stored cryptography) on the data a real run leaves in the database: 6.4.1 and
 * 6.4.2 (the master key is kept apart from the data it protects: only in the key ring, never in a
 * table), 6.2.1, 6.2.2 and 6.2.5 (every sealed value is the envelope's authenticated AES-256-GCM
 * format under the active key, bound to its record, and its plaintext is nowhere in clear). The
 * envelope's own properties (tampering, truncation, contexts, rotation) are
 * test/unit/crypto/envelope.test.ts; the key file's mode and atomic replacement
 * test/unit/crypto/key-ring-changes.test.ts; rotation test/process/keys-cli.test.ts.
 */
const keyRingText = generateKeyRingText('asvs');
const masterKey = parseKeyRing(keyRingText).keys.get('asvs')!;
const secret = {
  title: 'Päätös ASVS-6-otsikko',
  body: 'Viestin ASVS-6-sisältö, joka ei saa näkyä selväkielisenä',
  attachment: 'Liitteen ASVS-6-teksti',
};

describe(`ASVS V6 stored cryptography (${testDialect})`, () => {
  const h = useSuiteHarness({ now: '2025-03-10T08:00:00.000Z', keyRingText });

  before(async () => {
    const { org: organisation, api } = await signedInOrganisation(h);
    await h.fixtures.account({ identityCode: persons.kimmo });
    const messageId = await sendWithTextAttachment(api, organisation, persons.kimmo, secret);
    // The citizen reads it, so reading leaves its own rows (events, audit, evidence) too.
    const page = await getPage(h, await signInAs(h, persons.kimmo), `/mailbox/messages/${messageId}`);
    assert.ok(page.body.includes(secret.title));
  });

  /** Every value of every table, as text (binary values both as bytes and as their text). */
  async function everyStoredValue(): Promise<Array<{ where: string; bytes: Buffer; text: string }>> {
    const db = h.context.database.db;
    const values: Array<{ where: string; bytes: Buffer; text: string }> = [];
    for (const table of await db.introspection.getTables()) {
      // On PostgreSQL other test databases are schemas of the same database: read only ours.
      const ours = h.testDatabase.postgresSchema;
      if (table.isView || (ours !== undefined && table.schema !== ours)) continue;
      const rows = await db
        .selectFrom(table.name as 'messages')
        .selectAll()
        .execute();
      for (const row of rows as Array<Record<string, unknown>>) {
        for (const [column, value] of Object.entries(row)) {
          if (value === null || value === undefined) continue;
          const bytes = Buffer.isBuffer(value) ? value : Buffer.from(String(value));
          values.push({ where: `${table.name}.${column}`, bytes, text: bytes.toString('latin1') });
        }
      }
    }
    assert.ok(values.length > 100, 'the tables were read');
    return values;
  }

  test('ASVS 6.4.1, 6.4.2: the master key is only in the key ring, in no table in any encoding', async () => {
    const encodings = [
      masterKey.toString('base64'),
      masterKey.toString('base64url'),
      masterKey.toString('hex'),
      masterKey.toString('hex').toUpperCase(),
    ];
    const found: string[] = [];
    for (const { where, bytes, text } of await everyStoredValue()) {
      if (bytes.includes(masterKey)) found.push(`${where}: raw`);
      for (const encoded of encodings) if (text.includes(encoded)) found.push(`${where}: encoded`);
    }
    assert.deepEqual(found, []);
  });

  test('ASVS 6.2.1, 6.2.2, 6.2.5: every sealed value is the AES-256-GCM envelope under the active key, bound to its record', async () => {
    const db = h.context.database.db;
    let checked = 0;
    for (const sealed of sealedColumns) {
      const rows = await db
        .selectFrom(sealed.table as 'messages')
        .select([`${sealed.key} as key` as 'id', `${sealed.column} as value` as 'title_enc'])
        .execute();
      for (const row of rows as unknown as Array<{ key: unknown; value: Buffer | null }>) {
        if (!row.value || row.value.length === 0) continue;
        const key = String(row.key);
        // Version 1, then the key id's length and the id: the layout crypto/envelope.ts documents.
        assert.equal(row.value[0], 1, `${sealed.name} ${key}: version`);
        assert.equal(
          row.value.subarray(2, 2 + row.value[1]!).toString('ascii'),
          'asvs',
          `${sealed.name}: key id`,
        );
        h.context.envelope.decrypt(row.value, sealed.context(key));
        // Bound to its place: the same blob does not open as another record's or column's value.
        assert.throws(() => h.context.envelope.decrypt(row.value!, `${sealed.context(key)}/moved`));
        checked += 1;
      }
    }
    assert.ok(checked >= 3, `only ${checked} sealed values`);
  });

  test('ASVS 6.1.1, 8.1.x: the title, body and attachment of a message are stored in no column in clear', async () => {
    const found: string[] = [];
    for (const { where, bytes } of await everyStoredValue()) {
      for (const [name, text] of Object.entries(secret)) {
        if (bytes.includes(Buffer.from(text, 'utf8'))) found.push(`${where}: ${name}`);
      }
    }
    assert.deepEqual(found, []);
  });
});
