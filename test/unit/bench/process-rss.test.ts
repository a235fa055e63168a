import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { test } from 'node:test';
import { PeakRssLedger, peakRssOf, resetPeakRss, rssLimitBytes } from '../../../bench/process-rss.js';

const linux = process.platform === 'linux';
const megabyte = 1024 * 1024;

/** A node child that touches `megabytes` of memory, frees it, says so, and waits to be killed. */
async function childThatPeaked(megabytes: number): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    [
      '--expose-gc',
      '-e',
      `let b = Buffer.alloc(${megabytes} * 1024 * 1024, 1); b = null; gc(); ` +
        `process.stdout.write('peaked\\n'); setInterval(() => {}, 1000);`,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  await once(child.stdout!, 'data');
  return child;
}

test(
  'the peak is the whole life of the process, and starts afresh when reset',
  { skip: !linux },
  async () => {
    const child = await childThatPeaked(120);
    try {
      const peak = peakRssOf(child.pid!);
      assert.ok(peak !== null && peak >= 120 * megabyte, `peak ${peak}`);
      assert.equal(resetPeakRss(child.pid!), true);
      const afterReset = peakRssOf(child.pid!);
      assert.ok(afterReset !== null && afterReset < peak - 60 * megabyte, `after reset ${afterReset}`);
    } finally {
      child.kill('SIGKILL');
    }
  },
);

test('a process over the limit, or one not measured, is missed; the largest is kept', () => {
  const ledger = new PeakRssLedger();
  ledger.add('small', 100 * megabyte);
  assert.equal(ledger.met(), true);
  ledger.add('large', rssLimitBytes + 1);
  ledger.add('unknown', null);
  assert.deepEqual(
    ledger.entries.map((entry) => entry.met),
    [true, false, false],
  );
  assert.equal(ledger.met(), false);
  assert.equal(ledger.largest(), rssLimitBytes + 1);
});

test('a process that has exited is not measured', { skip: !linux }, async () => {
  const child = await childThatPeaked(1);
  child.kill('SIGKILL');
  await once(child, 'exit');
  const ledger = new PeakRssLedger();
  ledger.record('gone', child);
  assert.equal(ledger.entries[0]!.peakBytes, null);
});
