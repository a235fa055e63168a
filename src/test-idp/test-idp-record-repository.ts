import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../db/schema.js';

export interface TestIdpRecord {
  payload: string;
  expiresAt: number | null;
}

/** The bundled test identification service's records, in the service's own database. */
export class TestIdpRecordRepository {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  async upsert(
    model: string,
    id: string,
    record: { payload: string; grantId: string | null; userCode: string | null; uid: string | null },
    expiresAt: number | null,
  ): Promise<void> {
    const values = {
      payload: record.payload,
      grant_id: record.grantId,
      user_code: record.userCode,
      uid: record.uid,
      expires_at: expiresAt,
    };
    await this.db
      .insertInto('test_idp_records')
      .values({ model, record_id: id, ...values })
      .onConflict((oc) => oc.columns(['model', 'record_id']).doUpdateSet(values))
      .execute();
  }

  /** Stores a record that never expires, unless one is there already (the first process wins). */
  async insertIfAbsent(model: string, id: string, payload: string): Promise<void> {
    await this.db
      .insertInto('test_idp_records')
      .values({ model, record_id: id, payload, grant_id: null, user_code: null, uid: null, expires_at: null })
      .onConflict((oc) => oc.columns(['model', 'record_id']).doNothing())
      .execute();
  }

  async find(model: string, id: string, now: number): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('test_idp_records')
      .select('payload')
      .where('model', '=', model)
      .where('record_id', '=', id)
      .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
      .executeTakeFirst();
    return row?.payload;
  }

  async findBy(
    model: string,
    column: 'uid' | 'user_code',
    value: string,
    now: number,
  ): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('test_idp_records')
      .select('payload')
      .where('model', '=', model)
      .where(column, '=', value)
      .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
      .executeTakeFirst();
    return row?.payload;
  }

  async setPayload(model: string, id: string, payload: string): Promise<void> {
    await this.db
      .updateTable('test_idp_records')
      .set({ payload })
      .where('model', '=', model)
      .where('record_id', '=', id)
      .execute();
  }

  async delete(model: string, id: string): Promise<void> {
    await this.db
      .deleteFrom('test_idp_records')
      .where('model', '=', model)
      .where('record_id', '=', id)
      .execute();
  }

  async deleteByGrant(grantId: string): Promise<void> {
    await this.db.deleteFrom('test_idp_records').where('grant_id', '=', grantId).execute();
  }

  async purgeExpired(now: number): Promise<void> {
    await this.db.deleteFrom('test_idp_records').where('expires_at', '<=', now).execute();
  }
}
