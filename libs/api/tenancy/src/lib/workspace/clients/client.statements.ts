import type { NamedStatement } from '@aidial/api/core';

/** The ids of every customer tenant partner $1 manages, whatever their status: a partner's Audit Log scope, per request. */
export const MANAGED_CLIENT_IDS: NamedStatement = {
  name: 'managed_client_ids',
  text: `SELECT id FROM tenant WHERE kind = 'customer' AND managing_partner_id = $1::uuid ORDER BY id`,
};
