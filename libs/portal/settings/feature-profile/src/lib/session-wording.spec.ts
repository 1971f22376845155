import { SESSION_END_REASONS } from '@aidial/shared/access';
import { browserAndSystemOf, deviceOf, endReasonOf, networkOf } from './session-wording';

describe('endReasonOf', () => {
  it.each([
    ['signed_out', null, 'You signed out'],
    ['revoked_by_user', null, 'You revoked it from your session list'],
    ['signed_out_elsewhere', null, 'You chose "Sign out everywhere else"'],
    ['replaced', null, 'Replaced by a new sign-in in the same browser'],
    ['revoked_by_admin', 'Grace Okafor', 'Signed out by AiDial support'],
    ['revoked_by_tenant_admin', 'Amelia Hart', 'Signed out by Amelia Hart (administrator)'],
    ['revoked_by_tenant_admin', null, 'Signed out by an administrator'],
    ['tenant_suspended', null, "Your organisation's account was suspended"],
    ['role_changed', null, 'Your role changed'],
    ['membership_removed', null, 'You were removed from the organisation'],
    ['idle_timeout', null, 'Timed out after inactivity'],
    ['absolute_timeout', null, 'Reached the longest a session can last'],
  ] as const)('%s (ended by %s) reads "%s"', (reason, endedBy, words) => {
    expect(endReasonOf({ end_reason: reason, ended_by_name: endedBy })).toBe(words);
  });

  it('words every reason the API can give', () => {
    for (const reason of SESSION_END_REASONS) {
      expect(endReasonOf({ end_reason: reason, ended_by_name: null })).not.toBe('Ended');
    }
  });
});

describe('browserAndSystemOf and deviceOf', () => {
  it.each([
    [{ browser: 'Chrome', os: 'macOS' }, 'Chrome on macOS'],
    [{ browser: 'Firefox', os: null }, 'Firefox'],
    [{ browser: null, os: 'Android' }, 'Unknown browser on Android'],
    [{ browser: ' ', os: ' ' }, 'Unknown browser'],
  ])('%j reads "%s"', (session, words) => {
    expect(browserAndSystemOf(session)).toBe(words);
  });

  it.each([
    ['desktop', 'Desktop'],
    ['mobile', 'Mobile'],
    ['tablet', 'Tablet'],
    ['unknown', 'Unknown device'],
  ] as const)('%s reads "%s"', (device, words) => {
    expect(deviceOf(device)).toBe(words);
  });
});

describe('networkOf', () => {
  it.each([
    ['203.0.113.0', '203.0.113.*'],
    ['2001:db8:1::', '2001:db8:1:*'],
    ['192.168.1.0', 'Private network (192.168.1.*)'],
    ['10.20.30.0', 'Private network (10.20.30.*)'],
    ['172.20.1.0', 'Private network (172.20.1.*)'],
    ['172.32.1.0', '172.32.1.*'],
    ['fd12:3456:789a::', 'Private network (fd12:3456:789a:*)'],
    ['127.0.0.0', 'This computer'],
    ['::', 'This computer'],
    [null, 'Unavailable'],
    ['', 'Unavailable'],
  ])('shows %p as %p', (coarse, shown) => {
    expect(networkOf(coarse)).toBe(shown);
  });
});
