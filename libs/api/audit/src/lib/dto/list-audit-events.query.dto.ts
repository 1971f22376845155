import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { AUDIT_OUTCOMES, type AuditAction, type AuditOutcome } from '@aidial/api/core';
import { AUDIT_ACTIONS } from '../audit-event-types';
import { ACTOR_FILTER_PATTERN } from '../audit-names';

/** Whose events: the caller's whole scope, or one client (partners) or one tenant (internal roles). */
export class AuditScopeQueryDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Partner roles: only this managed client’s events. Any other id answers 404.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  client_id?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Internal roles: only this tenant’s events. Other roles: 404.' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  tenant_id?: string;
}

/** The filters the page and the CSV export share. snake_case on the wire, as the rest of the API. */
export class AuditEventFilterQueryDto extends AuditScopeQueryDto {
  @ApiPropertyOptional({ format: 'date-time', description: 'Events at or after this time.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Events before this time.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;

  @ApiPropertyOptional({
    description:
      'Only this actor’s events: an `actor.id` from an event or from `GET /api/audit-events/actors`. A person’s user ' +
      'id (as before), `api_key:<key id>`, `aidial_support` (AiDial staff) or `system` (no actor).',
    example: '0f8fad5b-d9cb-469f-a165-70867728950e',
  })
  @IsOptional()
  @IsString()
  @Matches(ACTOR_FILTER_PATTERN, {
    message: 'actor must be a user id, api_key:<key id>, aidial_support or system',
  })
  actor?: string;

  @ApiPropertyOptional({ enum: AUDIT_ACTIONS, enumName: 'AuditAction' })
  @IsOptional()
  @IsIn(AUDIT_ACTIONS)
  action?: AuditAction;

  @ApiPropertyOptional({ enum: AUDIT_OUTCOMES, enumName: 'AuditOutcome' })
  @IsOptional()
  @IsIn(AUDIT_OUTCOMES)
  outcome?: AuditOutcome;

  @ApiPropertyOptional({ description: 'What kind of thing the event is about: `user`, `tenant`, `membership`, …' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  target_type?: string;

  @ApiPropertyOptional({ description: 'The id of the thing the event is about.' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  target_id?: string;
}

export const DEFAULT_AUDIT_PAGE_SIZE = 50;

export class ListAuditEventsQueryDto extends AuditEventFilterQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: DEFAULT_AUDIT_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ description: 'The `next_cursor` of the previous page, unchanged.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;
}

export class VerifyAuditChainQueryDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The tenant whose chain to verify; omitted, the chain of events that belong to no tenant.',
  })
  @IsOptional()
  @IsUUID()
  tenant_id?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'From the first event at or after this time.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'To the last event before this time.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}
