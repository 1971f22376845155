import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { MFA_REQUIREMENT_BY_ROLE, ROLES } from '@aidial/shared/access';
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
  /** The person's place (1, 2, …) among the people listed, by name: what the limit counts. */
  readonly person_rank: number;
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
   * Raw: the memberships of active members of active tenants whose MFA is mandatory, by role or by policy, ordered by
   * tenant and name, for the first `people` people by name: a person with several such memberships counts once. Only
   * the seven roles: a membership whose role the portal does not recognise signs in to 403, nothing to set up. (A join
   * over three tables the query builder would only obscure.)
   */
  async mandatoryMfaMembers(people: number): Promise<MandatoryMfaMemberRow[]> {
    return this.tenants.query<MandatoryMfaMemberRow[]>(
      `WITH mandatory AS (
         SELECT u.id AS user_id, u.idp_subject, u.display_name, u.email, t.id AS tenant_id, t.name AS tenant_name,
                m.role, t.mfa_policy AS tenant_mfa_policy, u.mfa_policy AS user_mfa_policy
           FROM membership m
           JOIN tenant t ON t.id = m.tenant_id
           JOIN portal_user u ON u.id = m.user_id
          WHERE t.status = 'active' AND u.status = 'active' AND m.role = ANY($1::text[])
            AND (m.role = ANY($2::text[]) OR t.mfa_policy = 'required' OR u.mfa_policy = 'required')
       ), person AS (
         SELECT user_id, (row_number() OVER (ORDER BY lower(coalesce(display_name, email, '')), user_id))::int AS rank
           FROM (SELECT DISTINCT user_id, display_name, email FROM mandatory) AS people
       )
       SELECT mandatory.*, person.rank AS person_rank
         FROM mandatory JOIN person USING (user_id)
        WHERE person.rank <= $3
        ORDER BY lower(mandatory.tenant_name), mandatory.tenant_id,
                 lower(coalesce(mandatory.display_name, mandatory.email, '')), mandatory.user_id`,
      [ROLES, MANDATORY_ROLES, people],
    );
  }
}
