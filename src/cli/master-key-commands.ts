import type { Command } from 'commander';
import { loadConfig, type Config } from '../config/config.js';
import { withActiveKey, withNewKey, withoutKey, type KeyRing } from '../crypto/key-ring.js';
import { writeKeyFile } from '../crypto/master-key.js';
import type { KeyRotationService, KeyStatus, KeyUsage, MasterKeyAction } from '../modules/keys/index.js';
import { progress, progressBar } from './progress.js';
import { positiveInteger } from './public-commands.js';

/** Opens the ring and the database (checked against each other) and the key rotation service. */
async function withKeys<T>(
  config: Config,
  work: (keys: {
    ring: KeyRing;
    rotation: KeyRotationService;
    /** Records the change in the audit trail (after the key file is written). */
    audit: (action: MasterKeyAction, keyId: string, details?: Record<string, unknown>) => Promise<void>;
  }) => Promise<T>,
): Promise<T> {
  const [{ openWithKeyRing }, { Envelope }, { createKeyRotationService, recordMasterKeyChange }] =
    await Promise.all([
      import('../bootstrap.js'),
      import('../crypto/envelope.js'),
      import('../modules/keys/index.js'),
    ]);
  const { keyRing, database } = await openWithKeyRing(config, {
    demoDataDirKey: true,
    progress,
  });
  try {
    return await work({
      ring: keyRing,
      rotation: createKeyRotationService({ database, envelope: new Envelope(keyRing) }),
      audit: (action, keyId, details) => recordMasterKeyChange({ database }, action, keyId, details),
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
 * `keys status | add | rotate | retire`: the master key ring (docs/keys.md). The ring comes from
 * MASTER_KEY_FILE, which add, rotate and retire rewrite, or from MASTER_KEY, which only the operator can
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
    .command('add')
    .description(
      'add a new master key last in MASTER_KEY_FILE, not yet current: after a restart every process ' +
        'can read what it will wrap (the first step of a rotation with several processes)',
    )
    .option('--new-key-id <id>', "the new key's id (default: derived from the key)")
    .action(async (options: { newKeyId?: string }) => {
      const config = loadConfig();
      await withKeys(config, async ({ ring, audit }) => {
        const file = keyFileOf(config);
        const staged = withNewKey(ring, { id: options.newKeyId, active: false });
        const id = [...staged.keys.keys()].at(-1) ?? '';
        writeKeyFile(file, staged);
        await audit('operator.master_key_added', id, { current: ring.activeKeyId });
        progress(`"${id}" added to ${file} after the current key "${ring.activeKeyId}", which stays current`);
        progress(`next: ${restartAdvice}; then run keys rotate --new-key-id ${id} to make it current`);
      });
    });

  keys
    .command('rotate')
    .description(
      'make a new master key current in MASTER_KEY_FILE (a new one, or the one keys add staged), then ' +
        'restart every process; run again with --new-key-id <id> once every process has it as current, ' +
        'and it rewraps every stored value under an older key (resumable: run it again after an interruption)',
    )
    .option(
      '--new-key-id <id>',
      'the new current key: with MASTER_KEY_FILE, added first or moved first unless it is first already; ' +
        'with MASTER_KEY, put first there by you; once it is first, the stored values are rewrapped to it',
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
      await withKeys(config, async ({ ring, rotation, audit }) => {
        const wanted = options.newKeyId;
        if (wanted !== undefined && ring.activeKeyId === wanted) {
          await rewrapTo(wanted, rotation, options.batchSize, audit);
          return;
        }
        if (config.masterKey !== undefined) {
          throw new Error(
            ring.keys.has(wanted ?? '')
              ? `"${wanted}" is in MASTER_KEY but not first, so it is not the current key ("${ring.activeKeyId}" is)`
              : `MASTER_KEY has no key "${wanted}": put it first in MASTER_KEY for every process and restart them`,
          );
        }
        const file = keyFileOf(config);
        const rotated =
          wanted !== undefined && ring.keys.has(wanted)
            ? withActiveKey(ring, wanted)
            : withNewKey(ring, { id: wanted, active: true });
        writeKeyFile(file, rotated);
        await audit('operator.master_key_made_current', rotated.activeKeyId, { previous: ring.activeKeyId });
        progress(
          `"${rotated.activeKeyId}" is now the current master key in ${file}; the older keys stay to read what they wrapped`,
        );
        progress(
          `next: ${restartAdvice}; then run keys rotate --new-key-id ${rotated.activeKeyId} to rewrap the stored values`,
        );
      });
    });

  keys
    .command('retire <id>')
    .description(
      'remove a master key from MASTER_KEY_FILE, only when it is not current and protects no value',
    )
    .action(async (id: string) => {
      const config = loadConfig();
      await withKeys(config, async ({ ring, rotation, audit }) => {
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
        writeKeyFile(config.masterKeyFile, withoutKey(ring, id));
        await audit('operator.master_key_retired', id, { current: ring.activeKeyId });
        progress(
          `removed "${id}" from ${config.masterKeyFile}; restart the processes to drop it from memory, and ` +
            'keep the old ring as long as a backup needs it (docs/backup.md)',
        );
      });
    });
}

/** The key file that add, rotate and retire rewrite. */
function keyFileOf(config: Config): string {
  if (config.masterKeyFile !== undefined) return config.masterKeyFile;
  throw new Error(
    'this command rewrites the key file named by MASTER_KEY_FILE, which is not set (for a demo data ' +
      'directory, set MASTER_KEY_FILE=$DATA_DIR/master.key and keep it set from then on)',
  );
}

/** The last step of a rotation: every stored value under an older key is rewrapped to `keyId`. */
async function rewrapTo(
  keyId: string,
  rotation: KeyRotationService,
  batchSize: number,
  audit: (action: MasterKeyAction, keyId: string, details: Record<string, unknown>) => Promise<void>,
): Promise<void> {
  const bar = progressBar(`rewrapping to ${keyId}`, await rotation.pending());
  const outcome = await rotation.rewrap({ batchSize, onBatch: bar.update });
  bar.finish();
  // Each run records what it did; a run killed mid-way records nothing, the run resuming it the rest.
  await audit('operator.master_key_rewrapped', keyId, {
    rewrapped: outcome.rewrapped,
    remaining: outcome.remaining,
    failed: outcome.failed,
    changedMeanwhile: outcome.changedMeanwhile,
  });
  progress(
    `rewrapped ${outcome.rewrapped} values to key ${keyId}` +
      (outcome.changedMeanwhile > 0 ? `; ${outcome.changedMeanwhile} changed meanwhile and were left` : ''),
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
  progress(`every stored value is under ${keyId}; keys retire <old id> removes a key nothing uses`);
}
