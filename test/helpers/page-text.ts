import assert from 'node:assert/strict';

/** Asserts that a page contains each of the texts, naming the first one that is missing. */
export function assertIncludesAll(body: string, texts: readonly string[]): void {
  for (const text of texts) assert.ok(body.includes(text), `the page lacks ${JSON.stringify(text)}`);
}
