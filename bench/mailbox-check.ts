/**
 * The mailbox check with sealed identity codes (node --import tsx bench/mailbox-check.ts): an
 * organisation asks about 10,000 identity codes, half of which have an active mailbox; the check
 * hashes them in one pass and looks the hashes up a chunk at a time. Prints p50 and p99 of the
 * service call over BENCH_ROUNDS rounds (default 30). SQLite by default; TEST_DB=postgres with
 * TEST_DATABASE_URL runs it on PostgreSQL.
 */
import { makeIdentityCode } from '../src/domain/identity-code.js';
import { personalDataSeal, seededAccountRow } from '../src/personal-data-seal.js';
import { createHarness } from '../test/helpers/test-app.js';

const asked = Number(process.env.BENCH_IDS ?? 10_000);
const rounds = Number(process.env.BENCH_ROUNDS ?? 30);

/** Distinct fictitious codes: a birth date per hundred, individual numbers 900–999. */
function codes(count: number): string[] {
  const start = Date.UTC(1950, 0, 1);
  return Array.from({ length: count }, (_, i) => {
    const date = new Date(start + Math.floor(i / 100) * 86_400_000);
    return makeIdentityCode(
      { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() },
      900 + (i % 100),
    );
  });
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

const h = await createHarness({ env: { LOG_LEVEL: 'warn' } });
try {
  const organisation = await h.fixtures.organisation();
  const ids = codes(asked);
  const seal = personalDataSeal(h.context);
  const now = new Date().toISOString();
  const db = h.context.database.db;
  // Every other code has an account, written in batches with its sealed columns.
  const holders = ids.filter((_, i) => i % 2 === 0);
  for (let i = 0; i < holders.length; i += 500) {
    const rows = await Promise.all(
      holders.slice(i, i + 500).map((code) => seededAccountRow(seal, code, now)),
    );
    await db.insertInto('accounts').values(rows).execute();
  }
  const mailboxes = h.services.messaging.mailboxes;
  const timings: number[] = [];
  for (let round = 0; round < rounds + 3; round++) {
    const started = process.hrtime.bigint();
    const active = await mailboxes.activeMailboxes(organisation.id, ids);
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    if (active.length !== holders.length)
      throw new Error(`found ${active.length}, expected ${holders.length}`);
    // The first rounds warm up the statement caches and the JIT.
    if (round >= 3) timings.push(ms);
  }
  timings.sort((a, b) => a - b);
  const hashing: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const started = process.hrtime.bigint();
    await seal.lookups(ids);
    hashing.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  hashing.sort((a, b) => a - b);
  console.log(
    `mailbox check of ${asked} identity codes (${holders.length} active, ${h.context.database.dialect}): ` +
      `p50 ${percentile(timings, 50).toFixed(1)} ms, p99 ${percentile(timings, 99).toFixed(1)} ms over ${rounds} rounds ` +
      `(of which hashing the codes: p50 ${percentile(hashing, 50).toFixed(1)} ms); the audit entry linking ` +
      `the accounts found is part of the call`,
  );
} finally {
  await h.close();
}
