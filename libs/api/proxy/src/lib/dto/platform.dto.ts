import { ApiProperty } from '@nestjs/swagger';

/**
 * The shapes of the platform API's answers as AiDial Access passes them on (apps/dev-platform serves the same). The
 * proxy forwards the platform's JSON as it is; these classes document it for the portal's generated client.
 */
export const CALL_DIRECTIONS = ['inbound', 'outbound'] as const;
export const CALL_OUTCOMES = ['answered', 'voicemail', 'no_answer', 'failed'] as const;
export const CAMPAIGN_STATUSES = ['draft', 'running', 'paused', 'completed'] as const;

export class PlatformCallDto {
  @ApiProperty() id!: string;
  @ApiProperty({ format: 'uuid' }) project_id!: string;
  @ApiProperty({ type: String, format: 'date-time' }) started_at!: string;
  @ApiProperty({ enum: CALL_DIRECTIONS, enumName: 'CallDirection' }) direction!: (typeof CALL_DIRECTIONS)[number];
  @ApiProperty() duration_seconds!: number;
  @ApiProperty({ enum: CALL_OUTCOMES, enumName: 'CallOutcome' })
  outcome!: (typeof CALL_OUTCOMES)[number];
  @ApiProperty({ type: String, nullable: true, description: 'Only on a single call.', required: false })
  summary?: string | null;
}

export class PlatformCallPageDto {
  @ApiProperty({ type: PlatformCallDto, isArray: true }) items!: PlatformCallDto[];
  @ApiProperty({ type: String, nullable: true }) next_cursor!: string | null;
}

export class PlatformBillingProjectDto {
  @ApiProperty({ format: 'uuid' }) project_id!: string;
  @ApiProperty() calls!: number;
  @ApiProperty() minutes!: number;
  @ApiProperty() amount_cents!: number;
}

export class PlatformBillingSummaryDto {
  @ApiProperty({ example: '2026-11' }) period!: string;
  @ApiProperty({ example: 'AUD' }) currency!: string;
  @ApiProperty() calls!: number;
  @ApiProperty() minutes!: number;
  @ApiProperty() amount_cents!: number;
  @ApiProperty({ type: PlatformBillingProjectDto, isArray: true }) projects!: PlatformBillingProjectDto[];
}

export class PlatformCampaignDto {
  @ApiProperty() id!: string;
  @ApiProperty({ format: 'uuid' }) project_id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: CAMPAIGN_STATUSES, enumName: 'CampaignStatus' })
  status!: (typeof CAMPAIGN_STATUSES)[number];
  @ApiProperty() contacts!: number;
  @ApiProperty() completed!: number;
}

export class PlatformCampaignListDto {
  @ApiProperty({ type: PlatformCampaignDto, isArray: true }) items!: PlatformCampaignDto[];
}

export class PlatformCapacityDto {
  @ApiProperty({ enum: ['tenant', 'platform'], enumName: 'CapacityScope' }) scope!: 'tenant' | 'platform';
  @ApiProperty() concurrent_lines!: number;
  @ApiProperty() in_use!: number;
  @ApiProperty() queued!: number;
  @ApiProperty({ type: String, format: 'date-time' }) updated_at!: string;
}

export class PlatformDashboardSummaryDto {
  @ApiProperty() calls_today!: number;
  @ApiProperty({ description: 'Share of today’s calls answered, 0–1.' }) answered_rate!: number;
  @ApiProperty() minutes_this_month!: number;
  @ApiProperty() active_campaigns!: number;
}
