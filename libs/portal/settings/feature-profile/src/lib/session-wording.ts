import type { EndedSessionDto, SessionDevice } from '@aidial/portal/api-client';
import type { SessionEndReason } from '@aidial/shared/access';

/** How each session ended, in the words the Ended sessions list uses (docs/sessions.md describes the reasons). */
const END_REASON_WORDS: Readonly<Record<SessionEndReason, (endedBy: string | null) => string>> = {
  signed_out: () => 'You signed out',
  revoked_by_user: () => 'You revoked it from your session list',
  signed_out_elsewhere: () => 'You chose "Sign out everywhere else"',
  replaced: () => 'Replaced by a new sign-in in the same browser',
  revoked_by_admin: () => 'Signed out by AiDial support',
  revoked_by_tenant_admin: (endedBy) =>
    endedBy ? `Signed out by ${endedBy} (administrator)` : 'Signed out by an administrator',
  tenant_suspended: () => "Your organisation's account was suspended",
  role_changed: () => 'Your role changed',
  membership_removed: () => 'You were removed from the organisation',
  idle_timeout: () => 'Timed out after inactivity',
  absolute_timeout: () => 'Reached the longest a session can last',
};

/** "Signed out by Amelia Hart (administrator)". */
export function endReasonOf(session: Pick<EndedSessionDto, 'end_reason' | 'ended_by_name'>): string {
  const words = END_REASON_WORDS[session.end_reason];
  return words ? words(session.ended_by_name) : 'Ended';
}

const DEVICE_WORDS: Readonly<Record<SessionDevice, string>> = {
  desktop: 'Desktop',
  mobile: 'Mobile',
  tablet: 'Tablet',
  unknown: 'Unknown device',
};

export function deviceOf(device: SessionDevice): string {
  return DEVICE_WORDS[device] ?? DEVICE_WORDS.unknown;
}

/** "Chrome on macOS", "Firefox", "Unknown browser". */
export function browserAndSystemOf(session: { browser: string | null; os: string | null }): string {
  const browser = session.browser?.trim() || 'Unknown browser';
  const os = session.os?.trim();
  return os ? `${browser} on ${os}` : browser;
}
