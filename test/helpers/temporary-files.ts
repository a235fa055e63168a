import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after } from 'node:test';

/**
 * A maker of fresh temporary directories named `asiointitili-<prefix>-…`, all removed when the test
 * file's tests have run.
 */
export function temporaryDirectories(prefix: string): () => string {
  const dirs: string[] = [];
  after(() => {
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `asiointitili-${prefix}-`));
    dirs.push(dir);
    return dir;
  };
}
