import { ApiProperty } from '@nestjs/swagger';
import {
  MFA_CHALLENGES,
  MFA_ENROLMENTS,
  MFA_LACKS,
  MFA_REQUIRED_BY,
  MFA_SECURITY_STATUSES,
  type MfaChallenge,
  type MfaEnrolment,
  type MfaLack,
  type MfaRequiredBy,
  type MfaRequirement,
  type MfaSecurityStatus,
  ROLES,
  type Role,
  type MfaEvaluation,
} from '@aidial/shared/access';
import { type AccessContext, type SessionPrincipal, secondsUntil } from '@aidial/api/core';

export class SessionUserDto {
  @ApiProperty({ type: String, nullable: true, description: 'From the identity provider; null when it gave none.' })
  display_name!: string | null;

  @ApiProperty({ type: String, nullable: true })
  email!: string | null;
}

export class SessionTenantDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['customer', 'partner', 'internal'], enumName: 'TenantKind' }) kind!:
    'customer' | 'partner' | 'internal';
  @ApiProperty({ enum: ['active'], enumName: 'SessionTenantStatus' }) status!: 'active';
}

export class SessionClientDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
}

export class ProjectScopeDto {
  @ApiProperty({ enum: ['all', 'selected'], enumName: 'ProjectScopeKind' }) kind!: 'all' | 'selected';
  @ApiProperty({ type: [String], description: 'The projects of a `selected` scope; empty for `all`.' })
  project_ids!: string[];
}

/** How this session signed in, from the ID token (DESIGN.md §2.2). */
export class SignInFactsDto {
  @ApiProperty({
    type: [String],
    description:
      "The ID token's `amr` as Zitadel sent it (`pwd`, `otp`, `user`, `mfa`); empty when it sent none or a malformed one.",
  })
  amr!: string[];

  @ApiProperty({
    description: 'Two factors or more were used (`amr` contains `mfa`). A missing `amr` counts as single-factor.',
  })
  multi_factor!: boolean;

  @ApiProperty({ description: 'When the user last authenticated at the identity provider (`auth_time`).' })
  authenticated_at!: string;
}

/**
 * The session's MFA compliance (docs/mfa.md), from the snapshot taken at its sign-in and the policies resolved now: what
 * the portal's route guard reads to send a non-compliant session to `remediation_path`. `GET /api/mfa/summary` has the
 * full profile view (factors, lifecycle, actions).
 */
export class SessionMfaDto {
  @ApiProperty({ enum: ['required', 'optional'], enumName: 'MfaRequirement' }) policy!: MfaRequirement;
  @ApiProperty({ enum: MFA_REQUIRED_BY, enumName: 'MfaRequiredBy', nullable: true }) required_by!: MfaRequiredBy | null;
  @ApiProperty({ enum: MFA_ENROLMENTS, enumName: 'MfaEnrolment' }) enrolment!: MfaEnrolment;
  @ApiProperty({ enum: MFA_CHALLENGES, enumName: 'MfaChallenge' }) challenge!: MfaChallenge;
  @ApiProperty({ enum: MFA_SECURITY_STATUSES, enumName: 'MfaSecurityStatus' }) security_status!: MfaSecurityStatus;
  @ApiProperty({ enum: MFA_LACKS, enumName: 'MfaLack', nullable: true }) lacking!: MfaLack | null;
  @ApiProperty({ description: 'False: every route but the MFA-exempt ones answers 403 `mfa_required`.' })
  compliant!: boolean;
  @ApiProperty({ enum: ['/settings', '/admin/profile'], enumName: 'MfaRemediationPath' })
  remediation_path!: '/settings' | '/admin/profile';
}

/** The session's remaining lifetimes in whole seconds, computed by the server so the browser's clock does not matter. */
export class SessionLifetimeDto {
  @ApiProperty({
    type: 'integer',
    description: 'Seconds until the session ends unless it is used again (the absolute end caps it).',
  })
  idle_expires_in!: number;

  @ApiProperty({ type: 'integer', description: 'Seconds until the session ends however active it is.' })
  absolute_expires_in!: number;

  static from(
    lifetimes: { idleExpiresAt: Date; absoluteExpiresAt: Date },
    now: number = Date.now(),
  ): SessionLifetimeDto {
    return {
      idle_expires_in: secondsUntil(lifetimes.idleExpiresAt, now),
      absolute_expires_in: secondsUntil(lifetimes.absoluteExpiresAt, now),
    };
  }
}

/** What the portal shows about the signed-in user (spec/04 profile fields that exist so far). */
export class SessionSummaryDto {
  @ApiProperty({ type: SessionUserDto }) user!: SessionUserDto;
  @ApiProperty({ enum: ROLES, enumName: 'Role' }) role!: Role;
  @ApiProperty({ type: SessionTenantDto }) tenant!: SessionTenantDto;
  @ApiProperty({ type: SessionClientDto, nullable: true }) client!: SessionClientDto | null;
  @ApiProperty({ type: ProjectScopeDto }) project_scope!: ProjectScopeDto;
  @ApiProperty({ type: SignInFactsDto }) sign_in!: SignInFactsDto;
  @ApiProperty({ type: SessionMfaDto }) mfa!: SessionMfaDto;
  @ApiProperty({ description: 'When the session ends if idle from now on (the absolute end caps it).' })
  expires_at!: string;
  @ApiProperty({ description: 'When the session ends however active it is.' }) absolute_expires_at!: string;
  @ApiProperty({
    type: 'integer',
    description:
      'Whole seconds until the idle expiry, computed by the server (as the X-Session-Idle-Expires-In header).',
  })
  idle_expires_in!: number;
  @ApiProperty({
    type: 'integer',
    description:
      'Whole seconds until the absolute expiry, computed by the server (as the X-Session-Absolute-Expires-In header).',
  })
  absolute_expires_in!: number;

  static from(
    context: AccessContext,
    principal: SessionPrincipal,
    mfa: MfaEvaluation,
    now: number = Date.now(),
  ): SessionSummaryDto {
    return {
      user: { display_name: context.user.displayName, email: context.user.email },
      role: context.role,
      tenant: { ...context.tenant },
      client: context.client ? { ...context.client } : null,
      project_scope:
        context.projectScope.kind === 'all'
          ? { kind: 'all', project_ids: [] }
          : { kind: 'selected', project_ids: [...context.projectScope.projectIds] },
      sign_in: {
        amr: [...principal.amr],
        multi_factor: principal.amr.includes('mfa'),
        authenticated_at: principal.authTime.toISOString(),
      },
      mfa: SessionSummaryDto.mfaOf(mfa, principal),
      expires_at: principal.idleExpiresAt.toISOString(),
      absolute_expires_at: principal.absoluteExpiresAt.toISOString(),
      ...SessionLifetimeDto.from(principal, now),
    };
  }

  private static mfaOf(evaluation: MfaEvaluation, principal: SessionPrincipal): SessionMfaDto {
    return {
      policy: evaluation.policy,
      required_by: evaluation.requiredBy,
      enrolment: principal.mfa?.enrolment ?? 'unknown',
      challenge: principal.mfa?.challenge ?? 'unknown',
      security_status: evaluation.securityStatus,
      lacking: evaluation.lacking,
      compliant: evaluation.compliant,
      remediation_path: evaluation.remediationPath,
    };
  }
}
