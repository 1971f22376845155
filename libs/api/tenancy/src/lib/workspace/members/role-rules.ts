import { ApiError } from '@aidial/api/core';
import { type Role, assignableRoles, isRole } from '@aidial/shared/access';

/** A member manager may give only roles at or below their own, of their own kind of tenant: else 403 `role_not_assignable`. */
export function assertAssignable(actor: Role, role: Role): void {
  if (!assignableRoles(actor).includes(role)) throw new ApiError('role_not_assignable');
}

/**
 * A member whose role the actor could not assign (above the actor's own, or of another kind of tenant) cannot be
 * changed or removed by them. A role the portal does not recognise is below everyone: an administrator may repair it.
 */
export function assertManageable(actor: Role, memberRole: string): void {
  if (isRole(memberRole)) assertAssignable(actor, memberRole);
}
