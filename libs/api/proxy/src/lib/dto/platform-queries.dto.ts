import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';
import {
  CALL_DIRECTIONS,
  CALL_OUTCOMES,
  CAMPAIGN_STATUSES,
  COMPLIANCE_RESULTS,
  DISCOUNT_STATUSES,
  INCIDENT_STATES,
} from './platform.dto';

const MONTH = /^[0-9]{4}-(0[1-9]|1[0-2])$/;

/**
 * The filters the proxied platform routes take, checked before anything is sent to the platform: a bad one answers
 * 400 `validation_failed` (the global pipe), an unknown one too. What is forwarded is what passed here.
 */
export class PlatformCallsQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only the calls of this project (within your project scope).' })
  @IsOptional()
  @IsUUID()
  project_id?: string;

  @ApiPropertyOptional({ enum: CALL_DIRECTIONS, enumName: 'CallDirection' })
  @IsOptional()
  @IsIn(CALL_DIRECTIONS)
  direction?: (typeof CALL_DIRECTIONS)[number];

  @ApiPropertyOptional({ enum: CALL_OUTCOMES, enumName: 'CallOutcome' })
  @IsOptional()
  @IsIn(CALL_OUTCOMES)
  outcome?: (typeof CALL_OUTCOMES)[number];

  @ApiPropertyOptional({
    description: 'The `next_cursor` of the previous page, unchanged (a position in the list).',
    pattern: '^[0-9]{1,9}$',
  })
  @IsOptional()
  @Matches(/^[0-9]{1,9}$/, { message: 'cursor must be the next_cursor of a previous page' })
  cursor?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 100, default: 25 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

export class PlatformBillingQueryDto {
  @ApiPropertyOptional({
    description: 'A calendar month; this month when absent.',
    example: '2026-11',
    pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$',
  })
  @IsOptional()
  @Matches(MONTH, { message: 'period must be a month, YYYY-MM' })
  period?: string;
}

export class PlatformCampaignsQueryDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Only the campaigns of this project (within your project scope).',
  })
  @IsOptional()
  @IsUUID()
  project_id?: string;

  @ApiPropertyOptional({ enum: CAMPAIGN_STATUSES, enumName: 'CampaignStatus' })
  @IsOptional()
  @IsIn(CAMPAIGN_STATUSES)
  status?: (typeof CAMPAIGN_STATUSES)[number];
}

export class PlatformComplianceRecordsQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only the checks of this project (within your project scope).' })
  @IsOptional()
  @IsUUID()
  project_id?: string;

  @ApiPropertyOptional({ enum: COMPLIANCE_RESULTS, enumName: 'ComplianceResult' })
  @IsOptional()
  @IsIn(COMPLIANCE_RESULTS)
  result?: (typeof COMPLIANCE_RESULTS)[number];
}

export class PlatformIncidentsQueryDto {
  @ApiPropertyOptional({ enum: INCIDENT_STATES, enumName: 'IncidentState', description: 'Open or resolved only.' })
  @IsOptional()
  @IsIn(INCIDENT_STATES)
  status?: (typeof INCIDENT_STATES)[number];
}

export class PlatformDiscountsQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only this tenant’s discounts.' })
  @IsOptional()
  @IsUUID()
  tenant_id?: string;

  @ApiPropertyOptional({ enum: DISCOUNT_STATUSES, enumName: 'DiscountStatus' })
  @IsOptional()
  @IsIn(DISCOUNT_STATUSES)
  status?: (typeof DISCOUNT_STATUSES)[number];
}

export class PlatformAdjustmentsQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only this tenant’s adjustments.' })
  @IsOptional()
  @IsUUID()
  tenant_id?: string;

  @ApiPropertyOptional({ description: 'Only the adjustments of this bill.', example: '2026-11', pattern: MONTH.source })
  @IsOptional()
  @Matches(MONTH, { message: 'period must be a month, YYYY-MM' })
  period?: string;
}

/** A validated filter set, as forwarded: only the names the route allows, each as the string the caller sent. */
export type PlatformQuery =
  | PlatformCallsQueryDto
  | PlatformBillingQueryDto
  | PlatformCampaignsQueryDto
  | PlatformComplianceRecordsQueryDto
  | PlatformIncidentsQueryDto
  | PlatformDiscountsQueryDto
  | PlatformAdjustmentsQueryDto;
