import { sql, type Kysely } from 'kysely';
import type { DatabaseSchema, MessagesTable } from '../../db/schema.js';
import { progressFlags, progressOf } from '../messages/index.js';
import type { ServiceScope } from '../organisations/index.js';

type Db = Kysely<DatabaseSchema>;

/** How many of a service's messages to citizens share one combination of the stage's facts. */
export interface ProgressCount {
  servicePk: number;
  channel: MessagesTable['channel'];
  serviceType: MessagesTable['service_type'];
  available: boolean;
  read: boolean;
  receiptConfirmed: boolean;
  sentForPrinting: boolean;
  deliveryFailed: boolean;
  count: number;
}

export interface WaitingCount {
  servicePk: number;
  count: number;
}

/** Messages created in one UTC hour ('2025-03-10T08'), by direction and channel. */
export interface HourlyVolume {
  hour: string;
  direction: MessagesTable['direction'];
  channel: MessagesTable['channel'];
  count: number;
}

/**
 * All SQL of the staff dashboard. Every query is scoped by organisation and, when the caller may
 * see only some services, by those; counting is grouped in the database, so the work does not grow
 * with the number of messages on the application side. The queries are the same on both dialects.
 */
export class ReportingRepository {
  constructor(private readonly db: Db) {}

  /**
   * Messages to citizens counted by service, channel, kind and the facts their stage is read from
   * (messages/message-stage.ts): at most a few dozen rows per service, whatever the volume.
   */
  async progressCounts(organisationId: number, scope: ServiceScope): Promise<ProgressCount[]> {
    if (scope !== 'all' && scope.length === 0) return [];
    let query = this.db
      .selectFrom('messages as m')
      .where('m.organisation_id', '=', organisationId)
      .where('m.direction', '=', 'to_citizen');
    if (scope !== 'all') query = query.where('m.service_pk', 'in', scope);
    const rows = await query
      .select((eb) => [
        'm.service_pk as service_pk',
        'm.channel as channel',
        'm.service_type as service_type',
        ...progressFlags(eb),
        eb.fn.countAll<number | string>().as('count'),
      ])
      .groupBy([
        'm.service_pk',
        'm.channel',
        'm.service_type',
        sql`is_available`,
        sql`is_read`,
        sql`is_confirmed`,
        sql`is_printed`,
        sql`is_failed`,
      ])
      .execute();
    return rows.map((row) => ({
      servicePk: Number(row.service_pk),
      channel: row.channel,
      serviceType: row.service_type,
      ...progressOf(row),
      count: Number(row.count),
    }));
  }

  /**
   * Citizens' messages waiting for the organisation, per service: the ONE place that says what
   * "waiting" means — not yet marked handled by the organisation's staff (messages.handled_at), and
   * its content still kept.
   */
  async citizenMessagesWaiting(organisationId: number, scope: ServiceScope): Promise<WaitingCount[]> {
    if (scope !== 'all' && scope.length === 0) return [];
    let query = this.db
      .selectFrom('messages')
      .where('organisation_id', '=', organisationId)
      .where('direction', '=', 'from_citizen')
      .where('handled_at', 'is', null)
      .where('purged_at', 'is', null);
    if (scope !== 'all') query = query.where('service_pk', 'in', scope);
    const rows = await query
      .select(({ fn }) => ['service_pk', fn.countAll<number | string>().as('count')])
      .groupBy('service_pk')
      .execute();
    return rows.map((row) => ({ servicePk: Number(row.service_pk), count: Number(row.count) }));
  }

  /**
   * Messages created in [from, to) per UTC hour, direction and channel. Hours, not days: timestamps
   * are UTC text on both dialects and SQLite knows no time zones, but Helsinki's offset is whole
   * hours, so the caller can put each hour on its Helsinki day exactly (the prefix of ISO text is
   * the same on both dialects, where date functions are not).
   */
  async hourlyVolume(
    organisationId: number,
    scope: ServiceScope,
    from: string,
    to: string,
  ): Promise<HourlyVolume[]> {
    if (scope !== 'all' && scope.length === 0) return [];
    let query = this.db
      .selectFrom('messages')
      .where('organisation_id', '=', organisationId)
      .where('created_at', '>=', from)
      .where('created_at', '<', to);
    if (scope !== 'all') query = query.where('service_pk', 'in', scope);
    const hour = sql<string>`substr(created_at, 1, 13)`;
    const rows = await query
      .select(({ fn }) => [
        hour.as('hour'),
        'direction',
        'channel',
        fn.countAll<number | string>().as('count'),
      ])
      .groupBy([hour, 'direction', 'channel'])
      .execute();
    return rows.map((row) => ({
      hour: row.hour,
      direction: row.direction,
      channel: row.channel,
      count: Number(row.count),
    }));
  }
}
