import type { NamedStatement } from '@aidial/api/core';

/**
 * The dashboard's whole workspace read, one statement: a partner's count of managed clients, and the shown customer's
 * member count and projects in the caller's project scope (by name, as JSON). $1 the shown customer tenant (null: a
 * partner with no client selected), $2 the caller's project ids (null: all), $3 the partner tenant (null: a customer).
 */
export const DASHBOARD_SUMMARY: NamedStatement = {
  name: 'dashboard_summary',
  text: `SELECT CASE WHEN $3::uuid IS NULL THEN NULL
              ELSE (SELECT count(*)::int FROM tenant WHERE kind = 'customer' AND managing_partner_id = $3::uuid)
         END AS managed_client_count,
       (SELECT count(*)::int FROM membership WHERE tenant_id = $1::uuid) AS member_count,
       COALESCE((SELECT json_agg(json_build_object('id', p.id, 'name', p.name, 'status', p.status) ORDER BY p.name, p.id)
                   FROM project p
                  WHERE p.tenant_id = $1::uuid AND ($2::uuid[] IS NULL OR p.id = ANY($2::uuid[]))), '[]'::json) AS projects`,
};
