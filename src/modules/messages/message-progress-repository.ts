import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { DatabaseSchema, MessagesTable } from '../../db/schema.js';
import type { MessageProgress } from './message-stage.js';

/**
 * The SQL of a message's stage facts (message-stage.ts), one definition for every query that reads
 * them: the staff's sent list and message page, and the dashboard's counts (reporting module).
 */

/** An expression builder over the messages table as `m`. */
export type MessagesEb = ExpressionBuilder<DatabaseSchema & { m: MessagesTable }, 'm'>;

/**
 * The stage's facts of the message `m` (messages/message-stage.ts) as SQL conditions: each one and
 * its negation, written out so neither depends on how a dialect binds NOT.
 */
export function factExpressions(
  eb: MessagesEb,
): Record<keyof MessageProgress, { holds: Expression<SqlBool>; fails: Expression<SqlBool> }> {
  const printed = eb
    .selectFrom('events as e')
    .select(sql<number>`1`.as('one'))
    .whereRef('e.message_id', '=', 'm.id')
    .where('e.event_type', '=', 'Sent for printing and enveloping');
  // As the dashboard: failed jobs are few, so their messages are read as one set.
  const failed = () =>
    eb
      .selectFrom('outbox_jobs as j')
      .select('j.message_id')
      .where('j.state', '=', 'failed')
      .where('j.message_id', 'is not', null);
  const column = (name: 'm.available_at' | 'm.read_at' | 'm.receipt_confirmed_at') => ({
    holds: eb(name, 'is not', null),
    fails: eb(name, 'is', null),
  });
  return {
    available: column('m.available_at'),
    read: column('m.read_at'),
    receiptConfirmed: column('m.receipt_confirmed_at'),
    sentForPrinting: { holds: eb.exists(printed), fails: eb.not(eb.exists(printed)) },
    deliveryFailed: { holds: eb('m.id', 'in', failed()), fails: eb('m.id', 'not in', failed()) },
  };
}

/** 1 when the condition holds, else 0: a fact both dialects can select and group by. */
export function flag(eb: MessagesEb, condition: Expression<SqlBool>) {
  return eb.case().when(condition).then(1).else(0).end();
}

/** Every fact of `m` as a 0/1 column (is_available … is_failed); progressOf reads them back. */
export function progressFlags(eb: MessagesEb) {
  const facts = factExpressions(eb);
  return [
    flag(eb, facts.available.holds).as('is_available'),
    flag(eb, facts.read.holds).as('is_read'),
    flag(eb, facts.receiptConfirmed.holds).as('is_confirmed'),
    flag(eb, facts.sentForPrinting.holds).as('is_printed'),
    flag(eb, facts.deliveryFailed.holds).as('is_failed'),
  ] as const;
}
