import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createLogger } from '../../../src/logging/logger.js';
import { Worker } from '../../../src/worker/worker.js';

describe('worker readiness', () => {
  test('a task whose run does not end is reported as stalled; a sleeping one is not', async () => {
    let release: () => void = () => undefined;
    let started: () => void = () => undefined;
    const running = new Promise<void>((resolve) => (started = resolve));
    const worker = new Worker({
      tasks: [
        {
          name: 'hangs',
          intervalMs: 60_000,
          run: () =>
            new Promise<void>((resolve) => {
              release = resolve;
              started();
            }),
        },
        { name: 'sleeps', intervalMs: 60_000, run: async () => undefined },
      ],
      logger: createLogger('silent'),
    });
    worker.start();
    await running;
    const later = Date.now() + 10 * 60 * 1000;
    assert.deepEqual(worker.stalledTasks(later, 5 * 60 * 1000), ['hangs']);
    assert.deepEqual(worker.stalledTasks(Date.now(), 5 * 60 * 1000), []);
    release();
    await worker.stop();
    assert.deepEqual(worker.stalledTasks(later, 0), []);
  });
});
