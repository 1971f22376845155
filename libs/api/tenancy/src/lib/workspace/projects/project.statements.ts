import type { NamedStatement } from '@aidial/api/core';

/**
 * The workspace's project reads (the dashboard's neighbours: the Projects pages and `/v1/projects`, per-request reads),
 * one shape each: the tenant condition (the shown customer, or the clients a partner manages) and the caller's project
 * filter ($2, null for every project).
 */
const SELECT_PROJECTS = `SELECT p.id, p.name, p.status, c.id AS client_id, c.name AS client_name
  FROM project p
  JOIN tenant c ON c.id = p.tenant_id AND c.kind = 'customer'`;
const IN_PROJECT_SCOPE = `($2::uuid[] IS NULL OR p.id = ANY($2::uuid[]))`;
const MANAGED_BY = `c.managing_partner_id = $1::uuid`;
const ORDER = `ORDER BY c.name, p.name, p.id`;

/** $1 the shown customer. */
export const PROJECTS_SHOWN: NamedStatement = {
  name: 'projects_shown',
  text: `${SELECT_PROJECTS}\n WHERE p.tenant_id = $1::uuid AND ${IN_PROJECT_SCOPE}\n ${ORDER}`,
};

/** $1 the shown customer, $3 the project. */
export const PROJECT_SHOWN: NamedStatement = {
  name: 'project_shown',
  text: `${SELECT_PROJECTS}\n WHERE p.tenant_id = $1::uuid AND ${IN_PROJECT_SCOPE} AND p.id = $3::uuid`,
};

/** $1 the partner, $3 one of its clients (null: all of them; the caller checks it is managed). */
export const PROJECTS_MANAGED: NamedStatement = {
  name: 'projects_managed',
  text: `${SELECT_PROJECTS}\n WHERE ${MANAGED_BY} AND ${IN_PROJECT_SCOPE} AND ($3::uuid IS NULL OR c.id = $3::uuid)\n ${ORDER}`,
};

/** $1 the partner, $3 the project. */
export const PROJECT_MANAGED: NamedStatement = {
  name: 'project_managed',
  text: `${SELECT_PROJECTS}\n WHERE ${MANAGED_BY} AND ${IN_PROJECT_SCOPE} AND p.id = $3::uuid`,
};
