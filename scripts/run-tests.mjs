#!/usr/bin/env node
// Runs every test phase: unit, database-backed (SQLite, then PostgreSQL when TEST_DATABASE_URL is
// set), and browser. Node 20's test runner does not expand globs, so files are listed here.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const only = process.argv.slice(2);
const root = path.resolve(import.meta.dirname ?? path.dirname(new URL(import.meta.url).pathname), '..');

function testFiles(...dirs) {
  const files = [];
  for (const dir of dirs) {
    const abs = path.join(root, dir);
    if (!fs.existsSync(abs)) continue;
    for (const entry of fs.readdirSync(abs, { recursive: true })) {
      if (String(entry).endsWith('.test.ts') || String(entry).endsWith('.test.tsx'))
        files.push(path.join(dir, String(entry)));
    }
  }
  return files.sort();
}

// The leak scan (issue 14 §4): the database and browser phases record every log line and every
// secret their helpers send or receive into this directory (test/helpers/leak-record.ts); after the
// phases scripts/leak-scan.ts fails the run on any identity code, message text, token or password
// found in a log line.
const leakScanDir = fs.mkdtempSync(path.join(os.tmpdir(), 'asiointitili-leak-scan-'));
const leakScan = { LEAK_SCAN_DIR: leakScanDir };

const phases = [
  { name: 'unit', files: testFiles('test/unit'), env: {}, concurrency: 2 },
  {
    name: 'sqlite',
    files: testFiles('test/service', 'test/http', 'test/process'),
    env: { TEST_DB: 'sqlite', ...leakScan },
    concurrency: 2,
  },
];
if (process.env.TEST_DATABASE_URL) {
  phases.push({
    name: 'postgres',
    files: testFiles('test/service', 'test/http', 'test/process'),
    env: { TEST_DB: 'postgres', ...leakScan },
    concurrency: 2,
  });
} else {
  console.log('notice: TEST_DATABASE_URL is not set, so the PostgreSQL phase is skipped (CI sets it)');
}
phases.push({
  name: 'browser',
  files: testFiles('test/browser'),
  env: { TEST_DB: 'sqlite', ...leakScan },
  concurrency: 1,
});

// Process tests run the compiled command (bin/asiointitili.js), so it must match the sources.
if (
  phases.some(
    (phase) =>
      (!only.length || only.includes(phase.name)) && phase.files.some((f) => f.startsWith('test/process')),
  )
) {
  console.log('== building the CLI for the process tests');
  const build = spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(1);
}

const totals = { pass: 0, fail: 0, skipped: 0 };
let failedPhases = [];
for (const phase of phases) {
  if (only.length && !only.includes(phase.name)) continue;
  if (phase.files.length === 0) continue;
  console.log(`\n=== ${phase.name}: ${phase.files.length} test files ===`);
  const result = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      '--test',
      '--test-reporter=spec',
      `--test-concurrency=${phase.concurrency}`,
      // Only a guard against a hang: the runner applies it to each file as a whole as well, and on a
      // busy machine the production install alone (npm ci) can take longer than five minutes. No test
      // relies on it for its verdict; they wait for observable progress.
      '--test-timeout=1800000',
      ...phase.files,
    ],
    {
      cwd: root,
      env: { ...process.env, ...phase.env },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 256 * 1024 * 1024,
    },
  );
  process.stdout.write(result.stdout);
  for (const [key, pattern] of [
    ['pass', /^ℹ pass (\d+)/m],
    ['fail', /^ℹ fail (\d+)/m],
    ['skipped', /^ℹ skipped (\d+)/m],
  ]) {
    const match = result.stdout.match(pattern);
    if (match) totals[key] += Number(match[1]);
  }
  if (result.status !== 0) failedPhases.push(phase.name);
}

if (phases.some((phase) => 'LEAK_SCAN_DIR' in phase.env && (!only.length || only.includes(phase.name)))) {
  console.log('\n=== leak scan ===');
  const scan = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/leak-scan.ts', leakScanDir], {
    cwd: root,
    stdio: 'inherit',
  });
  // A failed scan keeps its directory, so the findings can be looked into.
  if (scan.status !== 0) failedPhases.push('leak scan');
  else fs.rmSync(leakScanDir, { recursive: true, force: true });
} else {
  fs.rmSync(leakScanDir, { recursive: true, force: true });
}

console.log(`\nphases failed: ${failedPhases.length ? failedPhases.join(', ') : 'none'}`);
console.log(`tests: ${totals.pass} passed, ${totals.fail} failed, ${totals.skipped} skipped`);
process.exit(failedPhases.length ? 1 : 0);
