import fs from 'node:fs';
import type { Command } from 'commander';
import { loadConfig } from '../config/config.js';
import { registerMasterKeyCommands } from './master-key-commands.js';
import { withServicesText } from './organisation-commands.js';
import { progress } from './progress.js';

type Kind = 'signing' | 'encryption' | 'federation';

/** Without --only: the protocol keys. The federation entity key only when asked for by name. */
function kindsOf(only: string | undefined): Kind[] {
  if (only === undefined) return ['signing', 'encryption'];
  if (only === 'signing' || only === 'encryption' || only === 'federation') return [only];
  throw new Error(`--only takes signing, encryption or federation, got "${only}"`);
}

/**
 * `keys oidc list | rotate | retire`: the relying party's FTN profile keys, in the files named by
 * OIDC_SIGNING_KEY_FILE and OIDC_ENCRYPTION_KEY_FILE (or the demo's files in DATA_DIR). Running web
 * processes notice a changed file within seconds and use it without a restart (docs/identification.md).
 */
export function registerKeyCommands(program: Command): void {
  const keys = program
    .command('keys')
    .description(
      'the master key ring (status, rotate, retire), the identification keys (oidc) and the evidence signing keys',
    );
  registerMasterKeyCommands(keys);
  registerEvidenceKeyCommands(keys);
  const oidc = keys
    .command('oidc')
    .description("the identification relying party's signing and encryption keys (FTN profile)");

  const files = async () => {
    const config = loadConfig();
    const keys = await import('../modules/identity/relying-party-keys.js');
    const of = (kind: Kind) => {
      const file = config.oidcKeyFiles[kind];
      if (file === undefined)
        throw new Error('no federation entity key: OIDC_FEDERATION_KEY_FILE is not set');
      return { file, use: kind === 'encryption' ? ('enc' as const) : ('sig' as const) };
    };
    return { keys, of, federationFile: config.oidcKeyFiles.federation };
  };

  oidc
    .command('list')
    .description('show the keys of each file, oldest first (the newest signing key is the one that signs)')
    .action(async () => {
      const { keys, of, federationFile } = await files();
      const loaded = keys.RelyingPartyKeys.load(
        {
          signing: of('signing').file,
          encryption: of('encryption').file,
          federation:
            federationFile !== undefined && fs.existsSync(federationFile) ? federationFile : undefined,
        },
        { generateIfMissing: false },
      );
      const rows: Array<[string, readonly { alg: string; kid: string }[]]> = [
        ['signing', loaded.signing],
        ['encryption', loaded.encryption],
        ['federation', loaded.federation],
      ];
      for (const [kind, list] of rows) {
        for (const key of list) process.stdout.write(`${kind.padEnd(10)} ${key.alg.padEnd(12)} ${key.kid}\n`);
      }
    });

  oidc
    .command('rotate')
    .description(
      'add a new key after the current one in each file; the web processes publish both at ' +
        '/oidc/jwks.json within seconds, every encryption key decrypts, and the new signing key ' +
        'signs some minutes later (once every cached copy of the JWKS has it)',
    )
    .option(
      '--only <kind>',
      'rotate only the signing or only the encryption key, or the federation entity key (never rotated otherwise)',
    )
    .action(async (options: { only?: string }) => {
      const { keys, of } = await files();
      for (const kind of kindsOf(options.only)) {
        const { file, use } = of(kind);
        const fresh = keys.rotateKeyFile(file, use);
        progress(`${kind} key ${fresh.kid} (${fresh.alg}) added to ${file}`);
      }
      progress(
        'no restart needed: the web processes publish the new keys within seconds; retire the old ones ' +
          'once the provider has fetched the new ones and no login can still be in flight',
      );
    });

  oidc
    .command('retire')
    .description('remove all but the newest key of each file (after the provider has fetched the new ones)')
    .option('--only <kind>', 'retire only the signing, encryption or federation keys')
    .action(async (options: { only?: string }) => {
      const { keys, of } = await files();
      for (const kind of kindsOf(options.only)) {
        const { file, use } = of(kind);
        const removed = keys.retireKeyFile(file, use);
        progress(
          removed.length === 0
            ? `${kind}: only one key in ${file}, nothing to retire`
            : `${kind}: removed ${removed.join(', ')} from ${file}`,
        );
      }
    });
}

/**
 * `keys evidence list | rotate | retire`: the delivery evidence signing keys, in
 * EVIDENCE_SIGNING_KEY_FILE (or DATA_DIR/evidence-signing-keys.json). The newest key signs; every key
 * stays published at /.well-known/jwks.json while a stored record is signed with it, so evidence
 * signed before a rotation still verifies (docs/evidence.md). Rotations and retirements are audited.
 */
function registerEvidenceKeyCommands(keys: Command): void {
  const evidence = keys.command('evidence').description('the signing keys of the delivery evidence (ES256)');

  evidence
    .command('list')
    .description(
      'show the keys of the file, oldest first (the newest one signs), with the records each signed',
    )
    .action((_options: unknown, command: Command) =>
      withServicesText(command, async ({ services }) => {
        const listed = await services.evidence.keys.list();
        return listed
          .map((key) => {
            const role = key.signs ? 'signs' : 'published';
            return `${key.alg.padEnd(6)} ${key.kid.padEnd(18)} ${role.padEnd(9)} ${key.signed} records\n`;
          })
          .join('');
      }),
    );

  evidence
    .command('rotate')
    .description(
      'add a new key after the current one; running processes sign with it within seconds, and the ' +
        'old keys stay published so earlier evidence still verifies',
    )
    .action((_options: unknown, command: Command) =>
      withServicesText(command, async ({ services, context }) => {
        const fresh = await services.evidence.keys.rotate();
        progress(
          `evidence key ${fresh.kid} (${fresh.alg}) added to ${context.config.evidenceKeyFile.file}; ` +
            'it signs from the next record on',
        );
        return '';
      }),
    );

  evidence
    .command('retire <kid>')
    .description(
      'remove a key that signs no more and that no stored evidence record is signed with (records ' +
        'are kept for good, so this is for a key that never signed, such as an unwanted rotation)',
    )
    .action((kid: string, _options: unknown, command: Command) =>
      withServicesText(command, async ({ services, context }) => {
        await services.evidence.keys.retire(kid);
        progress(`evidence key ${kid} removed from ${context.config.evidenceKeyFile.file}`);
        return '';
      }),
    );
}
