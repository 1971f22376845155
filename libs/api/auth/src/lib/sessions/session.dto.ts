import { ApiProperty } from '@nestjs/swagger';
import { SESSION_END_REASONS, type SessionEndReason } from '@aidial/shared/access';
import type { EndedSessionRecord, LiveSessionRecord, SessionListEntry } from '@aidial/api/sessions';
import { type UserAgentSummary, SESSION_DEVICES, type SessionDevice, describeUserAgent } from './user-agent';

/** An ended session as the history shows it: the stored record, and the name of the administrator who ended it. */
export type NamedEndedSession = EndedSessionRecord & { readonly endedByName: string | null };

/** What a person recognises a browser by. The raw user agent and the full address never leave the server. */
abstract class SessionDeviceDto {
  @ApiProperty({ format: 'uuid' }) id!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Browser and major version read from the user agent, e.g. `Chrome 131`; null when not recognised.',
  })
  browser!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Operating system, e.g. `macOS`, `Windows 10/11`, `Android 14`, `iOS 17`; null when not recognised.',
  })
  os!: string | null;

  @ApiProperty({ enum: SESSION_DEVICES, enumName: 'SessionDevice' }) device!: SessionDevice;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The network signed in from: the IPv4 address with its last octet zeroed, or the IPv6 /48.',
  })
  ip_coarse!: string | null;

  @ApiProperty({ format: 'date-time', description: 'When the user signed in.' }) created_at!: string;

  @ApiProperty({
    format: 'date-time',
    description: 'The last request seen (recorded at most once a minute).',
  })
  last_active_at!: string;
}

export class SessionDto extends SessionDeviceDto {
  @ApiProperty({
    format: 'date-time',
    description: 'When the session ends unless it is used again (capped by the absolute end).',
  })
  idle_expires_at!: string;

  @ApiProperty({ format: 'date-time', description: 'When the session ends however active it is.' })
  absolute_expires_at!: string;

  @ApiProperty({ description: 'This is the session making the request.' }) current!: boolean;

  static from(row: LiveSessionRecord, currentSessionId: string): SessionDto {
    return {
      ...deviceFields(row),
      idle_expires_at: row.idleExpiresAt.toISOString(),
      absolute_expires_at: row.absoluteExpiresAt.toISOString(),
      current: row.id === currentSessionId,
    };
  }
}

export class SessionListDto {
  @ApiProperty({
    type: [SessionDto],
    description: 'Your live sessions in this organisation: the current one first, then by latest activity.',
  })
  items!: SessionDto[];
}

export class EndedSessionDto extends SessionDeviceDto {
  @ApiProperty({
    format: 'date-time',
    description: 'When it ended; for an expiry, the moment the idle or absolute lifetime ran out.',
  })
  ended_at!: string;

  @ApiProperty({ enum: SESSION_END_REASONS, enumName: 'SessionEndReason' }) end_reason!: SessionEndReason;

  @ApiProperty({
    type: String,
    nullable: true,
    description:
      'Who ended it, only when an administrator of your organisation did (`revoked_by_tenant_admin`). Null otherwise: ' +
      'you, the system, or AiDial staff (`revoked_by_admin`), who are not named.',
  })
  ended_by_name!: string | null;

  @ApiProperty({ type: String, nullable: true, description: "The administrator's note when they revoked it." })
  note!: string | null;

  static from(row: NamedEndedSession): EndedSessionDto {
    return {
      ...deviceFields(row),
      ended_at: row.endedAt.toISOString(),
      end_reason: row.endReason,
      ended_by_name: row.endReason === 'revoked_by_tenant_admin' ? row.endedByName : null,
      note: row.endNote,
    };
  }
}

export class EndedSessionListDto {
  @ApiProperty({
    type: [EndedSessionDto],
    description: 'Your ended sessions in this organisation, latest end first: at most 50, within the retention.',
  })
  items!: EndedSessionDto[];

  @ApiProperty({
    type: 'integer',
    description: 'How many days an ended session stays in this history (SESSION_HISTORY_DAYS).',
  })
  retention_days!: number;
}

export class RevokedSessionsDto {
  @ApiProperty({ type: 'integer', description: 'How many sessions were ended.' }) revoked!: number;
}

function deviceFields(row: SessionListEntry): SessionDeviceDto {
  const agent: UserAgentSummary = describeUserAgent(row.userAgent);
  return {
    id: row.id,
    browser: agent.browser,
    os: agent.os,
    device: agent.device,
    ip_coarse: row.ipCoarse,
    created_at: row.createdAt.toISOString(),
    last_active_at: row.lastSeenAt.toISOString(),
  };
}
