import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { MFA_REQUIREMENT_BY_ROLE } from '@aidial/shared/access';
import { Repository } from 'typeorm';
import { TenantEntity, type TenantStatus } from '../entities/tenant.entity';

/** A membership whose MFA is mandatory (by its role, its tenant's policy or its user's), with who and where. */
export interface MandatoryMfaMemberRow {
  readonly user_id: string;
  readonly idp_subject: string;
  readonly display_name: string | null;
  readonly email: string | null;
  readonly tenant_id: string;
  readonly tenant_name: string;
  readonly role: string;
  readonly tenant_mfa_policy: 'role_default' | 'required';
  readonly user_mfa_policy: 'role_default' | 'required';
}

/** The roles whose MFA is mandatory whatever the policies (spec/03). */
const MANDATORY_ROLES = Object.entries(MFA_REQUIREMENT_BY_ROLE)
  .filter(([, requirement]) => requirement === 'required')
  .map(([role]) => role);

/** The admin home's reads: two statements, whatever the number of tenants and members. */
@Injectable()
export class AdminOverviewRepository {
  constructor(@InjectRepository(TenantEntity) private readonly tenants: Repository<TenantEntity>) {}

  /** Tenants counted by status (statuses with none are absent). */
  async tenantCounts(): Promise<Array<{ readonly status: TenantStatus; readonly count: number }>> {
    const rows = await this.tenants
      .createQueryBuilder('t')
      .select('t.status', 'status')
      .addSelect('count(*)::int', 'count')
      .groupBy('t.status')
      .getRawMany<{ status: TenantStatus; count: number }>();
    return rows;
  }

  /**
   * Raw: the active members of active tenants whose MFA is mandatory, by role or by policy, ordered by tenant and
   * name; at most `limit` (a join over three tables the query builder would only obscure).
   */
  async mandatoryMfaMembers(limit: number): Promise<MandatoryMfaMemberRow[]> {
    return this.tenants.query<MandatoryMfaMemberRow[]>(
      `SELECT u.id AS user_id, u.idp_subject, u.display_name, u.email, t.id AS tenant_id, t.name AS tenant_name,
              m.role, t.mfa_policy AS tenant_mfa_policy, u.mfa_policy AS user_mfa_policy
         FROM membership m
         JOIN tenant t ON t.id = m.tenant_id
         JOIN portal_user u ON u.id = m.user_id
        WHERE t.status = 'active' AND u.status = 'active'
          AND (m.role = ANY($1::text[]) OR t.mfa_policy = 'required' OR u.mfa_policy = 'required')
        ORDER BY lower(t.name), t.id, lower(coalesce(u.display_name, u.email, '')), u.id
        LIMIT $2`,
      [MANDATORY_ROLES, limit],
    );
  }
}
