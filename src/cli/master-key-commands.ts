import type { Command } from 'commander';
import { loadConfig, type Config } from '../config/config.js';
import type { KeyRing } from '../crypto/key-ring.js';
import type { KeyRotationService, KeyStatus, KeyUsage } from '../modules/keys/index.js';
import { progress, progressBar } from './progress.js';
import { positiveInteger } from './public-commands.js';

/** Opens the ring and the database (checked against each other) and the key rotation service. */
async function withKeys<T>(
  config: Config,
  work: (keys: { ring: KeyRing; rotation: KeyRotationService }) => Promise<T>,
): Promise<T> {
  const [{ openWithKeyRing }, { Envelope }, { createKeyRotationService }] = await Promise.all([
    import('../bootstrap.js'),
    import('../crypto/envelope.js'),
    import('../modules/keys/index.js'),
  ]);
  const { keyRing, database } = await openWithKeyRing(config, {
    demoDataDirKey: true,
    progress: () => undefined,
  });
  try {
    return await work({
      ring: keyRing,
      rotation: createKeyRotationService({ database, envelope: new Envelope(keyRing) }),
    });
  } finally {
    await database.close();
  }
}

/** `messages.title_enc 3, attachments.content_enc 1` */
function placesText(usage: KeyUsage): string {
  return Object.entries(usage.places)
    .filter(([, count]) => count > 0)
    .map(([place, count]) => `${place} ${count}`)
    .join(', ');
}

function statusText(status: KeyStatus): string {
  const lines: string[] = [];
  const values = (n: number) => `${n} ${n === 1 ? 'value' : 'values'}`;
  const describe = (usage: KeyUsage, mark: string) => {
    lines.push(`${usage.keyId.padEnd(32)} ${mark.padEnd(8)} ${values(usage.total)}`);
    for (const [place, count] of Object.entries(usage.places)) lines.push(`  ${place.padEnd(44)} ${count}`);
  };
  for (const usage of status.ring) describe(usage, usage.current ? 'current' : '');
  if (status.missing.length > 0) {
    lines.push('', 'key ids in the database that the ring lacks (these values cannot be read):');
    for (const usage of status.missing) describe(usage, 'MISSING');
  }
  return lines.join('\n') + '\n';
}

const restartAdvice =
  'every running process still holds the ring it started with: restart them all ' +
  '(systemctl restart asiointitili.target) after backing up the new ring';

/**
 * `keys status | rotate | retire`: the master key ring (docs/keys.md). The ring comes from
 * MASTER_KEY_FILE, which rotate and retire rewrite, or from MASTER_KEY, which only the operator can
 * change; processes read it once at start.
 */
export function registerMasterKeyCommands(keys: Command): void {
  keys
    .command('status')
    .description('how many stored values each master key still protects, per table and column')
    .option('--json', 'print the status as JSON')
    .action(async (options: { json?: boolean }) => {
      const status = await withKeys(loadConfig(), ({ rotation }) => rotation.status());
      process.stdout.write(options.json ? `${JSON.stringify(status, null, 2)}\n` : statusText(status));
    });

  keys
    .command('rotate')
    .description(
      'without --new-key-id: put a new master key first in MASTER_KEY_FILE (restart every process ' +
        'next); with --new-key-id <id>, once every process runs with it: rewrap every stored value ' +
        'under an older key to it (resumable: run it again after an interruption)',
    )
    .option(
      '--new-key-id <id>',
      'the new current key: with MASTER_KEY_FILE, added first if the file lacks it; with MASTER_KEY, ' +
        'put first there by you; when it is already first, the stored values are rewrapped to it',
    )
    .option('--batch-size <n>', 'values rewrapped per transaction', positiveInteger, 200)
    .action(async (options: { newKeyId?: string; batchSize: number }) => {
      const config = loadConfig();
      if (config.masterKey !== undefined && options.newKeyId === undefined) {
        throw new Error(
          'the key ring comes from MASTER_KEY, which this command cannot change: put a new entry ' +
            '(id:base64, e.g. "k2:$(openssl rand -base64 32)") first in MASTER_KEY for every process, ' +
            'restart them, then run keys rotate --new-key-id <id>',
        );
      }
      await withKeys(config, async ({ ring, rotation }) => {
        const wanted = options.newKeyId;
        if (wanted === undefined || !ring.keys.has(wanted)) {
          await addKey(config, ring, wanted);
          return;
        }
        if (ring.activeKeyId !== wanted) {
          throw new Error(
            `"${wanted}" is in the key ring but not first, so it is not the current key; the current key is ` +
              `"${ring.activeKeyId}"`,
          );
        }
        const bar = progressBar(`rewrapping to ${wanted}`, await rotation.pending());
        const outcome = await rotation.rewrap({ batchSize: options.batchSize, onBatch: bar.update });
        bar.finish();
        progress(
          `rewrapped ${outcome.rewrapped} values to key ${wanted}` +
            (outcome.changedMeanwhile > 0
              ? `; ${outcome.changedMeanwhile} changed meanwhile and were left`
              : ''),
        );
        const failed = Object.entries(outcome.failed);
        if (failed.length > 0) {
          throw new Error(
            `${failed.map(([place, n]) => `${place} ${n}`).join(', ')} could not be unwrapped and stay as ` +
              'they are (keys status shows their key ids)',
          );
        }
        if (outcome.remaining > 0) {
          throw new Error(
            `${outcome.remaining} values are still under an older key (written meanwhile by a process ` +
              'with the old ring?): restart every process with the new ring and run this again',
          );
        }
        progress(`every stored value is under ${wanted}; keys retire <old id> removes a key nothing uses`);
      });
    });

  keys
    .command('retire <id>')
    .description(
      'remove a master key from MASTER_KEY_FILE, only when it is not current and protects no value',
    )
    .action(async (id: string) => {
      const config = loadConfig();
      await withKeys(config, async ({ ring, rotation }) => {
        if (!ring.keys.has(id)) throw new Error(`the key ring has no key "${id}"`);
        if (ring.activeKeyId === id) {
          throw new Error(`"${id}" is the current key; rotate to a new one (keys rotate) before retiring it`);
        }
        const usage = (await rotation.status()).ring.find((key) => key.keyId === id);
        if (usage !== undefined && usage.total > 0) {
          throw new Error(
            `"${id}" still protects ${usage.total} values (${placesText(usage)}); run keys rotate ` +
              `--new-key-id ${ring.activeKeyId} first`,
          );
        }
        if (config.masterKeyFile === undefined) {
          throw new Error(
            `nothing uses "${id}", but the key ring does not come from MASTER_KEY_FILE: remove the entry ` +
              'yourself (from MASTER_KEY) and restart the processes',
          );
        }
        const [{ writeKeyFile }, { withoutKey }] = await Promise.all([
          import('../crypto/master-key.js'),
          import('../crypto/key-ring.js'),
        ]);
        writeKeyFile(config.masterKeyFile, withoutKey(ring, id));
        progress(
          `removed "${id}" from ${config.masterKeyFile}; restart the processes to drop it from memory, and ` +
            'keep the old ring as long as a backup needs it (docs/backup.md)',
        );
      });
    });
}

/** Step one of a rotation: a new key first in the key file, then the operator restarts everything. */
async function addKey(config: Config, ring: KeyRing, id: string | undefined): Promise<void> {
  const file = config.masterKeyFile;
  if (file === undefined) {
    throw new Error(
      config.masterKey !== undefined
        ? `the key ring (from MASTER_KEY) has no key "${id}": put it first in MASTER_KEY for every process and restart them`
        : 'keys rotate rewrites the key file named by MASTER_KEY_FILE, which is not set (for a demo data ' +
            'directory, set MASTER_KEY_FILE=$DATA_DIR/master.key and keep it set from then on)',
    );
  }
  const [{ writeKeyFile }, { withNewActiveKey }] = await Promise.all([
    import('../crypto/master-key.js'),
    import('../crypto/key-ring.js'),
  ]);
  const rotated = withNewActiveKey(ring, id);
  writeKeyFile(file, rotated);
  progress(
    `"${rotated.activeKeyId}" is now the current master key in ${file}; the older keys stay to read what they wrapped`,
  );
  progress(
    `next: ${restartAdvice}; then run keys rotate --new-key-id ${rotated.activeKeyId} to rewrap the stored values`,
  );
}
