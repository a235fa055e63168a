import type { Kysely } from 'kysely';
import { personalDataContext, type PersonalDataSeal } from '../../crypto/personal-data.js';
import type { DatabaseSchema } from '../../db/schema.js';

type Db = Kysely<DatabaseSchema>;

export type AccessLogWhose = 'others' | 'own';

export interface AccessLogRow {
  id: number;
  occurredAt: string;
  actorType: string;
  actorId: string | null;
  action: string;
  details: string | null;
}

/** All SQL of the citizen's access log: the audit entries linked to one account (audit_event_accounts). */
export class AccessLogRepository {
  constructor(
    private readonly db: Db,
    private readonly seal: PersonalDataSeal,
  ) {}

  /**
   * A page of the entries concerning the account, newest first: those by organisations, staff and
   * operators, or the citizen's own (acting as this account).
   */
  async page(
    accountId: number,
    whose: AccessLogWhose,
    limit: number,
    offset: number,
  ): Promise<AccessLogRow[]> {
    const own = String(accountId);
    return this.db
      .selectFrom('audit_event_accounts as link')
      .innerJoin('audit_events as entry', 'entry.id', 'link.audit_event_id')
      .select([
        'entry.id as id',
        'entry.occurred_at as occurredAt',
        'entry.actor_type as actorType',
        'entry.actor_id as actorId',
        'entry.action as action',
        'entry.details as details',
      ])
      .where('link.account_id', '=', accountId)
      .where((eb) =>
        whose === 'own'
          ? eb.and([eb('entry.actor_type', '=', 'citizen'), eb('entry.actor_id', '=', own)])
          : eb.or([
              eb('entry.actor_type', '!=', 'citizen'),
              eb('entry.actor_id', 'is', null),
              eb('entry.actor_id', '!=', own),
            ]),
      )
      .orderBy('link.audit_event_id', 'desc')
      .limit(limit)
      .offset(offset)
      .execute();
  }

  /** Names of organisations (fi, sv, en) by id. */
  async organisationNames(ids: readonly number[]) {
    if (ids.length === 0) return [];
    return this.db
      .selectFrom('organisations')
      .select(['id', 'name_fi as fi', 'name_sv as sv', 'name_en as en'])
      .where('id', 'in', [...ids])
      .execute();
  }

  /** Staff members' names by id. */
  async staffNames(ids: readonly number[]) {
    if (ids.length === 0) return [];
    const rows = await this.db
      .selectFrom('staff_members')
      .select(['id', 'first_names_enc', 'last_name_enc'])
      .where('id', 'in', [...ids])
      .execute();
    return rows.map((row) => ({
      id: row.id,
      firstNames: this.seal.openOptional(row.first_names_enc, personalDataContext.staffFirstNames) ?? '',
      lastName: this.seal.openOptional(row.last_name_enc, personalDataContext.staffLastName) ?? '',
    }));
  }
}
