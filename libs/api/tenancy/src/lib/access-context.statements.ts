import type { NamedStatement } from '@aidial/api/core';

/** A partner's selected client (parameter `$n`), kept only while the partner still manages it and it is active. */
const confirmedClient = (
  n: number,
) => `LEFT JOIN tenant c ON c.id = $${n}::uuid AND t.kind = 'partner' AND c.kind = 'customer'
                  AND c.managing_partner_id = t.id AND c.status = 'active'`;

/**
 * The session entry's per-request read: a membership with its user, tenant, projects, MFA policies and a confirmed
 * client. A user with several memberships gets the oldest. $1 user, $2 tenant (or null), $3 selected client (or null).
 */
export const MEMBERSHIP_ACCESS: NamedStatement = {
  name: 'access_membership',
  text: `SELECT u.status AS user_status, u.email, u.display_name, m.role, m.project_scope,
       t.id AS tenant_id, t.name AS tenant_name, t.kind AS tenant_kind, t.status AS tenant_status,
       (SELECT array_agg(mp.project_id ORDER BY mp.project_id) FROM membership_project mp WHERE mp.membership_id = m.id) AS project_ids,
       c.id AS client_id, c.name AS client_name,
       t.mfa_policy AS tenant_mfa_policy, u.mfa_policy AS user_mfa_policy,
       COALESCE(t.feature_flags -> 'mfa.sms_otp.enabled' = 'true'::jsonb, false) AS tenant_sms_otp
  FROM portal_user u
  JOIN membership m ON m.user_id = u.id
  JOIN tenant t ON t.id = m.tenant_id
  ${confirmedClient(3)}
 WHERE u.id = $1 AND ($2::uuid IS NULL OR m.tenant_id = $2::uuid)
 ORDER BY m.created_at, m.id
 LIMIT 1`,
};

/** The key entry's per-request read: the key's tenant and a confirmed client. $1 tenant, $2 client (or null). */
export const TENANT_ACCESS: NamedStatement = {
  name: 'access_tenant',
  text: `SELECT t.name AS tenant_name, t.kind AS tenant_kind, t.status AS tenant_status,
       c.id AS client_id, c.name AS client_name
  FROM tenant t
  ${confirmedClient(2)}
 WHERE t.id = $1::uuid`,
};
