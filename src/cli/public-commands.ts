import { InvalidArgumentError, type Command } from 'commander';
import { withServices } from './organisation-commands.js';

export function positiveInteger(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1 || parsed > 10_000) {
    throw new InvalidArgumentError('a whole number from 1 to 10000');
  }
  return parsed;
}

/** Operator commands for the public pages: feedback list, catalogue reindex. */
export function registerPublicCommands(program: Command): void {
  const feedback = program.command('feedback').description('what visitors sent with the feedback form');
  feedback
    .command('list')
    .description('the newest feedback first, as JSON (purged after FEEDBACK_RETENTION_DAYS)')
    .option('--limit <n>', 'how many to show', positiveInteger, 50)
    .action((options: { limit: number }, command: Command) =>
      withServices(command, ({ services }) => services.feedback.listNewest(options.limit)),
    );

  const catalogue = program.command('catalogue').description('the public catalogue of connected services');
  catalogue
    .command('reindex')
    .description('rebuild the catalogue search index now (web processes also rebuild it every 10 minutes)')
    .action((_options: unknown, command: Command) =>
      withServices(command, async ({ services }) => ({
        indexed: await services.catalogue.refreshSearchIndex(),
      })),
    );
}
