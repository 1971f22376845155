import { ApiProperty } from '@nestjs/swagger';
import { SESSION_REVOCATION_NOTE_MAX_LENGTH } from '@aidial/shared/access';
import { Transform } from 'class-transformer';
import { IsString, Length } from 'class-validator';

/**
 * Ending someone else's sessions, from the admin area (a user, a tenant) or from Team and Partner Team (a member). The
 * note is required: the person signed out reads it in their ended-sessions history, and the audit log keeps it.
 */
export class RevokeSessionsDto {
  @ApiProperty({
    minLength: 1,
    maxLength: SESSION_REVOCATION_NOTE_MAX_LENGTH,
    example: 'Laptop reported stolen; please sign in again.',
    description:
      'Why, in words the person signed out will read in their session history (and the audit log keeps). Leading and trailing spaces are removed.',
  })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @Length(1, SESSION_REVOCATION_NOTE_MAX_LENGTH)
  note!: string;
}

/** How many live sessions were ended (0 when there were none: the request still succeeds and is recorded). */
export class SessionsRevokedDto {
  @ApiProperty({ minimum: 0, example: 2 }) revoked!: number;
}
