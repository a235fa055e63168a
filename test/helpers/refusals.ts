import assert from 'node:assert/strict';
import { test } from 'node:test';

/**
 * Table-driven refusal tests: one test per named group of inputs, each asserting that `check`
 * answers `refused` for every input of its group. A failure names the input (JSON, so that control
 * and invisible characters show).
 */
export function testRefusals<T>(
  check: (input: string) => T,
  refused: T,
  groups: Record<string, readonly string[]>,
): void {
  for (const [name, inputs] of Object.entries(groups)) {
    test(name, () => {
      for (const input of inputs) assert.equal(check(input), refused, JSON.stringify(input));
    });
  }
}
