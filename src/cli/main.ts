import { Command, InvalidArgumentError } from 'commander';
import { loadConfig } from '../config/config.js';
import type { Role } from '../server.js';
import { registerAuditCommands } from './audit-commands.js';
import { registerBackupCommands } from './backup-commands.js';
import { registerDeliveryCommands } from './delivery-commands.js';
import { registerEvidenceCommands } from './evidence-commands.js';
import { failureLine } from './failure.js';
import { registerKeyCommands } from './key-commands.js';
import { registerOrganisationCommands } from './organisation-commands.js';
import { registerPublicCommands } from './public-commands.js';
import { registerStaffCommands } from './staff-commands.js';
import { progress } from './progress.js';

// Every command loads what it needs when it runs (dynamic import in its action), so `--help` and the
// operator commands do not pay for the web server, the test IdP or the PDF libraries at start-up.

const roles: Role[] = ['all', 'web', 'worker'];

function parseRole(value: string): Role {
  if (!(roles as string[]).includes(value)) throw new InvalidArgumentError(`use one of ${roles.join(', ')}`);
  return value as Role;
}

export function buildProgram(): Command {
  const program = new Command('asiointitili')
    .description('Kansalaisen asiointitili – secure e-services account for citizens and public organisations')
    .showHelpAfterError(false)
    .configureOutput({
      outputError: (text, write) => write(`asiointitili: ${text.replace(/^error: /, '')}`),
    });

  program
    .command('serve')
    .description('run the service: web pages, organisation API and the background worker')
    .option(
      '--demo',
      'demo mode: create a master key if missing, seed demo data, enable the test identification service',
    )
    .option('--role <role>', `which part to run: ${roles.join(' | ')}`, parseRole, 'all')
    .action(async (options: { demo?: boolean; role: Role }) => {
      const config = loadConfig();
      const { serve } = await import('../server.js');
      const demo = options.demo === true;
      const server = await serve(config, { demo, role: options.role, progress });
      if (server.address) {
        progress(`listening on ${server.address} (role ${options.role})`);
        progress(`open ${config.publicUrl.origin}/ in a browser`);
        if (demo) {
          progress('demo: identify in the test service with any bank and a personal identity code:');
          progress('  010180-9026  Maija Meikäläinen – no account yet: open one');
          progress('  270570-901K  Kimmo Mäkinen – has an account with demo mail');
          progress(`demo: staff pages at ${config.publicUrl.origin}/virkailija:`);
          progress('  150385-9046  Tiina Virkailija – admin and case worker of Ylitornion kunta');
          progress(`demo: organisation API reference at ${config.publicUrl.origin}/api-docs`);
        }
      } else {
        progress(`worker running (role ${options.role})`);
      }
      if (server.opsAddress) progress(`metrics and health checks on ${server.opsAddress}`);
      const shutdown = (signal: string) => {
        progress(`${signal} received, finishing in-flight work`);
        server.stop().then(
          () => process.exit(0),
          (error: unknown) => {
            progress(`shutdown failed: ${failureLine(error)}`);
            process.exit(1);
          },
        );
      };
      process.once('SIGTERM', () => shutdown('SIGTERM'));
      process.once('SIGINT', () => shutdown('SIGINT'));
    });

  program
    .command('migrate')
    .description('bring the database schema up to date, then exit')
    .action(async () => {
      const { migrateDatabase } = await import('../bootstrap.js');
      await migrateDatabase(loadConfig(), { demoDataDirKey: true, progress });
      progress('database schema is up to date');
    });

  program
    .command('demo')
    .description('seed the demo data (idempotent), then exit')
    .action(async () => {
      const [{ bootstrap }, { seedDemo }] = await Promise.all([
        import('../bootstrap.js'),
        import('../demo/seed-demo.js'),
      ]);
      const config = loadConfig();
      const { context, services } = await bootstrap(config, { demo: true, progress });
      try {
        await seedDemo(context, services, progress);
      } finally {
        await context.database.close();
      }
      progress('demo data is in place');
    });

  registerOrganisationCommands(program);
  registerStaffCommands(program);
  registerDeliveryCommands(program);
  registerBackupCommands(program);
  registerKeyCommands(program);
  registerAuditCommands(program);
  registerEvidenceCommands(program);
  registerPublicCommands(program);
  return program;
}

export async function main(argv: string[]): Promise<void> {
  try {
    await buildProgram().parseAsync(argv);
  } catch (error) {
    process.stderr.write(`asiointitili: ${failureLine(error)}\n`);
    process.exit(1);
  }
}
