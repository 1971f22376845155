import { ROLE_AUDIENCE, type Role } from './roles';

/**
 * What each role may change inside a section it can open. Opening a section is the route matrix (`SECTION_ROLES`);
 * changing something in it is this table. A role that may open the section but not perform the action gets 403
 * `insufficient_role`; the portal hides or disables the control (a convenience: the API decides).
 */
export const ACTIONS = {
  // The internal admin area (DESIGN.md §5). Operators run the service day to day, including opting a tenant in to SMS
  // one-time codes (spec/05: "opted in by an AiDial operator"); tenant lifecycle, commercial terms, security policy and
  // who holds which role stay with administrators.
  'admin.tenants.create': ['aidial_admin'],
  'admin.tenants.change_status': ['aidial_admin'],
  'admin.tenants.change_features': ['aidial_admin', 'aidial_operator'],
  'admin.tenants.change_mfa_policy': ['aidial_admin'],
  'admin.users.assign_role': ['aidial_admin'],
  'admin.incidents.manage': ['aidial_admin', 'aidial_operator'],
  'admin.capacity.manage': ['aidial_admin', 'aidial_operator'],
  'admin.status.manage': ['aidial_admin', 'aidial_operator'],
  'admin.discounts.manage': ['aidial_admin'],
  'admin.adjustments.manage': ['aidial_admin'],
  // Ending another person's sessions (a user's everywhere, or a whole tenant's) signs them out at once: security
  // response, so administrators only. Team and Partner Team end a member's sessions in their own tenant under
  // `team.manage` and `partner_team.manage`; anyone ends their own from their session list.
  'sessions.revoke': ['aidial_admin'],
  // Team (customer tenants) and Partner Team: the tenant's administrator manages members; the others read.
  'team.manage': ['client_admin'],
  'partner_team.manage': ['partner_admin'],
  // Integrations (partner and internal roles): API keys act for the whole tenant, so only its administrators create,
  // rotate and revoke them; partner_user and aidial_operator see the list read-only. Replaces the former
  // `admin.integrations.manage`, which the admin area's Integrations page (the same API) now uses too.
  'integrations.manage': ['partner_admin', 'aidial_admin'],
  // Support: a tenant's administrators see every ticket of their tenant; everyone else sees their own (docs/support.md).
  'support.view_all': ['client_admin', 'partner_admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof ACTIONS;

export function canPerform(role: Role, action: Action): boolean {
  return (ACTIONS[action] as readonly Role[]).includes(role);
}

/**
 * Seniority inside each kind of tenant, highest first. A member manager may assign a role at or below their own, never
 * above it, and only roles of their own kind of tenant.
 */
export const ROLE_RANK: Readonly<Record<Role, number>> = {
  client_admin: 3,
  client_manager: 2,
  client_staff: 1,
  partner_admin: 2,
  partner_user: 1,
  aidial_admin: 2,
  aidial_operator: 1,
};

/** The roles `actor` may give to a member of their own tenant. */
export function assignableRoles(actor: Role): Role[] {
  return (Object.keys(ROLE_RANK) as Role[]).filter(
    (role) => ROLE_AUDIENCE[role] === ROLE_AUDIENCE[actor] && ROLE_RANK[role] <= ROLE_RANK[actor],
  );
}

/** The roles a membership of a tenant of this kind may hold (the admin area assigns any of them). */
export function rolesForTenantKind(kind: 'customer' | 'partner' | 'internal'): Role[] {
  return (Object.keys(ROLE_AUDIENCE) as Role[]).filter((role) => ROLE_AUDIENCE[role] === kind);
}
