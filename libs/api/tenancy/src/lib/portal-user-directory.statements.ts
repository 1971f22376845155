import type { NamedStatement } from '@aidial/api/core';

/**
 * What an Audit Log page names, by id, in one statement: people ($1: display name and email), tenants ($2: name) and
 * pending invitations ($3: the invited address and the inviting tenant). An id that is not found is simply absent.
 */
export const DIRECTORY_NAMES: NamedStatement = {
  name: 'directory_names',
  text: `SELECT 'user' AS kind, u.id::text AS id, u.display_name AS name, u.email, NULL::text AS tenant_id
  FROM portal_user u WHERE u.id = ANY($1::uuid[])
UNION ALL
SELECT 'tenant', t.id::text, t.name, NULL, NULL FROM tenant t WHERE t.id = ANY($2::uuid[])
UNION ALL
SELECT 'invitation', i.id::text, NULL, i.email, i.tenant_id::text FROM membership_invitation i WHERE i.id = ANY($3::uuid[])`,
};
