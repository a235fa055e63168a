import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TestIdpStore } from '../../../src/test-idp/test-idp-store.js';

/** A store on a clock the test moves by hand. */
function storeAt(start = 1_000_000) {
  let now = start;
  const store = new TestIdpStore(() => now);
  return { store, advance: (ms: number) => (now += ms) };
}

describe('the test IdP store', () => {
  it('keeps a record for its lifetime and forgets it afterwards', async () => {
    const { store, advance } = storeAt();
    const sessions = store.adapterFor('Session');
    await sessions.upsert('s1', { uid: 'u1', accountId: 'a' }, 60);
    assert.deepEqual(await sessions.find('s1'), { uid: 'u1', accountId: 'a' });
    assert.deepEqual(await sessions.findByUid('u1'), { uid: 'u1', accountId: 'a' });
    // Models do not see each other's records.
    assert.equal(await store.adapterFor('Interaction').find('s1'), undefined);
    advance(60_000);
    assert.equal(await sessions.find('s1'), undefined);
    assert.equal(await sessions.findByUid('u1'), undefined);
  });

  it('marks a code consumed, and destroys on request', async () => {
    const { store } = storeAt();
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
    const { store } = storeAt();
    const codes = store.adapterFor('AuthorizationCode');
    const tokens = store.adapterFor('AccessToken');
    await codes.upsert('c1', { grantId: 'g1' }, 60);
    await tokens.upsert('t1', { grantId: 'g1' }, 60);
    await tokens.upsert('t2', { grantId: 'g2' }, 60);
    await tokens.revokeByGrantId('g1');
    assert.equal(await codes.find('c1'), undefined);
    assert.equal(await tokens.find('t1'), undefined);
    assert.ok(await tokens.find('t2'));
  });

  it('drops expired records as it goes, so memory holds only what is still valid', async () => {
    const { store, advance } = storeAt();
    const interactions = store.adapterFor('Interaction');
    for (let n = 0; n < 100; n++) await interactions.upsert(`i${n}`, {}, 10);
    assert.equal(store.size, 100);
    advance(120_000);
    await interactions.upsert('fresh', {}, 10);
    assert.equal(store.size, 1);
  });
});
