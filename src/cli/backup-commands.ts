import type { Command } from 'commander';
import { loadConfig } from '../config/config.js';
import { progress } from './progress.js';

function formatSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}

/**
 * `backup --to <file>`: an online snapshot of the SQLite database (docs/backup.md). It needs no
 * master key and boots nothing: it copies the database as it is, encrypted content stays encrypted.
 */
export function registerBackupCommands(program: Command): void {
  program
    .command('backup')
    .description(
      'write a consistent snapshot of the SQLite database to a new file while the service runs ' +
        '(PostgreSQL: use pg_dump, see docs/backup.md); the master key ring is backed up separately',
    )
    .requiredOption('--to <file>', 'the snapshot file to create (must not exist)')
    .action(async (options: { to: string }) => {
      const config = loadConfig();
      if (config.databaseUrl) {
        throw new Error('DATABASE_URL is PostgreSQL: back it up with pg_dump as docs/backup.md describes');
      }
      const [{ sqliteFileFor }, { writeSqliteSnapshot }] = await Promise.all([
        import('../bootstrap.js'),
        import('../db/sqlite-snapshot.js'),
      ]);
      const snapshot = writeSqliteSnapshot(sqliteFileFor(config), options.to);
      const keys =
        snapshot.keyIds.length > 0
          ? `restoring it needs the master key ring with ${snapshot.keyIds.join(', ')}`
          : 'no master key has written to it yet';
      progress(`backup written to ${snapshot.file} (${formatSize(snapshot.bytes)}); ${keys}`);
    });
}
