import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ERROR_CODE_LIST, type ErrorCode } from '@aidial/shared/access';

export class FieldErrorDto {
  @ApiProperty({ example: 'email' })
  field!: string;

  @ApiProperty({ example: 'email must be an email' })
  message!: string;
}

/** The body of every non-2xx answer. */
export class ErrorEnvelopeDto {
  @ApiProperty({ enum: ERROR_CODE_LIST, enumName: 'ErrorCode', example: 'not_found' })
  code!: ErrorCode;

  @ApiProperty({
    description: 'A sentence for people. Never a stack trace, SQL, token or host.',
    example: 'Not found.',
  })
  message!: string;

  @ApiProperty({
    description: 'Also sent as the X-Request-Id response header; quote it to support.',
    example: '3f2b8c1e-8a5d-4f5e-9a4b-2c1d0e9f8a7b',
  })
  request_id!: string;

  @ApiPropertyOptional({ type: [FieldErrorDto], description: 'Present for `validation_failed`.' })
  fields?: FieldErrorDto[];

  @ApiPropertyOptional({
    enum: ['/settings', '/admin/profile'],
    enumName: 'MfaRemediationPath',
    description:
      'Present for `mfa_required`: the portal page where the user completes MFA (`/settings` for customer and ' +
      'partner roles, `/admin/profile` for internal roles).',
  })
  remediation_path?: '/settings' | '/admin/profile';
}
