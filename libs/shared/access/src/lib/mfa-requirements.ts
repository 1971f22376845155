import type { Role } from './roles';

export type MfaRequirement = 'required' | 'optional';

/** Role defaults from spec/03 ("Which Roles Require MFA?"). A tenant or user policy may still require MFA for an optional role. */
export const MFA_REQUIREMENT_BY_ROLE: Readonly<Record<Role, MfaRequirement>> = {
  client_admin: 'optional',
  client_manager: 'optional',
  client_staff: 'optional',
  partner_admin: 'required',
  partner_user: 'optional',
  aidial_admin: 'required',
  aidial_operator: 'required',
};

/** Where a non-compliant session is sent to fix MFA (spec/02 step 5). */
export const MFA_REMEDIATION_PATH = {
  customer_partner: '/settings',
  internal: '/admin/profile',
} as const;
