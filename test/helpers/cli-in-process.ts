import type { Command } from 'commander';
import { buildProgram } from '../../src/cli/main.js';
import { failureLine } from '../../src/cli/failure.js';

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
  try {
    await program.parseAsync(['node', 'asiointitili', ...args]);
    return { stdout };
  } catch (error) {
    return { stdout, failure: failureLine(error) };
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
