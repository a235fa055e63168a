import { sql, type Kysely, type Transaction } from 'kysely';
import { personalDataContext, type PersonalDataSeal } from '../../crypto/personal-data.js';
import type { DatabaseSchema } from '../../db/schema.js';
import type { ConsentChannel, ConsentWithdrawnBy } from '../../db/schema-consents.js';

type Db = Kysely<DatabaseSchema>;

// Well below SQLite's bound-parameter limit, as the mailbox check's own account lookup.
const CHUNK = 1000;

export interface ConsentRow {
  id: number;
  organisationId: number;
  identityCode: string;
  channel: ConsentChannel;
  /** The date on the form or of the call, YYYY-MM-DD. */
  givenOn: string;
  recordedAt: string;
  recordedByStaffId: number | null;
  recordedByName: string | null;
  withdrawnAt: string | null;
  withdrawnBy: ConsentWithdrawnBy | null;
}

/** A consent with the names of the organisation that recorded it (the citizen's list). */
export interface ConsentWithOrganisation extends ConsentRow {
  organisation: { nameFi: string; nameSv: string | null; nameEn: string | null };
}

/** A consent to record: in force, so without an id or a withdrawal yet. */
export type NewConsent = Omit<ConsentRow, 'id' | 'withdrawnAt' | 'withdrawnBy'>;

const columns = [
  'c.id',
  'c.organisation_id as organisationId',
  'c.identity_code_enc as identityCodeEnc',
  'c.channel',
  'c.given_on as givenOn',
  'c.recorded_at as recordedAt',
  'c.recorded_by_staff_id as recordedByStaffId',
  'c.recorded_by_name_enc as recordedByNameEnc',
  'c.withdrawn_at as withdrawnAt',
  'c.withdrawn_by as withdrawnBy',
] as const;

type StoredConsent = Omit<ConsentRow, 'identityCode' | 'recordedByName'> & {
  identityCodeEnc: Buffer | null;
  recordedByNameEnc: Buffer | null;
};

function toConsent(
  { identityCodeEnc, recordedByNameEnc, ...row }: StoredConsent,
  seal: PersonalDataSeal,
): ConsentRow {
  // PostgreSQL returns bigint columns as strings.
  return {
    ...row,
    id: Number(row.id),
    organisationId: Number(row.organisationId),
    identityCode: seal.openOptional(identityCodeEnc, personalDataContext.consentIdentityCode) ?? '',
    recordedByStaffId: row.recordedByStaffId === null ? null : Number(row.recordedByStaffId),
    recordedByName: seal.openOptional(recordedByNameEnc, personalDataContext.consentRecordedByName),
  };
}

/** All SQL of the consent register (delivery_consents). */
export class ConsentRepository {
  constructor(
    private readonly db: Db,
    private readonly seal: PersonalDataSeal,
  ) {}

  /** The same queries inside a transaction. */
  with(trx: Transaction<DatabaseSchema>): ConsentRepository {
    return new ConsentRepository(trx, this.seal);
  }

  transaction<T>(work: (trx: Transaction<DatabaseSchema>) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(work);
  }

  /**
   * Inserts the consent unless one is in force for the organisation and person; the partial unique
   * index `delivery_consents_in_force` is the key, so two concurrent recordings store one row.
   * Returns the new row's id, or undefined when one was in force already.
   */
  async insertUnlessInForce(consent: NewConsent): Promise<number | undefined> {
    const row = await this.db
      .insertInto('delivery_consents')
      .values({
        organisation_id: consent.organisationId,
        identity_lookup: await this.seal.lookup(consent.identityCode),
        identity_code_enc: this.seal.seal(consent.identityCode, personalDataContext.consentIdentityCode),
        channel: consent.channel,
        given_on: consent.givenOn,
        recorded_at: consent.recordedAt,
        recorded_by_staff_id: consent.recordedByStaffId,
        recorded_by_name_enc: this.seal.sealOptional(
          consent.recordedByName,
          personalDataContext.consentRecordedByName,
        ),
        withdrawn_at: null,
        withdrawn_by: null,
      })
      // The conflict target names the partial index's predicate, as both databases require.
      .onConflict((conflict) =>
        conflict
          .columns(['organisation_id', 'identity_lookup'])
          .where('withdrawn_at', 'is', null)
          .doNothing(),
      )
      .returning('id')
      .executeTakeFirst();
    return row ? Number(row.id) : undefined;
  }

  async findById(id: number): Promise<ConsentRow | undefined> {
    const row = await this.db
      .selectFrom('delivery_consents as c')
      .select(columns)
      .where('c.id', '=', id)
      .executeTakeFirst();
    return row ? toConsent(row, this.seal) : undefined;
  }

  async findInForce(organisationId: number, identityCode: string): Promise<ConsentRow | undefined> {
    const row = await this.db
      .selectFrom('delivery_consents as c')
      .select(columns)
      .where('c.organisation_id', '=', organisationId)
      .where('c.identity_lookup', '=', await this.seal.lookup(identityCode))
      .where('c.withdrawn_at', 'is', null)
      .executeTakeFirst();
    return row ? toConsent(row, this.seal) : undefined;
  }

  /** The person's consents, in force or withdrawn, newest first, with the organisations' names. */
  async listForPerson(identityCode: string): Promise<ConsentWithOrganisation[]> {
    const rows = await this.db
      .selectFrom('delivery_consents as c')
      .innerJoin('organisations as o', 'o.id', 'c.organisation_id')
      .select(columns)
      .select(['o.name_fi as nameFi', 'o.name_sv as nameSv', 'o.name_en as nameEn'])
      .where('c.identity_lookup', '=', await this.seal.lookup(identityCode))
      .orderBy('c.recorded_at', 'desc')
      .orderBy('c.id', 'desc')
      .execute();
    return rows.map(({ nameFi, nameSv, nameEn, ...row }) => ({
      ...toConsent(row, this.seal),
      organisation: { nameFi, nameSv, nameEn },
    }));
  }

  /** One page of the organisation's consents, newest first; `limit` one more than shown tells of a next. */
  async listForOrganisation(organisationId: number, limit: number, offset: number): Promise<ConsentRow[]> {
    const rows = await this.db
      .selectFrom('delivery_consents as c')
      .select(columns)
      .where('c.organisation_id', '=', organisationId)
      .orderBy('c.recorded_at', 'desc')
      .orderBy('c.id', 'desc')
      .limit(limit)
      .offset(offset)
      .execute();
    return rows.map((row) => toConsent(row, this.seal));
  }

  /**
   * Marks a consent in force withdrawn, if it is the given owner's (organisation or person); false
   * when there is no such consent in force (someone else's, unknown, or withdrawn already).
   */
  async withdraw(
    id: number,
    owner: { organisationId: number } | { identityCode: string },
    by: ConsentWithdrawnBy,
    at: string,
  ): Promise<boolean> {
    let query = this.db
      .updateTable('delivery_consents')
      .set({ withdrawn_at: at, withdrawn_by: by })
      .where('id', '=', id)
      .where('withdrawn_at', 'is', null);
    query =
      'organisationId' in owner
        ? query.where('organisation_id', '=', owner.organisationId)
        : query.where('identity_lookup', '=', await this.seal.lookup(owner.identityCode));
    const result = await query.executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** Of the given identity codes, those with a consent in force for the organisation. */
  async consentedAmong(organisationId: number, identityCodes: readonly string[]): Promise<Set<string>> {
    const codeOf = await this.seal.lookups(identityCodes);
    const lookups = [...codeOf.keys()];
    const found = new Set<string>();
    for (let i = 0; i < lookups.length; i += CHUNK) {
      const rows = await this.db
        .selectFrom('delivery_consents')
        .select('identity_lookup')
        .where('organisation_id', '=', organisationId)
        .where('withdrawn_at', 'is', null)
        .where('identity_lookup', 'in', lookups.slice(i, i + CHUNK))
        .execute();
      for (const row of rows) found.add(codeOf.get(row.identity_lookup) ?? '');
    }
    return found;
  }

  /** The organisation's name and whether it is active, for the form and for recording. */
  async organisation(
    organisationId: number,
  ): Promise<
    { id: number; businessId: string; nameFi: string; nameSv: string | null; active: boolean } | undefined
  > {
    const row = await this.db
      .selectFrom('organisations')
      .select([
        'id',
        'business_id as businessId',
        'name_fi as nameFi',
        'name_sv as nameSv',
        sql<number>`case when deactivated_at is null then 1 else 0 end`.as('active'),
      ])
      .where('id', '=', organisationId)
      .executeTakeFirst();
    return row ? { ...row, id: Number(row.id), active: Number(row.active) === 1 } : undefined;
  }
}
