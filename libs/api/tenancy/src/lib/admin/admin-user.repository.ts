import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, In, Repository } from 'typeorm';
import { MembershipEntity } from '../entities/membership.entity';
import { PortalUserEntity } from '../entities/portal-user.entity';
import { TenantEntity } from '../entities/tenant.entity';
import type { KeysetPosition } from './keyset-cursor';

/** A portal user with their memberships, each with its tenant, ordered by the tenant's lower-case name. */
export interface UserRecord {
  readonly user: PortalUserEntity;
  readonly memberships: ReadonlyArray<MembershipEntity & { readonly tenant: TenantEntity }>;
}

/** Where the Users page is in its order: users without an email address sort first, under the empty key. */
interface UserPosition {
  readonly id: string;
  readonly sort_key: string;
}

/** The internal admin area's reads of portal users and its writes of memberships. */
@Injectable()
export class AdminUserRepository {
  constructor(
    @InjectRepository(PortalUserEntity) private readonly users: Repository<PortalUserEntity>,
    @InjectRepository(MembershipEntity) private readonly memberships: Repository<MembershipEntity>,
    @InjectRepository(TenantEntity) private readonly tenants: Repository<TenantEntity>,
  ) {}

  /**
   * Raw: a keyset page (email and display name searched) ordered by lower-case email, then id, `limit` users after
   * `after`; each with its sort key, for the next cursor.
   */
  async page(
    q: string | undefined,
    after: KeysetPosition | null,
    limit: number,
  ): Promise<Array<UserRecord & { readonly sortKey: string }>> {
    const positions = await this.users.query<UserPosition[]>(
      `SELECT u.id, coalesce(lower(u.email), '') AS sort_key
         FROM portal_user u
        WHERE ($1::text IS NULL
               OR strpos(lower(coalesce(u.email, '')), lower($1::text)) > 0
               OR strpos(lower(coalesce(u.display_name, '')), lower($1::text)) > 0)
          AND ($2::text IS NULL OR (coalesce(lower(u.email), ''), u.id) > ($2::text, $3::uuid))
        ORDER BY coalesce(lower(u.email), ''), u.id
        LIMIT $4`,
      [q || null, after?.key ?? null, after?.id ?? null, limit],
    );
    const records = await this.records(positions.map((position) => position.id));
    return positions.flatMap((position) => {
      const record = records.get(position.id);
      return record ? [{ ...record, sortKey: position.sort_key }] : [];
    });
  }

  async find(id: string): Promise<UserRecord | null> {
    return (await this.records([id])).get(id) ?? null;
  }

  /** Where a person is told about a change to their account (a security notice); null when they are gone. */
  async contactOf(
    id: string,
    manager: EntityManager,
  ): Promise<{ readonly email: string | null; readonly name: string | null } | null> {
    const user = await manager
      .withRepository(this.users)
      .findOne({ select: { id: true, email: true, displayName: true }, where: { id } });
    return user ? { email: user.email, name: user.displayName } : null;
  }

  async exists(id: string, manager?: EntityManager): Promise<boolean> {
    return (manager ? manager.withRepository(this.users) : this.users).existsBy({ id });
  }

  async tenantKind(tenantId: string, manager: EntityManager): Promise<TenantEntity['kind'] | null> {
    const tenant = await manager
      .withRepository(this.tenants)
      .findOne({ select: { id: true, kind: true }, where: { id: tenantId } });
    return tenant?.kind ?? null;
  }

  /** The user's role in the tenant, locked until the transaction ends (concurrent assignments queue behind it). */
  async lockedRole(manager: EntityManager, userId: string, tenantId: string): Promise<string | null> {
    const membership = await manager.withRepository(this.memberships).findOne({
      select: { id: true, role: true },
      where: { userId, tenantId },
      lock: { mode: 'pessimistic_write' },
    });
    return membership?.role ?? null;
  }

  /** A new membership (every project) with this role, or the existing one's role changed. */
  async assign(manager: EntityManager, userId: string, tenantId: string, role: string): Promise<void> {
    await manager
      .withRepository(this.memberships)
      .createQueryBuilder()
      .insert()
      .values({ userId, tenantId, role })
      .orUpdate(['role'], ['user_id', 'tenant_id'])
      .execute();
  }

  /** Removes the membership (its project list goes with it); false when there was none. */
  async remove(manager: EntityManager, userId: string, tenantId: string): Promise<boolean> {
    const removed = await manager.withRepository(this.memberships).delete({ userId, tenantId });
    return (removed.affected ?? 0) > 0;
  }

  private async records(ids: readonly string[]): Promise<Map<string, UserRecord>> {
    if (ids.length === 0) return new Map();
    const [users, memberships] = await Promise.all([
      this.users.findBy({ id: In([...ids]) }),
      this.memberships
        .createQueryBuilder('m')
        .innerJoinAndSelect('m.tenant', 't')
        .where('m.userId IN (:...ids)', { ids })
        .orderBy('lower(t.name)')
        .addOrderBy('t.id')
        .getMany(),
    ]);
    return new Map(
      users.map((user) => [
        user.id,
        {
          user,
          memberships: memberships.flatMap((membership) =>
            membership.userId === user.id && membership.tenant ? [{ ...membership, tenant: membership.tenant }] : [],
          ),
        },
      ]),
    );
  }
}
