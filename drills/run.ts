/**
 * npm run drills [-- --small] [--only NAME]: resilience drills against the real command (`serve`),
 * on SQLite and, when TEST_DATABASE_URL is set, on PostgreSQL. Each prints PASS/FAIL with the counts
 * it checked; the command exits non-zero on any loss or duplicate. `--small` is the version CI runs.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({
  options: { small: { type: 'boolean', default: false }, only: { type: 'string' } },
});
const drills = ['crash-under-load', 'provider-outage', 'database-outage', 'disk-full'].filter(
  (name) => !args.only || name === args.only,
);
const dialects = ['sqlite'];
if (process.env.TEST_DATABASE_URL) dialects.push('postgres');
else console.log('notice: TEST_DATABASE_URL is not set, so the PostgreSQL drills are skipped');

// The drills start the compiled command, which must match the sources.
const build = spawnSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(1);

let failed = 0;
for (const drill of drills) {
  // The disk-full drill fills the SQLite data directory's disk; PostgreSQL's disk is the server's.
  // The database outage takes a database server away, which an embedded SQLite file does not have.
  const only = { 'disk-full': ['sqlite'], 'database-outage': ['postgres'] }[drill];
  for (const dialect of only ? only.filter((name) => dialects.includes(name)) : dialects) {
    // One process per dialect: the test database helper chooses its dialect when first imported.
    const run = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        path.join(import.meta.dirname, 'drill-process.ts'),
        drill,
        args.small ? 'small' : 'full',
      ],
      { stdio: 'inherit', env: { ...process.env, TEST_DB: dialect } },
    );
    if (run.status !== 0) failed++;
  }
}
process.exit(failed ? 1 : 0);
