import type { Command } from 'commander';

/** Operator commands: org add/list, service add/list, credentials create/revoke. */
export function registerOrganisationCommands(_program: Command): void {}
