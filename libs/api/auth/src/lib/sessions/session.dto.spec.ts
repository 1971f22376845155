import type { LiveSessionRecord } from '@aidial/api/sessions';
import { EndedSessionDto, type NamedEndedSession, SessionDto } from './session.dto';
import { SessionLifetimeDto } from '../dto/session-summary.dto';

const CHROME_ON_MAC =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

const live: LiveSessionRecord = {
  id: '6f1c1f4e-8a51-4f0e-9f43-6a7cbbd3a001',
  userAgent: CHROME_ON_MAC,
  ipCoarse: '203.0.113.0',
  createdAt: new Date('2026-11-23T08:00:00.000Z'),
  lastSeenAt: new Date('2026-11-23T09:15:00.000Z'),
  idleExpiresAt: new Date('2026-11-23T09:45:00.000Z'),
  absoluteExpiresAt: new Date('2026-11-23T20:00:00.000Z'),
};

describe('SessionDto.from', () => {
  it('describes the browser and never carries the raw user agent', () => {
    const dto = SessionDto.from(live, live.id);
    expect(dto).toEqual({
      id: live.id,
      browser: 'Chrome 131',
      os: 'macOS',
      device: 'desktop',
      ip_coarse: '203.0.113.0',
      created_at: '2026-11-23T08:00:00.000Z',
      last_active_at: '2026-11-23T09:15:00.000Z',
      idle_expires_at: '2026-11-23T09:45:00.000Z',
      absolute_expires_at: '2026-11-23T20:00:00.000Z',
      current: true,
    });
    expect(JSON.stringify(dto)).not.toContain('Mozilla');
  });

  it('marks only the session making the request as current', () => {
    expect(SessionDto.from(live, '6f1c1f4e-8a51-4f0e-9f43-6a7cbbd3a002').current).toBe(false);
  });

  it('answers unknown for a session without a user agent', () => {
    expect(SessionDto.from({ ...live, userAgent: null, ipCoarse: null }, live.id)).toMatchObject({
      browser: null,
      os: null,
      device: 'unknown',
      ip_coarse: null,
    });
  });
});

describe('EndedSessionDto.from', () => {
  const ended: NamedEndedSession = {
    ...live,
    endedAt: new Date('2026-11-23T10:00:00.000Z'),
    endReason: 'revoked_by_tenant_admin',
    endedByUserId: '6f1c1f4e-8a51-4f0e-9f43-6a7cbbd3a0ff',
    endedByName: 'Amelia Hart',
    endNote: 'Laptop reported stolen',
  };

  it('names a colleague who revoked it, with their note', () => {
    expect(EndedSessionDto.from(ended)).toEqual({
      id: live.id,
      browser: 'Chrome 131',
      os: 'macOS',
      device: 'desktop',
      ip_coarse: '203.0.113.0',
      created_at: '2026-11-23T08:00:00.000Z',
      last_active_at: '2026-11-23T09:15:00.000Z',
      ended_at: '2026-11-23T10:00:00.000Z',
      end_reason: 'revoked_by_tenant_admin',
      ended_by_name: 'Amelia Hart',
      note: 'Laptop reported stolen',
    });
  });

  it.each(['revoked_by_admin', 'revoked_by_user', 'signed_out', 'idle_timeout', 'replaced'] as const)(
    'names no one for %s',
    (reason) => {
      expect(EndedSessionDto.from({ ...ended, endReason: reason }).ended_by_name).toBeNull();
    },
  );
});

describe('SessionLifetimeDto.from', () => {
  const now = Date.parse('2026-11-23T09:00:00.000Z');

  it('answers whole seconds left, rounded down, from the server clock', () => {
    expect(
      SessionLifetimeDto.from(
        {
          idleExpiresAt: new Date('2026-11-23T09:29:59.900Z'),
          absoluteExpiresAt: new Date('2026-11-23T21:00:00.000Z'),
        },
        now,
      ),
    ).toEqual({ idle_expires_in: 1799, absolute_expires_in: 12 * 3600 });
  });

  it('never answers a negative number once a lifetime has passed', () => {
    expect(
      SessionLifetimeDto.from({ idleExpiresAt: new Date(now - 5_000), absoluteExpiresAt: new Date(now - 1) }, now),
    ).toEqual({ idle_expires_in: 0, absolute_expires_in: 0 });
  });
});
