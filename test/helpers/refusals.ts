import assert from 'node:assert/strict';
import { test } from 'node:test';

/**
 * Table-driven tests of a check or normaliser: one test per named group of cases, each asserting
 * what `check` answers for every input of its group (deep strict equality, so structured answers
 * compare whole). A failure names the input (JSON, so that control and invisible characters show).
 * The check may be asynchronous.
 */
export function testAnswers<I, T>(
  check: (input: I) => T | Promise<T>,
  groups: Record<string, ReadonlyArray<readonly [input: I, answer: T]>>,
): void {
  for (const [name, cases] of Object.entries(groups)) {
    test(name, async () => {
      for (const [input, answer] of cases)
        assert.deepEqual(await check(input), answer, JSON.stringify(input));
    });
  }
}

/** testAnswers where every input of every group must be answered `refused`. */
export function testRefusals<T>(
  check: (input: string) => T,
  refused: T,
  groups: Record<string, readonly string[]>,
): void {
  testAnswers(
    check,
    Object.fromEntries(
      Object.entries(groups).map(([name, inputs]) => [
        name,
        inputs.map((input) => [input, refused] as const),
      ]),
    ),
  );
}
