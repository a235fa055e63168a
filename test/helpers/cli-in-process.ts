import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before } from 'node:test';
import type { Command } from 'commander';
import { buildProgram } from '../../src/cli/main.js';
import { failureLine } from '../../src/cli/failure.js';
import { recordLogLines, recordSecretsIn } from './leak-record.js';
import { createTestDatabase, testDialect, type TestDatabase } from './test-database.js';

/** Every command of a commander tree (commander copies output settings only at creation). */
function allCommands(command: Command): Command[] {
  return [command, ...command.commands.flatMap(allCommands)];
}

/**
 * Runs a command of the CLI in this process with the given environment added to process.env;
 * resolves with what it wrote to stdout, or the one-line failure main() would print. Starting the
 * real CLI costs seconds, so process tests spawn it only where the process itself is under test.
 */
export async function runCliInProcess(
  args: string[],
  env: Record<string, string>,
): Promise<{ stdout: string; failure?: string }> {
  Object.assign(process.env, env);
  let stdout = '';
  const program = buildProgram();
  for (const command of allCommands(program)) {
    command.configureOutput({ ...command.configureOutput(), writeOut: (text) => (stdout += text) });
  }
  // For the leak scan: the arguments may name a person, and the failure line is what the operator's
  // terminal (and a journal) would show.
  recordSecretsIn(args);
  try {
    await program.parseAsync(['node', 'asiointitili', ...args]);
    return { stdout };
  } catch (error) {
    const failure = failureLine(error);
    recordLogLines(`cli ${args.slice(0, 2).join(' ')}`, failure);
    return { stdout, failure };
  }
}

/** The help text of `asiointitili <group> <name>`, as commander renders it. */
export function helpOf(group: string, name: string): string {
  const command = buildProgram()
    .commands.find((c) => c.name() === group)
    ?.commands.find((c) => c.name() === name);
  if (!command) throw new Error(`no command ${group} ${name}`);
  return command.helpInformation();
}

/** What an operator's CLI runs against: a data directory with a key file, on PostgreSQL an empty schema. */
export interface CliEnvironment {
  /** The variables to run the CLI with (DATA_DIR, MASTER_KEY_FILE, LOG_LEVEL, DATABASE_URL on PostgreSQL). */
  env: Record<string, string>;
  /** Drops the schema and deletes the data directory. */
  remove(): Promise<void>;
}

/** A fresh CLI environment; the database is not migrated, as the operator runs `migrate` first. */
export async function createCliEnvironment(dirPrefix: string): Promise<CliEnvironment> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), dirPrefix));
  const keyFile = path.join(dir, 'ops.key');
  fs.writeFileSync(keyFile, 'ops:' + Buffer.alloc(32, 7).toString('base64'), { mode: 0o600 });
  const env: Record<string, string> = { DATA_DIR: dir, MASTER_KEY_FILE: keyFile, LOG_LEVEL: 'silent' };
  let db: TestDatabase | undefined;
  if (testDialect === 'postgres') {
    db = await createTestDatabase({ migrate: false });
    const url = new URL(db.databaseUrl!);
    url.searchParams.set('options', `-c search_path=${db.postgresSchema}`);
    env.DATABASE_URL = url.toString();
  }
  return {
    env,
    async remove() {
      await db?.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Registers before/after hooks in the calling file or suite: its tests get a CLI environment after
 * `migrate`, which an operator runs before any other command. `env` is filled in by the before hook;
 * `cli` runs a command in this process against it.
 */
export function useMigratedCliEnvironment(dirPrefix: string): {
  env: Record<string, string>;
  cli: (args: string[]) => ReturnType<typeof runCliInProcess>;
} {
  const env: Record<string, string> = {};
  let cliEnvironment: CliEnvironment | undefined;
  before(async () => {
    cliEnvironment = await createCliEnvironment(dirPrefix);
    Object.assign(env, cliEnvironment.env);
    assert.equal((await runCliInProcess(['migrate'], env)).failure, undefined);
  });
  after(() => cliEnvironment?.remove());
  return { env, cli: (args) => runCliInProcess(args, env) };
}

/** The JSON a successful command printed; fails the test when the command failed. */
export function jsonOf<T>(result: { stdout: string; failure?: string }): T {
  assert.equal(result.failure, undefined);
  return JSON.parse(result.stdout) as T;
}

/** The arguments of `service add` for a service of an organisation. */
export function serviceAddArgs(businessId: string, serviceId: string, name: string): string[] {
  return ['service', 'add', '--business-id', businessId, '--service-id', serviceId, '--name', name];
}
