/**
 * oidc-provider's storage, in memory: the dev-idp keeps no state across restarts by design. Implements the adapter
 * interface from oidc-provider's documentation (one adapter per model name; payloads expire after their TTL).
 */
export type Payload = Record<string, unknown> & { grantId?: string; userCode?: string; uid?: string };

interface Entry {
  payload: Payload;
  expiresAt: number | undefined;
}

export class MemoryStorage {
  private readonly stores = new Map<string, Map<string, Entry>>();

  /** oidc-provider's `adapter` option: a factory called with each model's name. */
  readonly adapterFor = (model: string): MemoryAdapter => {
    let store = this.stores.get(model);
    if (!store) {
      store = new Map();
      this.stores.set(model, store);
    }
    return new MemoryAdapter(store);
  };

  /** Forgets sessions, grants, codes and tokens: everybody is signed out. */
  clear(): void {
    for (const store of this.stores.values()) store.clear();
  }
}

export class MemoryAdapter {
  private readonly entries: Map<string, Entry>;

  constructor(entries: Map<string, Entry>) {
    this.entries = entries;
  }

  async upsert(id: string, payload: Payload, expiresIn: number | undefined): Promise<void> {
    this.entries.set(id, { payload, expiresAt: expiresIn ? Date.now() + expiresIn * 1000 : undefined });
  }

  async find(id: string): Promise<Payload | undefined> {
    const entry = this.entries.get(id);
    if (!entry) return undefined;
    if (entry.expiresAt !== undefined && entry.expiresAt <= Date.now()) {
      this.entries.delete(id);
      return undefined;
    }
    return entry.payload;
  }

  async findByUserCode(userCode: string): Promise<Payload | undefined> {
    return this.findBy((payload) => payload.userCode === userCode);
  }

  async findByUid(uid: string): Promise<Payload | undefined> {
    return this.findBy((payload) => payload.uid === uid);
  }

  async consume(id: string): Promise<void> {
    const entry = this.entries.get(id);
    if (entry) entry.payload = { ...entry.payload, consumed: Math.floor(Date.now() / 1000) };
  }

  async destroy(id: string): Promise<void> {
    this.entries.delete(id);
  }

  async revokeByGrantId(grantId: string): Promise<void> {
    for (const [id, entry] of this.entries) {
      if (entry.payload.grantId === grantId) this.entries.delete(id);
    }
  }

  private async findBy(predicate: (payload: Payload) => boolean): Promise<Payload | undefined> {
    for (const id of [...this.entries.keys()]) {
      const payload = await this.find(id);
      if (payload && predicate(payload)) return payload;
    }
    return undefined;
  }
}
