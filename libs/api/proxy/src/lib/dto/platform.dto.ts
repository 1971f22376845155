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

export const COMPLIANCE_RULES = ['do_not_call', 'consent', 'calling_hours'] as const;
export const COMPLIANCE_RESULTS = ['cleared', 'blocked', 'held'] as const;

export class PlatformComplianceRecordDto {
  @ApiProperty() id!: string;
  @ApiProperty({ format: 'uuid' }) project_id!: string;
  @ApiProperty({ type: String, format: 'date-time' }) checked_at!: string;
  @ApiProperty({
    enum: COMPLIANCE_RULES,
    enumName: 'ComplianceRule',
    description: 'Do Not Call Register and do-not-call lists, consent on record, or permitted calling hours.',
  })
  rule!: (typeof COMPLIANCE_RULES)[number];
  @ApiProperty({
    enum: COMPLIANCE_RESULTS,
    enumName: 'ComplianceResult',
    description: '`cleared`: dialled; `blocked`: not dialled; `held`: moved to the next permitted time.',
  })
  result!: (typeof COMPLIANCE_RESULTS)[number];
  @ApiProperty({ type: String, nullable: true, description: 'The call it cleared; null when nothing was dialled.' })
  call_id!: string | null;
  @ApiProperty({ description: 'What the platform found, in words.' }) note!: string;
}

export class PlatformComplianceTotalsDto {
  @ApiProperty() checked!: number;
  @ApiProperty() cleared!: number;
  @ApiProperty() blocked!: number;
  @ApiProperty() held!: number;
}

export class PlatformComplianceRecordsDto {
  @ApiProperty({ type: String, format: 'date-time', description: 'The start of the period the checks cover.' })
  since!: string;
  @ApiProperty({ type: PlatformComplianceTotalsDto, description: 'Every check in scope, before the `result` filter.' })
  totals!: PlatformComplianceTotalsDto;
  @ApiProperty({ type: PlatformComplianceRecordDto, isArray: true, description: 'Newest first.' })
  items!: PlatformComplianceRecordDto[];
}

export const CALLING_DAYS = ['weekdays', 'saturday', 'sunday', 'public_holidays'] as const;

export class PlatformCallingHoursDto {
  @ApiProperty({ enum: CALLING_DAYS, enumName: 'CallingDays' }) days!: (typeof CALLING_DAYS)[number];
  @ApiProperty({ type: String, nullable: true, example: '09:00', description: 'Null: no calls on these days.' })
  from!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '20:00' }) to!: string | null;
}

export const DO_NOT_CALL_SOURCES = ['national_register', 'organisation', 'uploaded'] as const;

export class PlatformDoNotCallListDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: DO_NOT_CALL_SOURCES, enumName: 'DoNotCallSource' })
  source!: (typeof DO_NOT_CALL_SOURCES)[number];
  @ApiProperty() entries!: number;
  @ApiProperty({ type: String, format: 'date-time' }) updated_at!: string;
}

export const CONSENT_KINDS = ['written', 'web_form', 'verbal', 'import'] as const;

export class PlatformConsentSourceDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: CONSENT_KINDS, enumName: 'ConsentKind' }) kind!: (typeof CONSENT_KINDS)[number];
  @ApiProperty() records!: number;
  @ApiProperty({ type: String, format: 'date-time' }) updated_at!: string;
}

export class PlatformComplianceExceptionDto {
  @ApiProperty() id!: string;
  @ApiProperty({ format: 'uuid' }) project_id!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) ends_on!: string | null;
}

export class PlatformComplianceSettingsDto {
  @ApiProperty({ example: 'Australia/Sydney', description: 'The IANA time zone the calling hours are kept in.' })
  time_zone!: string;
  @ApiProperty({ type: PlatformCallingHoursDto, isArray: true }) calling_hours!: PlatformCallingHoursDto[];
  @ApiProperty({ type: PlatformDoNotCallListDto, isArray: true }) do_not_call_lists!: PlatformDoNotCallListDto[];
  @ApiProperty({ type: PlatformConsentSourceDto, isArray: true }) consent_sources!: PlatformConsentSourceDto[];
  @ApiProperty({ type: PlatformComplianceExceptionDto, isArray: true, description: 'Of the projects in scope.' })
  exceptions!: PlatformComplianceExceptionDto[];
}

/** A tenant as the platform names it in its platform-wide answers. */
export class PlatformTenantRefDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

export const INCIDENT_SEVERITIES = ['critical', 'major', 'minor'] as const;
export const INCIDENT_STATUSES = ['investigating', 'identified', 'monitoring', 'resolved'] as const;
export const INCIDENT_STATES = ['open', 'resolved'] as const;

export class PlatformIncidentUpdateDto {
  @ApiProperty({ type: String, format: 'date-time' }) at!: string;
  @ApiProperty({ enum: INCIDENT_STATUSES, enumName: 'IncidentStatus' }) status!: (typeof INCIDENT_STATUSES)[number];
  @ApiProperty() message!: string;
}

export class PlatformIncidentDto {
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: INCIDENT_SEVERITIES, enumName: 'IncidentSeverity' })
  severity!: (typeof INCIDENT_SEVERITIES)[number];
  @ApiProperty({ enum: INCIDENT_STATUSES, enumName: 'IncidentStatus' }) status!: (typeof INCIDENT_STATUSES)[number];
  @ApiProperty({ type: String, format: 'date-time' }) started_at!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) resolved_at!: string | null;
  @ApiProperty({ description: 'What customers notice.' }) impact!: string;
  @ApiProperty({ type: PlatformTenantRefDto, isArray: true, description: 'Empty: no tenant in particular.' })
  affected_tenants!: PlatformTenantRefDto[];
  @ApiProperty({ type: PlatformIncidentUpdateDto, isArray: true, description: 'Oldest first.' })
  updates!: PlatformIncidentUpdateDto[];
}

export class PlatformIncidentListDto {
  @ApiProperty({ type: PlatformIncidentDto, isArray: true }) items!: PlatformIncidentDto[];
}

export const DISCOUNT_STATUSES = ['active', 'scheduled', 'expired'] as const;
export const DISCOUNT_SCOPES = ['call_minutes', 'platform_fee', 'all_charges'] as const;

export class PlatformDiscountDto {
  @ApiProperty() id!: string;
  @ApiProperty({ type: PlatformTenantRefDto }) tenant!: PlatformTenantRefDto;
  @ApiProperty() name!: string;
  @ApiProperty({ minimum: 0, maximum: 100 }) percent_off!: number;
  @ApiProperty({ enum: DISCOUNT_SCOPES, enumName: 'DiscountScope' }) applies_to!: (typeof DISCOUNT_SCOPES)[number];
  @ApiProperty({ type: String, format: 'date' }) starts_on!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'Null: open-ended.' })
  ends_on!: string | null;
  @ApiProperty({ enum: DISCOUNT_STATUSES, enumName: 'DiscountStatus' }) status!: (typeof DISCOUNT_STATUSES)[number];
}

export class PlatformDiscountListDto {
  @ApiProperty({ type: PlatformDiscountDto, isArray: true }) items!: PlatformDiscountDto[];
}

export const ADJUSTMENT_KINDS = ['credit', 'charge'] as const;

export class PlatformAdjustmentDto {
  @ApiProperty() id!: string;
  @ApiProperty({ type: PlatformTenantRefDto }) tenant!: PlatformTenantRefDto;
  @ApiProperty({ example: '2026-11', description: 'The bill it applies to.' }) period!: string;
  @ApiProperty({ enum: ADJUSTMENT_KINDS, enumName: 'AdjustmentKind' }) kind!: (typeof ADJUSTMENT_KINDS)[number];
  @ApiProperty({ description: 'Always positive: `kind` says whether it is taken off or added.' })
  amount_cents!: number;
  @ApiProperty({ example: 'AUD' }) currency!: string;
  @ApiProperty() reason!: string;
  @ApiProperty({ type: String, format: 'date-time' }) created_at!: string;
}

export class PlatformAdjustmentListDto {
  @ApiProperty({ type: PlatformAdjustmentDto, isArray: true, description: 'Newest first.' })
  items!: PlatformAdjustmentDto[];
}
