/**
 * The seven portal roles (DESIGN.md §5). A role string not in this list is "not recognised" and gets 403
 * `access_denied`.
 */
export const ROLES = [
  'client_admin',
  'client_manager',
  'client_staff',
  'partner_admin',
  'partner_user',
  'aidial_admin',
  'aidial_operator',
] as const;

export type Role = (typeof ROLES)[number];

/** Which kind of tenant a role belongs to. */
export type Audience = 'customer' | 'partner' | 'internal';

export const ROLE_AUDIENCE: Readonly<Record<Role, Audience>> = {
  client_admin: 'customer',
  client_manager: 'customer',
  client_staff: 'customer',
  partner_admin: 'partner',
  partner_user: 'partner',
  aidial_admin: 'internal',
  aidial_operator: 'internal',
};

export const CUSTOMER_ROLES: readonly Role[] = ROLES.filter((role) => ROLE_AUDIENCE[role] === 'customer');
export const PARTNER_ROLES: readonly Role[] = ROLES.filter((role) => ROLE_AUDIENCE[role] === 'partner');
export const INTERNAL_ROLES: readonly Role[] = ROLES.filter((role) => ROLE_AUDIENCE[role] === 'internal');

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Internal users live in the admin area: they are sent to `/admin` when they open a customer or partner route. */
export function isInternalRole(role: Role): boolean {
  return ROLE_AUDIENCE[role] === 'internal';
}

/** What people read for each role, everywhere the portal names one (spec/02): never the code. */
export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  client_admin: 'Client Administrator',
  client_manager: 'Client Manager',
  client_staff: 'Client Staff',
  partner_admin: 'Partner Administrator',
  partner_user: 'Partner User',
  aidial_admin: 'AiDial Administrator',
  aidial_operator: 'AiDial Operator',
};

/**
 * A role's label; a value that is not one of the seven (a role the portal does not know) reads as such, not as its
 * code.
 */
export function roleLabel(role: string): string {
  return isRole(role) ? ROLE_LABELS[role] : 'Unrecognised role';
}
