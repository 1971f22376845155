import { ApiProperty } from '@nestjs/swagger';
import { AUDIT_OUTCOMES, type AuditAction, type AuditOutcome } from '@aidial/api/core';
import { AUDIT_ACTIONS } from '../audit-event-types';
import type { AuditEventRow } from '../audit-event.repository';

export class AuditEventDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'date-time' }) occurred_at!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'Null for events of no tenant.' })
  tenant_id!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) actor_user_id!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) actor_api_key_id!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The actor’s role when the event happened.' })
  actor_role!: string | null;
  @ApiProperty({ enum: AUDIT_ACTIONS, enumName: 'AuditAction' }) action!: AuditAction;
  @ApiProperty({ enum: AUDIT_OUTCOMES, enumName: 'AuditOutcome' }) outcome!: AuditOutcome;
  @ApiProperty({ nullable: true, type: String }) target_type!: string | null;
  @ApiProperty({ nullable: true, type: String }) target_id!: string | null;
  @ApiProperty({ nullable: true, type: String }) request_id!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'The client network: last IPv4 octet, or last 80 IPv6 bits, zeroed.',
  })
  ip!: string | null;
  @ApiProperty({ nullable: true, type: String }) user_agent!: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The fields the event type declares (docs/audit.md), after the redactor.',
  })
  details!: Record<string, unknown>;

  static from(row: AuditEventRow): AuditEventDto {
    return {
      id: row.id,
      occurred_at: row.occurred_at.toISOString(),
      tenant_id: row.tenant_id,
      actor_user_id: row.actor_user_id,
      actor_api_key_id: row.actor_api_key_id,
      actor_role: row.actor_role,
      action: row.action as AuditAction,
      outcome: row.outcome as AuditOutcome,
      target_type: row.target_type,
      target_id: row.target_id,
      request_id: row.request_id,
      ip: row.ip_coarse,
      user_agent: row.user_agent,
      details: row.details,
    };
  }
}

export class AuditEventPageDto {
  @ApiProperty({ type: [AuditEventDto] }) items!: AuditEventDto[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as `cursor` for the next page; null on the last.' })
  next_cursor!: string | null;
}

export class BrokenLinkDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'The row’s position in its chain.' }) seq!: string;
  @ApiProperty({
    enum: ['hash_mismatch', 'prev_hash_mismatch', 'seq_gap', 'previous_row_missing'],
    enumName: 'AuditBrokenLinkReason',
    description:
      '`hash_mismatch`: the row’s content no longer matches its hash (altered); `prev_hash_mismatch`: it does not point to the row before it; `seq_gap`: rows before it are missing; `previous_row_missing`: the first row of the range has no predecessor or checkpoint.',
  })
  reason!: string;
}

export class AuditChainVerificationDto {
  @ApiProperty() ok!: boolean;
  @ApiProperty({ description: 'Rows checked (up to and including the first broken one).' }) checked!: number;
  @ApiProperty({ type: BrokenLinkDto, nullable: true }) first_broken!: BrokenLinkDto | null;
}

/** The CSV export's columns, in order (docs/audit.md). */
export const CSV_COLUMNS = [
  'occurred_at',
  'id',
  'tenant_id',
  'actor_user_id',
  'actor_api_key_id',
  'actor_role',
  'action',
  'outcome',
  'target_type',
  'target_id',
  'request_id',
  'ip',
  'user_agent',
  'details',
] as const;

export function csvValues(event: AuditEventDto): unknown[] {
  return CSV_COLUMNS.map((column) => (column === 'details' ? JSON.stringify(event.details) : event[column]));
}
