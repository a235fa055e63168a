import { Option, type Command } from 'commander';
import type { Bootstrapped } from '../bootstrap.js';
import { loadConfig } from '../config/config.js';
import { progress } from './progress.js';

/**
 * Bootstraps (outside demo mode: a master key is required, or the one `serve --demo` made in
 * DATA_DIR), runs the command and prints its result as JSON through commander's output (stdout
 * unless configured otherwise), then closes the database. Progress goes to stderr, so stdout stays
 * machine-readable. The service layer is loaded only when a command runs.
 */
export function withServices<T>(command: Command, run: (app: Bootstrapped) => Promise<T>): Promise<void> {
  return withServicesText(command, async (app) => `${JSON.stringify(await run(app), null, 2)}\n`);
}

/** Like withServices, but writes the text `run` returns as it is (a table, or nothing). */
export async function withServicesText(
  command: Command,
  run: (app: Bootstrapped) => Promise<string>,
): Promise<void> {
  const { bootstrap } = await import('../bootstrap.js');
  const app = await bootstrap(loadConfig(), { demo: false, demoDataDirKey: true, progress });
  try {
    const text = await run(app);
    const writeOut = command.configureOutput().writeOut ?? ((text: string) => process.stdout.write(text));
    writeOut(text);
  } finally {
    await app.context.database.close();
  }
}

/**
 * A group's `list` command: prints the list as JSON, narrowed to one organisation when `flags` (the
 * group's own name for the organisation's business ID) is given.
 */
export function addListCommand(
  group: Command,
  description: string,
  flags: string,
  list: (services: Bootstrapped['services'], businessId: string | undefined) => Promise<unknown>,
): void {
  const only = new Option(flags, 'only this organisation');
  group
    .command('list')
    .description(description)
    .addOption(only)
    .action((options: Record<string, string | undefined>, command: Command) =>
      withServices(command, ({ services }) => list(services, options[only.attributeName()])),
    );
}

/** A repeatable option's values, in the order given. */
export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

interface NameOptions {
  name?: string;
  nameSv?: string;
  nameEn?: string;
}

/**
 * Operator commands: org add/list/update/deactivate, service add/list/update/deactivate,
 * credentials create/list/revoke, and person export (a data subject's access request).
 */
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
    .description('list organisations (deactivatedAt is set for deactivated ones)')
    .action((_options: unknown, command: Command) =>
      withServices(command, ({ services }) => services.organisations.listOrganisations()),
    );
  org
    .command('update')
    .description("change an organisation's names; an empty --name-sv or --name-en removes that name")
    .argument('<business-id>', 'business ID of the organisation')
    .option('--name <fi>', 'name in Finnish')
    .option('--name-sv <sv>', 'name in Swedish')
    .option('--name-en <en>', 'name in English')
    .action((businessId: string, options: NameOptions, command: Command) =>
      withServices(command, ({ services }) =>
        services.organisations.updateOrganisation(businessId, {
          nameFi: options.name,
          nameSv: options.nameSv,
          nameEn: options.nameEn,
        }),
      ),
    );
  org
    .command('deactivate')
    .description(
      'deactivate an organisation: its API credentials and tokens stop working, its services stop ' +
        'taking messages, it leaves the start page; its messages stay readable by their recipients',
    )
    .argument('<business-id>', 'business ID of the organisation')
    .action((businessId: string, _options: unknown, command: Command) =>
      withServices(command, ({ services }) => services.organisations.deactivateOrganisation(businessId)),
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
  addListCommand(service, 'list services', '--business-id <y-tunnus>', (services, businessId) =>
    services.organisations.listServices(businessId),
  );
  service
    .command('update')
    .description("change a service's names or whether citizens can send it new messages")
    .argument('<service-id>', 'the id API clients send as sender.serviceId')
    .option('--name <fi>', 'name in Finnish')
    .option('--name-sv <sv>', 'name in Swedish (empty removes it)')
    .option('--name-en <en>', 'name in English (empty removes it)')
    .option('--accepts-messages', 'citizens can send new messages to this service')
    .option(
      '--no-accepts-messages',
      'citizens cannot send new messages to this service (replies still arrive)',
    )
    .action((serviceId: string, options: NameOptions & { acceptsMessages?: boolean }, command: Command) =>
      withServices(command, ({ services }) =>
        services.organisations.updateService(serviceId, {
          nameFi: options.name,
          nameSv: options.nameSv,
          nameEn: options.nameEn,
          acceptsMessages: options.acceptsMessages,
        }),
      ),
    );
  service
    .command('deactivate')
    .description(
      'deactivate a service: the API refuses it as sender, citizens can no longer write or reply to ' +
        'it, it leaves the start page; its messages stay readable by their recipients',
    )
    .argument('<service-id>', 'the id API clients send as sender.serviceId')
    .action((serviceId: string, _options: unknown, command: Command) =>
      withServices(command, ({ services }) => services.organisations.deactivateService(serviceId)),
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
  addListCommand(
    credentials,
    'list API credentials (never passwords)',
    '--business-id <y-tunnus>',
    (services, businessId) => services.messaging.credentials.list(businessId),
  );
  credentials
    .command('revoke')
    .description('revoke API credentials; their tokens stop working at once')
    .requiredOption('--username <username>', 'the username to revoke')
    .action((options: { username: string }, command: Command) =>
      withServices(command, ({ services }) => services.messaging.credentials.revoke(options.username)),
    );

  const person = program.command('person').description("a person's data, for data subjects' requests");
  person
    .command('export')
    .description(
      'print as JSON what the service holds about a person: account, contact details, sessions, ' +
        'messages, attachments (names only), events, deliveries and audit entries; the export is audited',
    )
    .argument('<identity-code>', 'personal identity code (henkilötunnus)')
    .option(
      '--with-content',
      'also decrypt message titles and bodies (not of unacknowledged verifiable messages)',
    )
    .action((identityCode: string, options: { withContent?: boolean }, command: Command) =>
      withServices(command, async ({ context }) => {
        const { createPersonExportService } = await import('../modules/data-subject/index.js');
        return createPersonExportService(context).export(identityCode, {
          withContent: options.withContent === true,
        });
      }),
    );
}
