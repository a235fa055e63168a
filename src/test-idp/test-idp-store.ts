/**
 * Storage for the bundled test identification service: interactions, sessions, grants, codes and
 * tokens, kept in this process's memory for as long as each is valid. That is a deliberate choice,
 * not a shortcut: the test IdP exists only in demo and test mode, stands in for a real provider's
 * short-lived sign-in state, and nothing in it must outlive the process – a restart simply means
 * signing in at the test IdP again. oidc-provider's own in-memory adapter would do the same but
 * warns on every start that it is unfit for production, which is true and beside the point here.
 *
 * The object shape is what oidc-provider expects of an adapter (one per model: Session, Grant,
 * AuthorizationCode, AccessToken, Interaction, …).
 */

type Payload = Record<string, unknown> & { uid?: string; grantId?: string; userCode?: string };

interface Entry<T> {
  value: T;
  /** Milliseconds since the epoch; Infinity when the provider gave no lifetime. */
  expiresAt: number;
}

/** Grants own codes and tokens; revoking a grant removes them all. */
const grantBound = new Set([
  'AccessToken',
  'AuthorizationCode',
  'RefreshToken',
  'DeviceCode',
  'BackchannelAuthenticationRequest',
]);

/** How often expired entries are dropped, so memory stays bounded by what is still valid. */
const sweepIntervalMs = 60_000;

export class TestIdpStore {
  readonly #records = new Map<string, Entry<Payload>>();
  /** Secondary keys (session uid, device user code) → primary record key. */
  readonly #lookups = new Map<string, Entry<string>>();
  readonly #grants = new Map<string, Set<string>>();
  #lastSweep = 0;

  constructor(private readonly now: () => number = Date.now) {}

  /** The adapter for one model, in the form oidc-provider's `adapter` setting takes (a factory). */
  readonly adapterFor = (model: string) => new TestIdpModelStore(this, model);

  put(key: string, payload: Payload, expiresInSeconds: number | undefined, lookups: string[]): void {
    const now = this.now();
    if (now - this.#lastSweep >= sweepIntervalMs) this.sweep(now);
    const expiresAt = expiresInSeconds ? now + expiresInSeconds * 1000 : Infinity;
    this.#records.set(key, { value: payload, expiresAt });
    for (const lookup of lookups) this.#lookups.set(lookup, { value: key, expiresAt });
  }

  get(key: string): Payload | undefined {
    const entry = this.#records.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.#records.delete(key);
      return undefined;
    }
    return entry.value;
  }

  lookup(secondaryKey: string): Payload | undefined {
    const entry = this.#lookups.get(secondaryKey);
    if (!entry || entry.expiresAt <= this.now()) return undefined;
    return this.get(entry.value);
  }

  delete(key: string): void {
    this.#records.delete(key);
  }

  bindToGrant(grantId: string, key: string): void {
    const keys = this.#grants.get(grantId) ?? new Set<string>();
    keys.add(key);
    this.#grants.set(grantId, keys);
  }

  revokeGrant(grantId: string): void {
    for (const key of this.#grants.get(grantId) ?? []) this.#records.delete(key);
    this.#grants.delete(grantId);
  }

  /** Entries still held (for tests of the sweep). */
  get size(): number {
    return this.#records.size;
  }

  private sweep(now: number): void {
    this.#lastSweep = now;
    for (const [key, entry] of this.#records) if (entry.expiresAt <= now) this.#records.delete(key);
    for (const [key, entry] of this.#lookups) if (entry.expiresAt <= now) this.#lookups.delete(key);
    for (const [grantId, keys] of this.#grants) {
      for (const key of keys) if (!this.#records.has(key)) keys.delete(key);
      if (keys.size === 0) this.#grants.delete(grantId);
    }
  }
}

/** One model's view of the store, with the methods oidc-provider calls. */
export class TestIdpModelStore {
  constructor(
    private readonly store: TestIdpStore,
    private readonly model: string,
  ) {}

  private key(id: string): string {
    return `${this.model}:${id}`;
  }

  async upsert(id: string, payload: Payload, expiresIn?: number): Promise<void> {
    const key = this.key(id);
    const lookups: string[] = [];
    if (this.model === 'Session' && typeof payload.uid === 'string')
      lookups.push(`session-uid:${payload.uid}`);
    if (typeof payload.userCode === 'string') lookups.push(`user-code:${payload.userCode}`);
    this.store.put(key, payload, expiresIn, lookups);
    if (grantBound.has(this.model) && typeof payload.grantId === 'string') {
      this.store.bindToGrant(payload.grantId, key);
    }
  }

  async find(id: string): Promise<Payload | undefined> {
    return this.store.get(this.key(id));
  }

  async findByUid(uid: string): Promise<Payload | undefined> {
    return this.store.lookup(`session-uid:${uid}`);
  }

  async findByUserCode(userCode: string): Promise<Payload | undefined> {
    return this.store.lookup(`user-code:${userCode}`);
  }

  /** Marks a one-time artefact (an authorization code) used; a second use is then refused. */
  async consume(id: string): Promise<void> {
    const payload = this.store.get(this.key(id));
    if (payload) payload.consumed = Math.floor(Date.now() / 1000);
  }

  async destroy(id: string): Promise<void> {
    this.store.delete(this.key(id));
  }

  async revokeByGrantId(grantId: string): Promise<void> {
    this.store.revokeGrant(grantId);
  }
}
