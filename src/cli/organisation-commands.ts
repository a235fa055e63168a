import type { Command } from 'commander';
import type { Bootstrapped } from '../bootstrap.js';
import { loadConfig } from '../config/config.js';
import { progress } from './progress.js';

/**
 * Bootstraps (outside demo mode: a master key is required, or the one `serve --demo` made in
 * DATA_DIR), runs the command and prints its result as JSON through commander's output (stdout
 * unless configured otherwise), then closes the database. Progress goes to stderr, so stdout stays
 * machine-readable. The service layer is loaded only when a command runs.
 */
async function withServices<T>(command: Command, run: (app: Bootstrapped) => Promise<T>): Promise<void> {
  const { bootstrap } = await import('../bootstrap.js');
  const app = await bootstrap(loadConfig(), { demo: false, demoDataDirKey: true, progress });
  try {
    const result = await run(app);
    const writeOut = command.configureOutput().writeOut ?? ((text: string) => process.stdout.write(text));
    writeOut(`${JSON.stringify(result, null, 2)}\n`);
  } finally {
    await app.context.database.close();
  }
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** Operator commands: org add/list, service add/list, credentials create/list/revoke. */
export function registerOrganisationCommands(program: Command): void {
  const org = program.command('org').description('organisations that send messages');
  org
    .command('add')
    .description('register an organisation')
    .requiredOption('--business-id <y-tunnus>', 'business ID, e.g. 1234567-1')
    .requiredOption('--name <fi>', 'name in Finnish')
    .option('--name-sv <sv>', 'name in Swedish')
    .option('--name-en <en>', 'name in English')
    .action(
      (options: { businessId: string; name: string; nameSv?: string; nameEn?: string }, command: Command) =>
        withServices(command, ({ services }) =>
          services.organisations.addOrganisation({
            businessId: options.businessId,
            nameFi: options.name,
            nameSv: options.nameSv,
            nameEn: options.nameEn,
          }),
        ),
    );
  org
    .command('list')
    .description('list organisations')
    .action((_options: unknown, command: Command) =>
      withServices(command, ({ services }) => services.organisations.listOrganisations()),
    );

  const service = program.command('service').description("organisations' services (message senders)");
  service
    .command('add')
    .description('register a service of an organisation')
    .requiredOption('--business-id <y-tunnus>', 'business ID of the organisation')
    .requiredOption('--service-id <id>', 'the id API clients send as sender.serviceId')
    .requiredOption('--name <fi>', 'name in Finnish')
    .option('--name-sv <sv>', 'name in Swedish')
    .option('--name-en <en>', 'name in English')
    .option('--accepts-messages', 'citizens can send new messages to this service')
    .action(
      (
        options: {
          businessId: string;
          serviceId: string;
          name: string;
          nameSv?: string;
          nameEn?: string;
          acceptsMessages?: boolean;
        },
        command: Command,
      ) =>
        withServices(command, ({ services }) =>
          services.organisations.addService({
            businessId: options.businessId,
            serviceId: options.serviceId,
            nameFi: options.name,
            nameSv: options.nameSv,
            nameEn: options.nameEn,
            acceptsMessages: options.acceptsMessages === true,
          }),
        ),
    );
  service
    .command('list')
    .description('list services')
    .option('--business-id <y-tunnus>', 'only this organisation')
    .action((options: { businessId?: string }, command: Command) =>
      withServices(command, ({ services }) => services.organisations.listServices(options.businessId)),
    );

  const credentials = program.command('credentials').description('organisation API credentials');
  credentials
    .command('create')
    .description('create API credentials; prints {"username", "password"} once (only a hash is kept)')
    .requiredOption('--business-id <y-tunnus>', 'business ID of the organisation')
    .option('--allow-ip <cidr>', 'allow API calls only from this address or range (repeatable)', collect, [])
    .action((options: { businessId: string; allowIp: string[] }, command: Command) =>
      withServices(command, async ({ services }) => {
        const created = await services.messaging.credentials.create({
          businessId: options.businessId,
          allowIps: options.allowIp,
        });
        return { username: created.username, password: created.password, allowedIps: created.allowedIps };
      }),
    );
  credentials
    .command('list')
    .description('list API credentials (never passwords)')
    .option('--business-id <y-tunnus>', 'only this organisation')
    .action((options: { businessId?: string }, command: Command) =>
      withServices(command, ({ services }) => services.messaging.credentials.list(options.businessId)),
    );
  credentials
    .command('revoke')
    .description('revoke API credentials; their tokens stop working at once')
    .requiredOption('--username <username>', 'the username to revoke')
    .action((options: { username: string }, command: Command) =>
      withServices(command, ({ services }) => services.messaging.credentials.revoke(options.username)),
    );
}
