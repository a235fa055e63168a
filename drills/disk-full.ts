import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { DrillDeployment } from './drill-deployment.js';
import { DrillReport } from './drill-report.js';

/** A small tmpfs of its own, so filling it harms nothing else; undefined where mounting is not allowed. */
function mountSmallDisk(megabytes: number): { dir: string; unmount(): void } | undefined {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drill-disk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${megabytes}m,mode=0700`, 'tmpfs', dir], {
      stdio: 'pipe',
    });
  } catch {
    fs.rmSync(dir, { recursive: true, force: true });
    return undefined;
  }
  return {
    dir,
    unmount() {
      execFileSync('umount', [dir]);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Fills the file system until it refuses a write; removing the file frees the space again. */
function fill(file: string): void {
  const fd = fs.openSync(file, 'w');
  const block = Buffer.alloc(64 * 1024, 1);
  try {
    for (;;) fs.writeSync(fd, block);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Drill 4 (SQLite): the data directory's disk fills up while an organisation sends. Sends are
 * refused with 503 and Retry-After (never a 5xx without it, never a 2xx for a message not stored),
 * the process keeps running, the database stays intact, and once space returns sends succeed again
 * without a restart.
 */
export async function diskFull(options: { messages: number }): Promise<DrillReport> {
  const report = new DrillReport('disk full (sqlite)');
  const disk = mountSmallDisk(64);
  if (!disk) {
    report.note('skipped: mounting a tmpfs is not allowed here (needs root or CAP_SYS_ADMIN)');
    return report;
  }
  const deployment = await DrillDeployment.create({ citizens: 2, env: { DATA_DIR: disk.dir } });
  try {
    // The deployment's database was made in its own directory; move it onto the small disk.
    await deployment.database.database.close();
    for (const name of fs.readdirSync(deployment.database.dataDir)) {
      fs.cpSync(path.join(deployment.database.dataDir, name), path.join(disk.dir, name), { recursive: true });
    }
    const server = await deployment.start();
    const bearer = await deployment.token(server.baseUrl);
    const before = await sendAll(deployment, server.baseUrl, bearer, options.messages);
    report.check(
      `sends succeed before the disk fills (${before.ok} of ${options.messages})`,
      before.ok === options.messages,
    );

    const filler = path.join(disk.dir, 'filler');
    fill(filler);
    const during = await sendAll(deployment, server.baseUrl, bearer, options.messages);
    report.note(`while full: ${JSON.stringify(during.statuses)}`);
    report.check(
      'while full every send is refused with 503 and Retry-After',
      during.refusedProperly === options.messages,
      [during.statuses],
    );
    report.check(
      'the server is still running',
      server.child.exitCode === null && server.child.signalCode === null,
    );

    fs.rmSync(filler);
    const after = await sendAll(deployment, server.baseUrl, bearer, options.messages);
    report.check(
      `sends succeed again once space returns (${after.ok} of ${options.messages})`,
      after.ok === options.messages,
      [after.statuses],
    );
    await server.stop();

    const database = new BetterSqlite3(path.join(disk.dir, 'asiointitili.db'), { readonly: true });
    try {
      const integrity = database.pragma('integrity_check', { simple: true });
      report.check('the database is intact (integrity_check)', integrity === 'ok', [integrity]);
      const stored = database
        .prepare("select external_id from messages where external_id like 'drill-%'")
        .pluck()
        .all() as string[];
      const acknowledged = [...before.acknowledged, ...during.acknowledged, ...after.acknowledged];
      const missing = acknowledged.filter((id) => !stored.includes(id));
      report.check(
        `every acknowledged send is stored (${acknowledged.length})`,
        missing.length === 0,
        missing,
      );
      const unacknowledged = stored.filter((id) => !acknowledged.includes(id));
      report.check('nothing refused is stored', unacknowledged.length === 0, unacknowledged);
    } finally {
      database.close();
    }
  } finally {
    await deployment.close().catch(() => undefined);
    disk.unmount();
  }
  return report;
}

async function sendAll(deployment: DrillDeployment, baseUrl: string, bearer: string, count: number) {
  const statuses: Record<string, number> = {};
  const acknowledged: string[] = [];
  let ok = 0;
  let refusedProperly = 0;
  for (let n = 0; n < count; n++) {
    const { externalId, outcome, status, retryAfter } = await deployment.send(baseUrl, bearer);
    statuses[status] = (statuses[status] ?? 0) + 1;
    if (outcome.acknowledged) {
      ok++;
      acknowledged.push(externalId);
    }
    if (status === 503 && retryAfter) refusedProperly++;
  }
  return { statuses, acknowledged, ok, refusedProperly };
}
