import { after, before } from 'node:test';
import { createHarness, type HarnessOptions, type TestHarness } from './test-app.js';

/**
 * Registers before/after hooks in the calling file or suite: one harness shared by its tests, closed
 * after them. The returned object is filled in by the before hook, so read it only inside tests.
 */
export function useSuiteHarness(options: HarnessOptions = {}): TestHarness {
  const h = {} as TestHarness;
  before(async () => {
    Object.assign(h, await createHarness(options));
  });
  after(() => h.close?.());
  return h;
}
