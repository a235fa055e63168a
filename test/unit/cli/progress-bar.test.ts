import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { progressBar } from '../../../src/cli/progress.js';

function stream(isTTY: boolean): { written: string[]; stream: NodeJS.WriteStream } {
  const written: string[] = [];
  return {
    written,
    stream: { isTTY, write: (text: string) => written.push(text) } as unknown as NodeJS.WriteStream,
  };
}

describe('progressBar', () => {
  it('writes a line per whole percent when stderr is not a terminal', () => {
    const out = stream(false);
    const bar = progressBar('rewrapping', 400, out.stream);
    for (const done of [1, 2, 3, 4, 5, 200, 400]) bar.update(done);
    bar.finish();
    assert.deepEqual(out.written, [
      'asiointitili: rewrapping: 1/400 (0 %)\n',
      'asiointitili: rewrapping: 4/400 (1 %)\n',
      'asiointitili: rewrapping: 200/400 (50 %)\n',
      'asiointitili: rewrapping: 400/400 (100 %)\n',
    ]);
  });

  it('redraws one line on a terminal', () => {
    const out = stream(true);
    const bar = progressBar('rewrapping', 0, out.stream);
    bar.update(0);
    bar.finish();
    assert.deepEqual(out.written, [`\rasiointitili: rewrapping [${'#'.repeat(30)}] 0/0`, '\n']);
  });
});
