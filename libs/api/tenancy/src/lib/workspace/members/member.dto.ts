import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsIn, MaxLength } from 'class-validator';
import { CUSTOMER_ROLES, PARTNER_ROLES, ROLES, type Role } from '@aidial/shared/access';
import { PROJECT_SCOPES, type ProjectScope } from '../../entities/membership.entity';
import type { TeamInvitation, TeamMember } from './member.repository';

export class TeamMemberDto {
  @ApiProperty({ format: 'uuid', description: 'The membership id (what the member routes take).' }) id!: string;
  @ApiProperty({ format: 'uuid' }) user_id!: string;
  @ApiProperty({ type: String, nullable: true, description: 'As the identity provider last said; read-only here.' })
  email!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'As the identity provider last said; read-only here.' })
  display_name!: string | null;
  @ApiProperty({ description: 'One of the seven roles, or a value the portal does not recognise, shown as stored.' })
  role!: string;
  @ApiProperty({ enum: PROJECT_SCOPES, enumName: 'ProjectScopeKind' }) project_scope!: ProjectScope;
  @ApiProperty({ description: 'This membership is the caller’s own (it cannot be changed or removed by them).' })
  is_you!: boolean;

  static from(member: TeamMember, callerId: string): TeamMemberDto {
    return {
      id: member.id,
      user_id: member.userId,
      email: member.email,
      display_name: member.displayName,
      role: member.role,
      project_scope: member.projectScope,
      is_you: member.userId === callerId,
    };
  }
}

export class TeamMemberListDto {
  @ApiProperty({ type: [TeamMemberDto] }) items!: TeamMemberDto[];
}

export class TeamInvitationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'Lower-case.' }) email!: string;
  @ApiProperty({ enum: ROLES, enumName: 'Role' }) role!: Role;
  @ApiProperty() created_at!: string;

  static from(invitation: TeamInvitation): TeamInvitationDto {
    return {
      id: invitation.id,
      email: invitation.email,
      role: invitation.role,
      created_at: invitation.createdAt.toISOString(),
    };
  }
}

export class TeamInvitationListDto {
  @ApiProperty({ type: [TeamInvitationDto] }) items!: TeamInvitationDto[];
}

const EMAIL_MESSAGE = 'Enter an email address in the format name@example.com.';

/** Invites a person to a customer tenant; accepted when they sign in with this address verified by the identity provider. */
export class TeamInvitationRequestDto {
  @ApiProperty({ example: 'ava.morris@acme-health.example', description: 'Stored lower-case.' })
  @IsEmail({}, { message: EMAIL_MESSAGE })
  @MaxLength(254)
  email!: string;

  @ApiProperty({ enum: CUSTOMER_ROLES, enumName: 'CustomerRole', description: 'At or below your own role.' })
  @IsIn(CUSTOMER_ROLES)
  role!: Role;
}

export class PartnerTeamInvitationRequestDto {
  @ApiProperty({ example: 'mia.clarke@northwind.example', description: 'Stored lower-case.' })
  @IsEmail({}, { message: EMAIL_MESSAGE })
  @MaxLength(254)
  email!: string;

  @ApiProperty({ enum: PARTNER_ROLES, enumName: 'PartnerRole', description: 'At or below your own role.' })
  @IsIn(PARTNER_ROLES)
  role!: Role;
}

export class TeamRoleChangeDto {
  @ApiProperty({ enum: CUSTOMER_ROLES, enumName: 'CustomerRole', description: 'At or below your own role.' })
  @IsIn(CUSTOMER_ROLES)
  role!: Role;
}

export class PartnerTeamRoleChangeDto {
  @ApiProperty({ enum: PARTNER_ROLES, enumName: 'PartnerRole', description: 'At or below your own role.' })
  @IsIn(PARTNER_ROLES)
  role!: Role;
}
