import { Inject, Injectable } from '@nestjs/common';
import { type AccessContextReader, type AccessRequest, type AccessResolution } from '@aidial/api/core';
import { type MfaPolicySetting, isRole } from '@aidial/shared/access';
import { DataSource } from 'typeorm';

interface MembershipRow {
  user_status: string;
  email: string | null;
  display_name: string | null;
  role: string;
  project_scope: 'all' | 'selected';
  project_ids: string[] | null;
  tenant_id: string;
  tenant_name: string;
  tenant_kind: 'customer' | 'partner' | 'internal';
  tenant_status: string;
  client_id: string | null;
  client_name: string | null;
  tenant_mfa_policy: MfaPolicySetting;
  user_mfa_policy: MfaPolicySetting;
  tenant_sms_otp: boolean;
}

/**
 * Resolves a user's access context from the database in one statement, on every request (no cache, so a role change,
 * a suspension, a removed membership or a client that changed hands applies from the next request on every API
 * instance): membership, tenant and its status, the projects of a `selected` scope, and a partner's selected client
 * (kept only while the partner still manages it and it is active), the tenant's and the user's MFA policy, and the
 * tenant's SMS one-time-code flag. A user with several memberships signs in to the oldest one. Database errors
 * propagate: the caller answers 503 `session_validation_unavailable`.
 */
@Injectable()
export class AccessContextService implements AccessContextReader {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async resolve({ userId, tenantId, selectedClientId = null }: AccessRequest): Promise<AccessResolution> {
    const rows = (await this.dataSource.query(
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
    )) as MembershipRow[];
    const row = rows[0];
    if (!row) return { ok: false, refusal: 'no_membership' };
    if (row.user_status !== 'active') return { ok: false, refusal: 'user_disabled' };
    if (!isRole(row.role)) return { ok: false, refusal: 'role_not_recognised' };
    if (row.tenant_status !== 'active') return { ok: false, refusal: 'tenant_suspended' };
    return {
      ok: true,
      context: {
        userId,
        role: row.role,
        tenant: { id: row.tenant_id, name: row.tenant_name, kind: row.tenant_kind, status: 'active' },
        client: row.client_id && row.client_name ? { id: row.client_id, name: row.client_name } : null,
        projectScope:
          row.project_scope === 'all' ? { kind: 'all' } : { kind: 'selected', projectIds: row.project_ids ?? [] },
        user: { email: row.email, displayName: row.display_name },
        mfaPolicy: { tenant: row.tenant_mfa_policy, user: row.user_mfa_policy },
        features: { smsOtp: row.tenant_sms_otp === true },
      },
    };
  }
}
