import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'kysely';
import { migrateToLatest } from '../../src/db/migrator.js';
import {
  SchemaMismatchError,
  assertSchemaUsable,
  requiredMigrationKey,
} from '../../src/db/schema-compatibility.js';
import { migrations } from '../../src/db/migrations/index.js';
import { createTestDatabase, tablesOfTestDatabase, testDialect } from '../helpers/test-database.js';

describe(`migrations on ${testDialect}`, () => {
  test('apply from empty, then are a no-op', async () => {
    const t = await createTestDatabase({ migrate: false });
    try {
      const first = await migrateToLatest(t.database);
      assert.deepEqual(first.applied, Object.keys(migrations));
      const second = await migrateToLatest(t.database);
      assert.deepEqual(second.applied, []);
      const tables = await tablesOfTestDatabase(t.database);
      const expected = ['organisations', 'services', 'accounts', 'messages', 'events', 'outbox_jobs'];
      for (const name of [...expected, 'staff_members', 'staff_roles', 'staff_sessions']) {
        assert.ok(tables.includes(name), `table ${name}`);
      }
    } finally {
      await t.destroy();
    }
  });

  test('ids and binary columns come back with the same JavaScript types on both dialects', async () => {
    const t = await createTestDatabase();
    try {
      const db = t.database.db;
      const now = new Date().toISOString();
      const { id } = await db
        .insertInto('organisations')
        .values({ business_id: '9990001-6', name_fi: 'Kallio', created_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      assert.equal(typeof id, 'number');
      await db
        .insertInto('attachments')
        .values({
          id: 'a1',
          organisation_id: id,
          file_name: 'x.pdf',
          media_type: 'application/pdf',
          size_bytes: 3,
          sha256: 'x',
          content_enc: Buffer.from([1, 2, 3]),
          created_at: now,
        })
        .execute();
      const row = await db.selectFrom('attachments').selectAll().executeTakeFirstOrThrow();
      assert.ok(Buffer.isBuffer(row.content_enc));
      assert.deepEqual([...row.content_enc], [1, 2, 3]);
    } finally {
      await t.destroy();
    }
  });

  test('side by side: a schema a newer release expanded is usable; an older or a contracted one is refused', async () => {
    const t = await createTestDatabase({ migrate: false });
    try {
      await assert.rejects(assertSchemaUsable(t.database), (error: unknown) => {
        assert.ok(error instanceof SchemaMismatchError);
        assert.match(error.message, /run "asiointitili migrate" first \(pending: 0001_foundation, /);
        return true;
      });
      await migrateToLatest(t.database);
      await assertSchemaUsable(t.database);
      // A newer release added a migration (expand only): this version still runs.
      await sql`insert into kysely_migration (name, timestamp) values ('9998_newer_expand', '2030-01-01T00:00:00.000Z')`.execute(
        t.database.db,
      );
      await assertSchemaUsable(t.database);
      // A newer release contracted the schema past what this version knows (0016 contracted it too).
      await t.database.db
        .updateTable('system_state')
        .set({ value: '9999_newer_contract', updated_at: new Date().toISOString() })
        .where('key', '=', requiredMigrationKey)
        .execute();
      await assert.rejects(
        assertSchemaUsable(t.database),
        /needs a version that has migration 9999_newer_contract/,
      );
    } finally {
      await t.destroy();
    }
  });

  test(
    'the migrator looks only at our schema: a schema dropped meanwhile elsewhere on the server cannot fail it',
    { skip: testDialect !== 'postgres' && 'PostgreSQL only: SQLite has one schema' },
    async () => {
      const ours = await createTestDatabase();
      const others = await createTestDatabase();
      try {
        // Kysely's own introspector lists every schema on the server, and failed with "schema … does
        // not exist" when another test file dropped its schema during the read.
        const tables = await ours.database.db.introspection.getTables({ withInternalKyselyTables: true });
        assert.ok(tables.length > 0);
        assert.deepEqual([...new Set(tables.map((table) => table.schema))], [ours.postgresSchema]);
        const schemasSeen = new Set<string | undefined>();
        await others.destroy();
        for (const table of await ours.database.db.introspection.getTables()) schemasSeen.add(table.schema);
        assert.deepEqual([...schemasSeen], [ours.postgresSchema]);
        assert.deepEqual((await migrateToLatest(ours.database)).applied, []);
      } finally {
        await others.destroy();
        await ours.destroy();
      }
    },
  );
});
