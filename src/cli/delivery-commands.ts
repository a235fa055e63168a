import type { Command } from 'commander';

/** Operator commands: deliveries status/retry, print flush. */
export function registerDeliveryCommands(_program: Command): void {}
