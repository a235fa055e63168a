import fs from 'node:fs';
import readline from 'node:readline';
import type { Command } from 'commander';
import type { ChainProblem, ChainResult, ChainSummary } from '../modules/audit/index.js';
import { withServices } from './organisation-commands.js';
import { progress } from './progress.js';
import { progressBar } from './progress-bar.js';

const dateOnly = /^\d{4}-\d{2}-\d{2}$/;

/**
 * `--from` / `--to`: a date (a whole UTC day: --to includes that day) or an ISO-8601 time with its
 * zone. Returns the instant the range starts at or ends before.
 */
function parseRangeBound(value: string, bound: 'from' | 'to'): Date {
  const text = value.trim();
  if (!dateOnly.test(text)) return parseTime(text, `--${bound}`, ' a date (2026-01-31) or');
  const instant = new Date(`${text}T00:00:00Z`);
  if (Number.isNaN(instant.getTime()) || instant.toISOString().slice(0, 10) !== text) {
    throw new Error(`--${bound}: ${text} is not a date`);
  }
  if (bound === 'to') instant.setUTCDate(instant.getUTCDate() + 1);
  return instant;
}

/** A time with its zone; the error names the option and what it takes. */
function parseTime(value: string, option: string, alternatively = ''): Date {
  const text = value.trim();
  const instant = new Date(text);
  if (!/(Z|[+-]\d{2}:\d{2})$/.test(text) || Number.isNaN(instant.getTime())) {
    throw new Error(
      `${option} takes${alternatively} a time with its zone (2026-01-31T12:00:00Z), got "${text}"`,
    );
  }
  return instant;
}

function problemLine(problem: ChainProblem): string {
  const where = [
    problem.line === undefined ? undefined : `line ${problem.line}`,
    problem.entryId === undefined ? undefined : `entry id ${problem.entryId}`,
    problem.seq === undefined ? undefined : `sequence ${problem.seq}`,
  ].filter(Boolean);
  return `audit chain broken${where.length > 0 ? ` at ${where.join(', ')}` : ''}: ${problem.what}`;
}

function summaryText(summary: ChainSummary): string {
  const range =
    summary.firstSeq === undefined ? 'no chained entries' : `sequence ${summary.firstSeq}–${summary.lastSeq}`;
  const lines = [
    `audit chain intact: ${summary.entries} entries (${range}), ${summary.checkpoints} signed checkpoint(s) verified`,
  ];
  if (summary.purgedThrough > 0)
    lines.push(`entries through ${summary.purgedThrough} were purged by retention`);
  if (summary.unchained > 0)
    lines.push(`${summary.unchained} row(s) without a place in the chain (written before it began)`);
  const unsigned =
    (summary.lastSeq ?? 0) - Math.max(summary.lastCheckpointSeq ?? 0, (summary.firstSeq ?? 1) - 1);
  if (summary.lastSeq !== undefined && unsigned > 0) {
    lines.push(
      `${unsigned} newest entr${unsigned === 1 ? 'y is' : 'ies are'} not yet covered by a checkpoint`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Prints the summary, or fails with the first problem (exit status 1). */
function report(command: Command, result: ChainResult): void {
  if (!result.ok) throw new Error(problemLine(result.problem));
  const writeOut = command.configureOutput().writeOut ?? ((text: string) => process.stdout.write(text));
  writeOut(summaryText(result.summary));
}

async function verifyFile(file: string, keysFile: string | undefined): Promise<ChainResult> {
  const { ExportVerifier, publicKeysOf } = await import('../modules/audit/index.js');
  let trusted;
  if (keysFile !== undefined) {
    const parsed = JSON.parse(fs.readFileSync(keysFile, 'utf8')) as { keys?: unknown };
    if (!Array.isArray(parsed.keys)) throw new Error(`--keys ${keysFile} must be {"keys": [...]}`);
    trusted = publicKeysOf(parsed.keys, `--keys ${keysFile}`);
  }
  const verifier = new ExportVerifier(trusted);
  const total = fs.statSync(file).size;
  const bar = progressBar('verifying the export');
  let read = 0;
  const lines = readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Infinity });
  try {
    for await (const line of lines) {
      read += Buffer.byteLength(line) + 1;
      const found = verifier.line(line);
      if (found) return found;
      bar.update(Math.min(read, total), total);
    }
  } finally {
    lines.close();
    bar.end();
  }
  return verifier.finish();
}

/**
 * `audit verify | export | checkpoint | rotate-key`: the tamper-evident audit trail (docs/audit.md).
 */
export function registerAuditCommands(program: Command): void {
  const audit = program.command('audit').description('the tamper-evident audit trail (docs/audit.md)');

  audit
    .command('verify')
    .description(
      'check every entry, link and checkpoint signature of the audit chain (or of an export with --file); ' +
        'names the first bad entry and exits 1 when something was changed, removed, inserted or reordered',
    )
    .option('--file <export>', 'check an export file instead of the database (needs no database)')
    .option(
      '--keys <file>',
      'with --file: trust only these public keys ({"keys": [JWK…]}), not the ones in the file',
    )
    .option(
      '--unchained-until <time>',
      'tolerate rows without a chain place written before this time (an older release during the upgrade)',
    )
    .action(async (options: { file?: string; keys?: string; unchainedUntil?: string }, command: Command) => {
      if (options.file !== undefined) {
        report(command, await verifyFile(options.file, options.keys));
        return;
      }
      if (options.keys !== undefined) throw new Error('--keys goes with --file');
      const unchainedUntil =
        options.unchainedUntil === undefined
          ? undefined
          : parseTime(options.unchainedUntil, '--unchained-until');
      const { bootstrap } = await import('../bootstrap.js');
      const { loadConfig } = await import('../config/config.js');
      const app = await bootstrap(loadConfig(), { demo: false, demoDataDirKey: true, progress });
      const bar = progressBar('verifying the audit chain');
      let result: ChainResult;
      try {
        result = await app.services.audit.verify((done, total) => bar.update(done, total), {
          unchainedUntil,
        });
      } finally {
        bar.end();
        await app.context.database.close();
      }
      report(command, result);
    });

  audit
    .command('export')
    .description(
      'write the audit entries of a period as JSON Lines, with the checkpoints and public keys that ' +
        'verify them offline (asiointitili audit verify --file)',
    )
    .requiredOption('--from <date>', 'first day (UTC) or time with zone')
    .requiredOption('--to <date>', 'last day (UTC, included) or time with zone (excluded)')
    .option('--out <file>', 'the file to create (must not exist); default: standard output')
    .action(async (options: { from: string; to: string; out?: string }, command: Command) => {
      const range = { from: parseRangeBound(options.from, 'from'), to: parseRangeBound(options.to, 'to') };
      if (range.to <= range.from) throw new Error('--to must be after --from');
      const { bootstrap } = await import('../bootstrap.js');
      const { loadConfig } = await import('../config/config.js');
      const app = await bootstrap(loadConfig(), { demo: false, demoDataDirKey: true, progress });
      const out = options.out === undefined ? undefined : fs.openSync(options.out, 'wx', 0o600);
      const writeOut = command.configureOutput().writeOut ?? ((text: string) => process.stdout.write(text));
      try {
        const entries = await app.services.audit.export(range, async (line) => {
          const text = `${JSON.stringify(line)}\n`;
          if (out === undefined) writeOut(text);
          else fs.writeSync(out, text);
        });
        progress(`${entries} audit entries exported${options.out ? ` to ${options.out}` : ''}`);
      } finally {
        if (out !== undefined) fs.closeSync(out);
        await app.context.database.close();
      }
    });

  audit
    .command('checkpoint')
    .description('sign a checkpoint at the newest entry now (the worker signs them regularly by itself)')
    .action((_options: unknown, command: Command) =>
      withServices(command, async ({ services }) => ({
        written: await services.audit.writeCheckpoints({ now: true }),
      })),
    );

  audit
    .command('keys')
    .description('the audit signing keys, oldest first, with the checkpoints each signed')
    .action((_options: unknown, command: Command) =>
      withServices(command, ({ services }) => services.audit.keys.list()),
    );

  audit
    .command('rotate-key')
    .description(
      'add a new Ed25519 key to AUDIT_SIGNING_KEY_FILE (creating the file); it signs the next ' +
        'checkpoints, and the older keys stay in the file to verify the checkpoints they signed',
    )
    .action((_options: unknown, command: Command) =>
      withServices(command, async ({ services }) => {
        const fresh = await services.audit.keys.rotate();
        progress(`audit signing key ${fresh.kid} added to ${fresh.file}`);
        return fresh;
      }),
    );

  audit
    .command('retire-key <kid>')
    .description(
      'retire an audit signing key that no longer signs: a key that signed checkpoints keeps only its ' +
        'public half (to verify them), one that signed none leaves the file',
    )
    .action((kid: string, _options: unknown, command: Command) =>
      withServices(command, async ({ services }) => {
        const retired = await services.audit.keys.retire(kid);
        progress(
          retired.kept === 'public half'
            ? `${kid}: private half removed; the public half stays to verify its ${retired.checkpoints} checkpoint(s)`
            : `${kid}: removed (it signed no checkpoint)`,
        );
        return retired;
      }),
    );
}
