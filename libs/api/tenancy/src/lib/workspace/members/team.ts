import type { Action } from '@aidial/shared/access';

/**
 * Which team a members request manages. Team (customer tenants) and Partner Team (partner tenants) share one
 * implementation; they differ only in the kind of tenant whose members they list and the action that allows changes.
 */
export interface Team {
  readonly tenantKind: 'customer' | 'partner';
  readonly manageAction: Action;
}

export const CUSTOMER_TEAM: Team = { tenantKind: 'customer', manageAction: 'team.manage' };
export const PARTNER_TEAM: Team = { tenantKind: 'partner', manageAction: 'partner_team.manage' };
