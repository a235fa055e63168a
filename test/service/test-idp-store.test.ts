import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { TestIdpRecordRepository } from '../../src/test-idp/test-idp-record-repository.js';
import { TestIdpStore } from '../../src/test-idp/test-idp-store.js';
import { useTestDatabase } from '../helpers/suite-harness.js';
import { testDialect } from '../helpers/test-database.js';

describe(`the test IdP store in the database (${testDialect})`, () => {
  const database = useTestDatabase();
  let now = 1_000_000;
  let store: TestIdpStore;
  const countRows = async () =>
    (await database.database.db.selectFrom('test_idp_records').select('record_id').execute()).length;
  before(async () => {
    store = new TestIdpStore(new TestIdpRecordRepository(database.database.db), () => now);
  });

  it('keeps a record for its lifetime and forgets it afterwards; a second store sees it too', async () => {
    const sessions = store.adapterFor('Session');
    await sessions.upsert('s1', { uid: 'u1', accountId: 'a' }, 60);
    assert.deepEqual(await sessions.find('s1'), { uid: 'u1', accountId: 'a' });
    assert.deepEqual(await sessions.findByUid('u1'), { uid: 'u1', accountId: 'a' });
    // Another process on the same database.
    const other = new TestIdpStore(new TestIdpRecordRepository(database.database.db), () => now);
    assert.deepEqual(await other.adapterFor('Session').find('s1'), { uid: 'u1', accountId: 'a' });
    // Models do not see each other's records.
    assert.equal(await store.adapterFor('Interaction').find('s1'), undefined);
    now += 60_000;
    assert.equal(await sessions.find('s1'), undefined);
    assert.equal(await sessions.findByUid('u1'), undefined);
  });

  it('marks a code consumed, and destroys on request', async () => {
    const codes = store.adapterFor('AuthorizationCode');
    await codes.upsert('c1', { grantId: 'g1' }, 60);
    assert.equal((await codes.find('c1'))?.consumed, undefined);
    await codes.consume('c1');
    assert.equal(typeof (await codes.find('c1'))?.consumed, 'number');
    await codes.consume('missing');
    await codes.destroy('c1');
    assert.equal(await codes.find('c1'), undefined);
  });

  it('revoking a grant removes its codes and tokens, and nothing else', async () => {
    const codes = store.adapterFor('AuthorizationCode');
    const tokens = store.adapterFor('AccessToken');
    await codes.upsert('c2', { grantId: 'g2' }, 60);
    await tokens.upsert('t1', { grantId: 'g2' }, 60);
    await tokens.upsert('t2', { grantId: 'g3' }, 60);
    await tokens.revokeByGrantId('g2');
    assert.equal(await codes.find('c2'), undefined);
    assert.equal(await tokens.find('t1'), undefined);
    assert.ok(await tokens.find('t2'));
  });

  it('sweeps expired records as it goes, so the table holds only what is still valid', async () => {
    const interactions = store.adapterFor('Interaction');
    for (let n = 0; n < 50; n++) await interactions.upsert(`i${n}`, {}, 10);
    now += 120_000;
    await interactions.upsert('fresh', {}, 10);
    assert.equal(await countRows(), 1);
  });
});
