import { ApiProperty } from '@nestjs/swagger';
import { AUDIT_OUTCOMES, type AuditAction, type AuditOutcome } from '@aidial/api/core';
import { AUDIT_ACTIONS } from '../audit-event-types';
import type { AuditEventRow } from '../audit-event.repository';
import { AUDIT_ACTOR_KINDS, type AuditActor, type AuditActorKind } from '../audit-names';

/** Who acted, in words (resolved when the event is read; the stored event keeps only ids). */
export class AuditActorDto {
  @ApiProperty({
    enum: AUDIT_ACTOR_KINDS,
    enumName: 'AuditActorKind',
    description:
      '`person`: a signed-in person; `aidial_support`: AiDial staff, as customers and partners see them (no name); ' +
      '`api_key`: an API key on `/v1`; `system`: no one signed in (a sign-in that failed before anyone was known, a ' +
      'refused key, the identity provider).',
  })
  kind!: AuditActorKind;

  @ApiProperty({
    description:
      'Pass as `actor` to see only this actor’s events: a person’s user id, `api_key:<key id>`, `aidial_support` or ' +
      '`system`.',
    example: '0f8fad5b-d9cb-469f-a165-70867728950e',
  })
  id!: string;

  @ApiProperty({
    description:
      'A person’s display name as the identity provider last gave it (their email when it gave none; “User ' +
      '(deleted)” when the person is gone); otherwise a label: “AiDial support”, “API key CRM sync …a1b2”, “System”.',
    example: 'Ben Ortiz',
  })
  name!: string;

  @ApiProperty({ nullable: true, type: String, description: 'A person’s email; null for every other kind.' })
  email!: string | null;
}

export class AuditEventDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'date-time' }) occurred_at!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'Null for events of no tenant.' })
  tenant_id!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) actor_user_id!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) actor_api_key_id!: string | null;
  @ApiProperty({
    type: AuditActorDto,
    description: 'The actor in words, resolved when the event is read; the ids above stay as they are.',
  })
  actor!: AuditActorDto;
  @ApiProperty({ nullable: true, type: String, description: 'The actor’s role when the event happened.' })
  actor_role!: string | null;
  @ApiProperty({ enum: AUDIT_ACTIONS, enumName: 'AuditAction' }) action!: AuditAction;
  @ApiProperty({ enum: AUDIT_OUTCOMES, enumName: 'AuditOutcome' }) outcome!: AuditOutcome;
  @ApiProperty({ nullable: true, type: String }) target_type!: string | null;
  @ApiProperty({ nullable: true, type: String }) target_id!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description:
      'What the event is about, in words, resolved when read: “Member Ben Ortiz”, “Tenant Northwind”, “API key CRM ' +
      'sync …a1b2”, “Invitation for ana@example.com”; “(deleted)” when it no longer exists. Null when the event is ' +
      'about nothing. Never an id.',
    example: 'Member Ben Ortiz',
  })
  target_description!: string | null;
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

  /** The event, with its actor and target put into words (audit-names.ts). */
  static from(row: AuditEventRow, words: { actor: AuditActor; target: string | null }): AuditEventDto {
    return {
      id: row.id,
      occurred_at: row.occurred_at.toISOString(),
      tenant_id: row.tenant_id,
      actor_user_id: row.actor_user_id,
      actor_api_key_id: row.actor_api_key_id,
      actor: { ...words.actor },
      actor_role: row.actor_role,
      action: row.action as AuditAction,
      outcome: row.outcome as AuditOutcome,
      target_type: row.target_type,
      target_id: row.target_id,
      target_description: words.target,
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

export class AuditActorListDto {
  @ApiProperty({
    type: [AuditActorDto],
    description:
      'Everyone who appears as an actor in your scope (for the person picker): people by name, then AiDial support ' +
      '(customers and partners), API keys and System, each once.',
  })
  items!: AuditActorDto[];
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

/**
 * The CSV export's columns, in order (docs/audit.md). Ids stay for integrators; the columns in words added later come
 * last, so a reader by position keeps working.
 */
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
  'actor_name',
  'actor_email',
  'target_description',
] as const;

export function csvValues(event: AuditEventDto): unknown[] {
  return CSV_COLUMNS.map((column) => {
    switch (column) {
      case 'details':
        return JSON.stringify(event.details);
      case 'actor_name':
        return event.actor.name;
      case 'actor_email':
        return event.actor.email;
      default:
        return event[column];
    }
  });
}
