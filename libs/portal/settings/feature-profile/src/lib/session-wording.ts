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
  provider_signed_out: () => 'You signed out at the sign-in service',
  factors_changed: () => 'Your sign-in methods changed, so your other sessions were signed out',
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

/** RFC 1918 IPv4 networks and IPv6 unique-local addresses (fc00::/7), as the API's coarse address gives them. */
const PRIVATE_NETWORK = /^(?:10\.|192\.168\.|172\.(?:1[6-9]|2\d|3[01])\.|f[cd][0-9a-f]{2}:)/i;

/**
 * The network a session signed in from, as a person reads it: the API keeps only the network part of the address (the
 * last octet of IPv4, all but the first 48 bits of IPv6), so the hidden part is shown as `*`. "This computer" for
 * loopback, "Private network" for an office or home network's addresses.
 */
export function networkOf(ipCoarse: string | null | undefined): string {
  const coarse = ipCoarse?.trim();
  if (!coarse) return 'Unavailable';
  if (coarse === '::' || coarse.startsWith('127.')) return 'This computer';
  const shown = coarse.endsWith('.0')
    ? `${coarse.slice(0, -2)}.*`
    : coarse.endsWith('::')
      ? `${coarse.slice(0, -2)}:*`
      : coarse;
  return PRIVATE_NETWORK.test(coarse) ? `Private network (${shown})` : shown;
}
