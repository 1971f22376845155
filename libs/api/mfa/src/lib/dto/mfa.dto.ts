import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import {
  MFA_ACTIONS,
  MFA_CHALLENGES,
  MFA_ENROLMENTS,
  MFA_FACTORS,
  MFA_LACKS,
  MFA_REQUIRED_BY,
  MFA_SECURITY_STATUSES,
  type MfaAction,
  type MfaChallenge,
  type MfaEnrolment,
  type MfaFactor,
  type MfaLack,
  type MfaRequiredBy,
  type MfaRequirement,
  type MfaSecurityStatus,
  RECOVERY_CODE_STATES,
  ROLES,
  type RecoveryCodeState,
  type Role,
} from '@aidial/shared/access';

export class MfaLifecycleDto {
  @ApiProperty({
    type: String,
    nullable: true,
    description:
      'The current lifecycle marker: send it with each recovery-code acknowledgement (a stale one gets 409 ' +
      '`mfa_lifecycle_stale`). Null before the user was ever seen enrolled. Not a secret, and it changes at every transition.',
  })
  marker!: string | null;

  @ApiProperty({
    enum: RECOVERY_CODE_STATES,
    enumName: 'RecoveryCodeState',
    description:
      '`ack_required`: a new or re-enabled set (or a declared regeneration) waits for "I stored my recovery codes"; ' +
      '`reminder`: a sign-in used a recovery code; `acknowledged`: nothing pending; `none`: not enrolled.',
  })
  recovery_codes!: RecoveryCodeState;
}

/** The Profile section's MFA facts and actions (spec/04), for the signed-in user's current session. */
export class MfaSummaryDto {
  @ApiProperty({ type: String, nullable: true, description: 'From the identity provider; null shows as Unavailable.' })
  display_name!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'From the identity provider; null shows as Unavailable.' })
  email!: string | null;

  @ApiProperty({ enum: ROLES, enumName: 'Role' }) role!: Role;

  @ApiProperty({ enum: ['required', 'optional'], enumName: 'MfaRequirement' }) policy!: MfaRequirement;

  @ApiProperty({
    enum: MFA_REQUIRED_BY,
    enumName: 'MfaRequiredBy',
    nullable: true,
    description:
      'Which rule requires MFA (role default first, then tenant policy, then user policy); null when optional.',
  })
  required_by!: MfaRequiredBy | null;

  @ApiProperty({ enum: MFA_ENROLMENTS, enumName: 'MfaEnrolment' }) enrolment!: MfaEnrolment;

  @ApiProperty({ enum: MFA_CHALLENGES, enumName: 'MfaChallenge' }) challenge!: MfaChallenge;

  @ApiProperty({
    enum: MFA_FACTORS,
    enumName: 'MfaFactor',
    isArray: true,
    description: 'The recognised factors the user has at the identity provider (empty when enrolment is unknown).',
  })
  allowed_factors!: MfaFactor[];

  @ApiProperty({
    enum: MFA_FACTORS,
    enumName: 'MfaFactor',
    isArray: true,
    description: "The recognised second factors this session's sign-in used, as far as the provider's session tells.",
  })
  used_factors!: MfaFactor[];

  @ApiProperty({ enum: MFA_SECURITY_STATUSES, enumName: 'MfaSecurityStatus' }) security_status!: MfaSecurityStatus;

  @ApiProperty({
    enum: MFA_LACKS,
    enumName: 'MfaLack',
    nullable: true,
    description: 'What this sign-in lacks for a required policy; null when compliant or optional.',
  })
  lacking!: MfaLack | null;

  @ApiProperty({ description: 'Policy optional, or enrolled and the challenge satisfied in this sign-in.' })
  compliant!: boolean;

  @ApiProperty({ enum: ['/settings', '/admin/profile'], enumName: 'MfaRemediationPath' })
  remediation_path!: '/settings' | '/admin/profile';

  @ApiProperty({
    type: String,
    nullable: true,
    description: "When the session's MFA snapshot was taken (its sign-in); null for a session without one.",
  })
  last_refreshed_at!: string | null;

  @ApiProperty({ type: MfaLifecycleDto }) lifecycle!: MfaLifecycleDto;

  @ApiProperty({
    enum: MFA_ACTIONS,
    enumName: 'MfaAction',
    isArray: true,
    description: 'The spec/04 MFA actions available now. `open_disable` is never offered when MFA is required.',
  })
  actions!: MfaAction[];

  @ApiProperty({
    description: 'True when setup cannot be offered now (enrolment unknown): refresh, or contact an administrator.',
  })
  setup_unavailable!: boolean;

  @ApiProperty({ description: 'True when provider management cannot be offered now (enrolment unknown).' })
  management_unavailable!: boolean;

  @ApiProperty({
    description:
      'Whether the SMS card is offered: your role allows SMS one-time codes (client_admin, partner_admin) and your ' +
      'organisation has `mfa.sms_otp.enabled` (spec/05). Enrolled or not shows in `allowed_factors` (`sms_code`).',
  })
  sms_otp_available!: boolean;
}

export class MfaMarkerDto {
  @ApiProperty({ description: 'The lifecycle marker from the summary the user acted on.', maxLength: 100 })
  @IsString()
  @Length(1, 100)
  marker!: string;
}

export class MfaProviderUrlDto {
  @ApiProperty({ description: 'The identity provider page to open in a new tab; built only from ZITADEL_ISSUER.' })
  url!: string;
}

export class MfaRefreshDto {
  @ApiProperty({ description: 'Where to send the browser: the provider signs the user in again (prompt=login).' })
  authorization_url!: string;
}

export class MfaLifecycleResultDto {
  @ApiProperty({ type: MfaLifecycleDto }) lifecycle!: MfaLifecycleDto;
}
