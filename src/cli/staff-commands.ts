import { Option, type Command } from 'commander';
import { isValidIdentityCode } from '../domain/identity-code.js';
import { ValidationError } from '../errors.js';
import type { RevokeInput, StaffRole, StaffService } from '../modules/staff/index.js';
import { addListCommand, collect, withServices } from './organisation-commands.js';

/** The CLI's spelling of a role (`case-worker`) to the stored one. */
const roles: Record<string, StaffRole> = { admin: 'admin', 'case-worker': 'case_worker' };

/** The command line's name of what the staff service calls a field, for one-line errors. */
const optionOfField: Record<string, string> = {
  identityCode: '<identity-code>',
  service: '--service',
  role: '--role',
};

/** Checks the identity code before anything is started, so a typo costs no database connection. */
function identityCodeArgument(value: string): string {
  const code = value.trim().toUpperCase();
  if (!isValidIdentityCode(code)) {
    throw new Error(
      '<identity-code>: not a valid personal identity code (check the date and check character)',
    );
  }
  return code;
}

/** The stored role of the option's value; one line naming the option otherwise. */
function roleArgument(value: string): StaffRole {
  const role = roles[value];
  if (!role)
    throw new Error(`--role: must be ${Object.keys(roles).join(' or ')}, not ${JSON.stringify(value)}`);
  return role;
}

/** The service's validation errors, named by the option the operator typed. */
async function namingOptions<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ValidationError) {
      const option = optionOfField[error.field] ?? error.field;
      throw new Error(`${option}: ${error.message.slice(error.field.length + 2)}`, { cause: error });
    }
    throw error;
  }
}

interface RoleOptions {
  organisation: string;
  role?: string;
  service: string[];
}

/**
 * `staff add` and `staff remove` alike: the identity code and role are checked before anything is
 * started, then the change is made with the service's errors named by option.
 */
function changeRoles(
  identityCode: string,
  options: RoleOptions,
  command: Command,
  change: (staff: StaffService, input: RevokeInput) => Promise<unknown>,
): Promise<void> {
  const input: RevokeInput = {
    identityCode: identityCodeArgument(identityCode),
    businessId: options.organisation,
    role: options.role === undefined ? undefined : roleArgument(options.role),
    serviceIds: options.service,
  };
  return withServices(command, ({ services }) => namingOptions(() => change(services.staff.staff, input)));
}

/**
 * Operator commands for organisations' staff: `staff add`, `staff list` and `staff remove`. Grants
 * and revocations are audited (actor: operator). Identity codes appear only in the commands' own
 * output (stdout), never in a log.
 */
export function registerStaffCommands(program: Command): void {
  const staff = program
    .command('staff')
    .description("organisations' staff on the /virkailija pages: admins and case workers");
  const roleOption = () =>
    new Option('--role <role>', 'admin (manages the organisation) or case-worker (handles messages)');
  staff
    .command('add')
    .description(
      'give a person a role in an organisation (a case worker without --service acts for every service of it)',
    )
    .argument('<identity-code>', "the person's personal identity code")
    .requiredOption('--organisation <business-id>', 'business ID of the organisation')
    .addOption(roleOption().makeOptionMandatory())
    .option('--service <service-id>', 'a service the case worker acts for (repeatable)', collect, [])
    .action((identityCode: string, options: RoleOptions, command: Command) =>
      changeRoles(identityCode, options, command, (staff, input) =>
        // --role is mandatory here, so changeRoles has checked it.
        staff.grant({ ...input, role: input.role ?? roleArgument('') }),
      ),
    );
  addListCommand(
    staff,
    "list staff and their roles (caseWorkerServices: 'all' or the service ids)",
    '--organisation <business-id>',
    (services, businessId) => services.staff.staff.list(businessId),
  );
  staff
    .command('remove')
    .description(
      "take a person's roles in an organisation away (all of them unless --role or --service says which)",
    )
    .argument('<identity-code>', "the person's personal identity code")
    .requiredOption('--organisation <business-id>', 'business ID of the organisation')
    .addOption(roleOption())
    .option('--service <service-id>', 'only the case-worker role for this service (repeatable)', collect, [])
    .action((identityCode: string, options: RoleOptions, command: Command) =>
      changeRoles(identityCode, options, command, (staff, input) => staff.revoke(input)),
    );
}
