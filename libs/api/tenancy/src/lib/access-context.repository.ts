import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { MfaPolicySetting } from '@aidial/shared/access';
import { DataSource } from 'typeorm';
import type { ProjectScope } from './entities/membership.entity';
import type { TenantKind } from './entities/tenant.entity';

/** What the session entry reads: a membership with its user, tenant, projects, MFA policies and a confirmed client. */
export interface MembershipAccessRow {
  readonly user_status: string;
  readonly email: string | null;
  readonly display_name: string | null;
  readonly role: string;
  readonly project_scope: ProjectScope;
  readonly project_ids: string[] | null;
  readonly tenant_id: string;
  readonly tenant_name: string;
  readonly tenant_kind: TenantKind;
  readonly tenant_status: string;
  readonly client_id: string | null;
  readonly client_name: string | null;
  readonly tenant_mfa_policy: MfaPolicySetting;
  readonly user_mfa_policy: MfaPolicySetting;
  readonly tenant_sms_otp: boolean;
}

/** What the key entry reads: the key's tenant and, for a partner, its client while still managed and active. */
export interface TenantAccessRow {
  readonly tenant_name: string;
  readonly tenant_kind: TenantKind;
  readonly tenant_status: string;
  readonly client_id: string | null;
  readonly client_name: string | null;
}

/**
 * The access context's reads, one statement each: they run on every request (the per-request hot path), so they are
 * raw, joined statements rather than several repository calls.
 */
@Injectable()
export class AccessContextRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Raw: the per-request read of every signed-in request, one statement. A user with several memberships gets the oldest. */
  async membership(
    userId: string,
    tenantId: string | null,
    selectedClientId: string | null,
  ): Promise<MembershipAccessRow | null> {
    const rows = await this.dataSource.query<MembershipAccessRow[]>(
      `SELECT u.status AS user_status, u.email, u.display_name, m.role, m.project_scope,
              t.id AS tenant_id, t.name AS tenant_name, t.kind AS tenant_kind, t.status AS tenant_status,
              (SELECT array_agg(mp.project_id ORDER BY mp.project_id) FROM membership_project mp WHERE mp.membership_id = m.id) AS project_ids,
              c.id AS client_id, c.name AS client_name,
              t.mfa_policy AS tenant_mfa_policy, u.mfa_policy AS user_mfa_policy,
              COALESCE(t.feature_flags -> 'mfa.sms_otp.enabled' = 'true'::jsonb, false) AS tenant_sms_otp
         FROM portal_user u
         JOIN membership m ON m.user_id = u.id
         JOIN tenant t ON t.id = m.tenant_id
         LEFT JOIN tenant c ON c.id = $3::uuid AND t.kind = 'partner' AND c.kind = 'customer'
                           AND c.managing_partner_id = t.id AND c.status = 'active'
        WHERE u.id = $1 AND ($2::uuid IS NULL OR m.tenant_id = $2::uuid)
        ORDER BY m.created_at, m.id
        LIMIT 1`,
      [userId, tenantId, selectedClientId],
    );
    return rows[0] ?? null;
  }

  /** Raw: the per-request read of every `/v1` request after its key is checked, one statement. */
  async tenant(tenantId: string, clientId: string | null): Promise<TenantAccessRow | null> {
    const rows = await this.dataSource.query<TenantAccessRow[]>(
      `SELECT t.name AS tenant_name, t.kind AS tenant_kind, t.status AS tenant_status,
              c.id AS client_id, c.name AS client_name
         FROM tenant t
         LEFT JOIN tenant c ON c.id = $2::uuid AND t.kind = 'partner' AND c.kind = 'customer'
                           AND c.managing_partner_id = t.id AND c.status = 'active'
        WHERE t.id = $1::uuid`,
      [tenantId, clientId],
    );
    return rows[0] ?? null;
  }
}
