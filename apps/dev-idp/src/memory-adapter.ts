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
  private readonly aliases = new Map<string, Map<string, string>>();

  /** oidc-provider's `adapter` option: a factory called with each model's name. */
  readonly adapterFor = (model: string): MemoryAdapter => new MemoryAdapter(this.storeOf(model), this.aliasesOf(model));

  /**
   * Lets `alias` stand for the stored `id` of `model`: a JWT access token minted over an opaque one (token-endpoint.ts)
   * is then found by oidc-provider at userinfo, introspection and revocation like the opaque token it stands for.
   */
  alias(model: string, alias: string, id: string): void {
    this.aliasesOf(model).set(alias, id);
  }

  /** The id `alias` stands for, if it is one. */
  resolve(model: string, alias: string): string | undefined {
    return this.aliases.get(model)?.get(alias);
  }

  /** What oidc-provider stored under `id` (or an alias of it), if it has not expired. */
  async payloadOf(model: string, id: string): Promise<Payload | undefined> {
    return this.adapterFor(model).find(id);
  }

  /** Forgets sessions, grants, codes and tokens: everybody is signed out. */
  clear(): void {
    for (const store of this.stores.values()) store.clear();
    for (const aliases of this.aliases.values()) aliases.clear();
  }

  private storeOf(model: string): Map<string, Entry> {
    let store = this.stores.get(model);
    if (!store) {
      store = new Map();
      this.stores.set(model, store);
    }
    return store;
  }

  private aliasesOf(model: string): Map<string, string> {
    let aliases = this.aliases.get(model);
    if (!aliases) {
      aliases = new Map();
      this.aliases.set(model, aliases);
    }
    return aliases;
  }
}

export class MemoryAdapter {
  private readonly entries: Map<string, Entry>;
  private readonly aliases: ReadonlyMap<string, string>;

  constructor(entries: Map<string, Entry>, aliases: ReadonlyMap<string, string>) {
    this.entries = entries;
    this.aliases = aliases;
  }

  async upsert(id: string, payload: Payload, expiresIn: number | undefined): Promise<void> {
    this.entries.set(id, { payload, expiresAt: expiresIn ? Date.now() + expiresIn * 1000 : undefined });
  }

  async find(idOrAlias: string): Promise<Payload | undefined> {
    const id = this.aliases.get(idOrAlias) ?? idOrAlias;
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
