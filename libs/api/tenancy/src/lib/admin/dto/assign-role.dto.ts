import { ApiProperty } from '@nestjs/swagger';
import { ROLES, type Role } from '@aidial/shared/access';
import { IsIn } from 'class-validator';

export class AssignRoleDto {
  @ApiProperty({ enum: ROLES, enumName: 'Role', description: "One of the roles of the tenant's kind." })
  @IsIn(ROLES)
  role!: Role;
}
