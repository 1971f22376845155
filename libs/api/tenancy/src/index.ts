import { MembershipEntity } from './lib/entities/membership.entity';
import { MembershipInvitationEntity } from './lib/entities/membership-invitation.entity';
import { MembershipProjectEntity } from './lib/entities/membership-project.entity';
import { PortalUserEntity } from './lib/entities/portal-user.entity';
import { ProjectEntity } from './lib/entities/project.entity';
import { TenantEntity } from './lib/entities/tenant.entity';

export * from './lib/tenancy.module';
export { AccessContextService, type ApiKeyGrant, type ApiKeyAccessResolution } from './lib/access-context.service';
export { TenantDirectory } from './lib/tenant-directory';
export { type IdentityClaims, PortalUserService } from './lib/portal-user.service';
export * from './lib/entities/tenant.entity';
export * from './lib/entities/project.entity';
export * from './lib/entities/portal-user.entity';
export * from './lib/entities/membership.entity';
export * from './lib/entities/membership-project.entity';
export * from './lib/entities/membership-invitation.entity';

/** The tables this module owns, listed for the application's data source (no globs). */
export const TENANCY_ENTITIES = [
  TenantEntity,
  ProjectEntity,
  PortalUserEntity,
  MembershipEntity,
  MembershipProjectEntity,
  MembershipInvitationEntity,
];
export * from './lib/portal-user-directory';
export { TENANCY_AUDIT_EVENTS } from './lib/audit-events';
