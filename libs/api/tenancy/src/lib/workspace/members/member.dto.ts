import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsIn, MaxLength } from 'class-validator';
import { CUSTOMER_ROLES, PARTNER_ROLES, ROLES, type Role } from '@aidial/shared/access';
import { PROJECT_SCOPES, type ProjectScope } from '../../entities/membership.entity';

export interface MemberRow {
  id: string;
  user_id: string;
  email: string | null;
  display_name: string | null;
  role: string;
  project_scope: ProjectScope;
}

export interface InvitationRow {
  id: string;
  email: string;
  role: Role;
  created_at: Date;
}

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

  static from(row: MemberRow, callerId: string): TeamMemberDto {
    return {
      id: row.id,
      user_id: row.user_id,
      email: row.email,
      display_name: row.display_name,
      role: row.role,
      project_scope: row.project_scope,
      is_you: row.user_id === callerId,
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

  static from(row: InvitationRow): TeamInvitationDto {
    return { id: row.id, email: row.email, role: row.role, created_at: row.created_at.toISOString() };
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
