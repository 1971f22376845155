import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsString, Length } from 'class-validator';
import {
  BODY_MAX_LENGTH,
  SUBJECT_MAX_LENGTH,
  SUPPORT_TICKET_CATEGORIES,
  SUPPORT_TICKET_STATUSES,
  type SupportTicketCategory,
  type SupportTicketStatus,
} from '../entities/support-ticket.entity';

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateSupportTicketDto {
  @ApiProperty({
    enum: SUPPORT_TICKET_CATEGORIES,
    enumName: 'SupportTicketCategory',
    description:
      '`account`: your profile (a display name or email address to correct) or account; `access`: signing in, MFA, permissions; `other`: anything else.',
  })
  @IsIn(SUPPORT_TICKET_CATEGORIES)
  category!: SupportTicketCategory;

  @ApiProperty({ minLength: 1, maxLength: SUBJECT_MAX_LENGTH, description: 'Leading and trailing spaces are removed.' })
  @Transform(trimmed)
  @IsString()
  @Length(1, SUBJECT_MAX_LENGTH)
  subject!: string;

  @ApiProperty({
    minLength: 1,
    maxLength: BODY_MAX_LENGTH,
    description:
      'What you need. Never include a one-time code, recovery code, authenticator secret, password, cookie, token or key: such a ticket is refused (400 `ticket_contains_secret`).',
  })
  @Transform(trimmed)
  @IsString()
  @Length(1, BODY_MAX_LENGTH)
  body!: string;
}

export class SupportTicketDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: SUPPORT_TICKET_CATEGORIES, enumName: 'SupportTicketCategory' }) category!: SupportTicketCategory;
  @ApiProperty() subject!: string;
  @ApiProperty() body!: string;
  @ApiProperty({ enum: SUPPORT_TICKET_STATUSES, enumName: 'SupportTicketStatus' }) status!: SupportTicketStatus;
  @ApiProperty({ format: 'date-time' }) created_at!: string;
  @ApiProperty({ format: 'uuid', description: 'Who opened it.' }) created_by_id!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Their display name (or email) as last seen from the identity provider.',
  })
  created_by_name!: string | null;
  @ApiProperty({ description: 'Whether you opened it.' }) is_yours!: boolean;
}

export const SUPPORT_TICKET_LIST_SCOPES = ['own', 'tenant'] as const;
export type SupportTicketListScope = (typeof SUPPORT_TICKET_LIST_SCOPES)[number];

export class SupportTicketListDto {
  @ApiProperty({ type: SupportTicketDto, isArray: true, description: 'Newest first; at most 200.' })
  items!: SupportTicketDto[];

  @ApiProperty({
    enum: SUPPORT_TICKET_LIST_SCOPES,
    enumName: 'SupportTicketListScope',
    description: '`tenant`: every ticket of your organisation (client_admin, partner_admin); `own`: yours only.',
  })
  scope!: SupportTicketListScope;
}
