import type { TestIdpRecordRepository } from './test-idp-record-repository.js';

/**
 * Storage for the bundled test identification service (interactions, sessions, grants, codes), in
 * the service's own database, so that a sign-in begun through one web process can finish through
 * another behind a load balancer. Records expire with the lifetimes oidc-provider gives them and are
 * swept now and then. The test IdP exists only in demo and test mode.
 *
 * The object shape is what oidc-provider expects of an adapter (one per model: Session, Grant,
 * AuthorizationCode, AccessToken, Interaction, …).
 */

type Payload = Record<string, unknown> & { uid?: string; grantId?: string; userCode?: string };

/** How often expired records are swept. */
const sweepIntervalMs = 60_000;

export class TestIdpStore {
  #lastSweep = 0;

  constructor(
    readonly records: TestIdpRecordRepository,
    readonly now: () => number = Date.now,
  ) {}

  /** The adapter for one model, in the form oidc-provider's `adapter` setting takes (a factory). */
  readonly adapterFor = (model: string) => new TestIdpModelStore(this, model);

  async sweepNow(): Promise<void> {
    const now = this.now();
    if (now - this.#lastSweep < sweepIntervalMs) return;
    this.#lastSweep = now;
    await this.records.purgeExpired(now);
  }
}

function parse(payload: string | undefined): Payload | undefined {
  return payload === undefined ? undefined : (JSON.parse(payload) as Payload);
}

/** One model's view of the store, with the methods oidc-provider calls. */
export class TestIdpModelStore {
  constructor(
    private readonly store: TestIdpStore,
    private readonly model: string,
  ) {}

  async upsert(id: string, payload: Payload, expiresIn?: number): Promise<void> {
    await this.store.sweepNow();
    await this.store.records.upsert(
      this.model,
      id,
      {
        payload: JSON.stringify(payload),
        grantId: typeof payload.grantId === 'string' ? payload.grantId : null,
        userCode: typeof payload.userCode === 'string' ? payload.userCode : null,
        uid: typeof payload.uid === 'string' ? payload.uid : null,
      },
      expiresIn ? this.store.now() + expiresIn * 1000 : null,
    );
  }

  async find(id: string): Promise<Payload | undefined> {
    return parse(await this.store.records.find(this.model, id, this.store.now()));
  }

  async findByUid(uid: string): Promise<Payload | undefined> {
    return parse(await this.store.records.findBy(this.model, 'uid', uid, this.store.now()));
  }

  async findByUserCode(userCode: string): Promise<Payload | undefined> {
    return parse(await this.store.records.findBy(this.model, 'user_code', userCode, this.store.now()));
  }

  /** Marks a one-time artefact (an authorization code) used; a second use is then refused. */
  async consume(id: string): Promise<void> {
    const payload = await this.find(id);
    if (!payload) return;
    payload.consumed = Math.floor(this.store.now() / 1000);
    await this.store.records.setPayload(this.model, id, JSON.stringify(payload));
  }

  async destroy(id: string): Promise<void> {
    await this.store.records.delete(this.model, id);
  }

  async revokeByGrantId(grantId: string): Promise<void> {
    await this.store.records.deleteByGrant(grantId);
  }
}
