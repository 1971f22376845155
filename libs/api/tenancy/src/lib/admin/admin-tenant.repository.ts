import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, type FindOptionsWhere, In, Not, Repository } from 'typeorm';
import { MembershipEntity } from '../entities/membership.entity';
import { ProjectEntity } from '../entities/project.entity';
import { type MfaPolicy, type TenantKind, type TenantStatus, TenantEntity } from '../entities/tenant.entity';
import type { KeysetPosition } from './keyset-cursor';

/** A row of the Tenants page's keyset statement. */
export interface TenantListRow {
  readonly id: string;
  readonly name: string;
  readonly kind: TenantKind;
  readonly status: TenantStatus;
  readonly mfa_policy: MfaPolicy;
  readonly created_at: Date;
  readonly sort_key: string;
  readonly sms_otp_enabled: boolean;
  readonly partner_id: string | null;
  readonly partner_name: string | null;
  readonly member_count: number;
}

export interface TenantFilter {
  readonly q?: string;
  readonly kind?: TenantKind;
  readonly status?: TenantStatus;
}

/** A tenant with what its detail page shows beside it. */
export interface TenantRecord {
  readonly tenant: TenantEntity & { readonly managingPartner: TenantEntity | null };
  readonly memberCount: number;
  readonly projects: ProjectEntity[];
  readonly managedClients: TenantEntity[];
}

/** What a change did: applied, refused because the tenant may not be changed that way, or no such tenant. */
export type TenantChange = 'changed' | 'not_changeable' | 'not_found';

/** The internal admin area's reads and writes of tenants. */
@Injectable()
export class AdminTenantRepository {
  constructor(
    @InjectRepository(TenantEntity) private readonly tenants: Repository<TenantEntity>,
    @InjectRepository(ProjectEntity) private readonly projects: Repository<ProjectEntity>,
    @InjectRepository(MembershipEntity) private readonly memberships: Repository<MembershipEntity>,
  ) {}

  /** Raw: a keyset page ordered by lower-case name, then id, `limit` rows after `after`. */
  async page(filter: TenantFilter, after: KeysetPosition | null, limit: number): Promise<TenantListRow[]> {
    return this.tenants.query<TenantListRow[]>(
      `SELECT t.id, t.name, t.kind, t.status, t.mfa_policy, t.created_at, lower(t.name) AS sort_key,
              coalesce(t.feature_flags -> 'mfa.sms_otp.enabled' = 'true'::jsonb, false) AS sms_otp_enabled,
              p.id AS partner_id, p.name AS partner_name,
              (SELECT count(*)::int FROM membership m WHERE m.tenant_id = t.id) AS member_count
         FROM tenant t LEFT JOIN tenant p ON p.id = t.managing_partner_id
        WHERE ($1::text IS NULL OR strpos(lower(t.name), lower($1::text)) > 0)
          AND ($2::text IS NULL OR t.kind = $2::text)
          AND ($3::text IS NULL OR t.status = $3::text)
          AND ($4::text IS NULL OR (lower(t.name), t.id) > ($4::text, $5::uuid))
        ORDER BY lower(t.name), t.id
        LIMIT $6`,
      [filter.q || null, filter.kind ?? null, filter.status ?? null, after?.key ?? null, after?.id ?? null, limit],
    );
  }

  /** The tenant, its member count, its projects and (a partner's) managed clients, each ordered by lower-case name. */
  async find(id: string): Promise<TenantRecord | null> {
    const tenant = await this.tenants.findOne({ where: { id }, relations: { managingPartner: true } });
    if (!tenant) return null;
    const [memberCount, projects, managedClients] = await Promise.all([
      this.memberships.countBy({ tenantId: id }),
      this.projects
        .createQueryBuilder('p')
        .where('p.tenantId = :id', { id })
        .orderBy('lower(p.name)')
        .addOrderBy('p.id')
        .getMany(),
      this.tenants
        .createQueryBuilder('c')
        .where('c.managingPartnerId = :id', { id })
        .orderBy('lower(c.name)')
        .addOrderBy('c.id')
        .getMany(),
    ]);
    return {
      tenant: { ...tenant, managingPartner: tenant.managingPartner ?? null },
      memberCount,
      projects,
      managedClients,
    };
  }

  async exists(id: string, manager?: EntityManager): Promise<boolean> {
    return this.on(manager).existsBy({ id });
  }

  async isPartner(id: string, manager: EntityManager): Promise<boolean> {
    return this.on(manager).existsBy({ id, kind: 'partner' });
  }

  /** A new active tenant with every feature flag off; its id. */
  async create(
    manager: EntityManager,
    tenant: { name: string; kind: TenantKind; managingPartnerId: string | null },
  ): Promise<string> {
    const created = await this.on(manager).save(this.tenants.create(tenant));
    return created.id;
  }

  /** The internal tenant cannot be suspended, and a closed tenant stays closed. */
  async changeStatus(manager: EntityManager, id: string, status: TenantStatus): Promise<TenantChange> {
    return this.change(manager, id, { status }, { kind: Not('internal'), status: Not('closed') });
  }

  /** Sets `mfa.sms_otp.enabled` and keeps every other flag; customer and partner tenants only. */
  async changeSmsOtp(manager: EntityManager, id: string, enabled: boolean): Promise<TenantChange> {
    const updated = await this.on(manager)
      .createQueryBuilder()
      .update()
      .set({
        featureFlags: () =>
          `coalesce(feature_flags, '{}'::jsonb) || jsonb_build_object('mfa.sms_otp.enabled', :enabled::boolean)`,
      })
      .where({ id, kind: In(['customer', 'partner']) })
      .setParameter('enabled', enabled)
      .execute();
    return this.outcome(manager, id, updated.affected);
  }

  async changeMfaPolicy(manager: EntityManager, id: string, mfaPolicy: MfaPolicy): Promise<TenantChange> {
    return this.change(manager, id, { mfaPolicy }, {});
  }

  private async change(
    manager: EntityManager,
    id: string,
    set: Partial<Pick<TenantEntity, 'status' | 'mfaPolicy'>>,
    allowed: FindOptionsWhere<TenantEntity>,
  ): Promise<TenantChange> {
    const updated = await this.on(manager).update({ ...allowed, id }, set);
    return this.outcome(manager, id, updated.affected);
  }

  private async outcome(manager: EntityManager, id: string, affected: number | undefined): Promise<TenantChange> {
    if (affected) return 'changed';
    return (await this.exists(id, manager)) ? 'not_changeable' : 'not_found';
  }

  private on(manager?: EntityManager): Repository<TenantEntity> {
    return manager ? manager.withRepository(this.tenants) : this.tenants;
  }
}
