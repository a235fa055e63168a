import fs from 'node:fs';
import path from 'node:path';

/**
 * How many 4 KiB write + fdatasync rounds the data directory's disk does in a second: the ceiling
 * for durable commits that each wait for their own flush.
 */
export function diskSyncRate(dir: string, seconds = 2): number {
  const file = path.join(dir, 'fsync-probe');
  const fd = fs.openSync(file, 'w');
  const block = Buffer.alloc(4096, 1);
  let rounds = 0;
  const until = performance.now() + seconds * 1000;
  try {
    while (performance.now() < until) {
      fs.writeSync(fd, block, 0, block.length, 0);
      fs.fdatasyncSync(fd);
      rounds++;
    }
  } finally {
    fs.closeSync(fd);
    fs.rmSync(file, { force: true });
  }
  return rounds / seconds;
}
