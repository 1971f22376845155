import type { PortalSession } from '@aidial/portal/core';
import { accountDetailsOf, signInMethodOf } from './account-details';

const session = (overrides: Partial<PortalSession> = {}): PortalSession =>
  ({
    user: { display_name: 'Grace Okafor', email: 'grace.okafor@aidial.example' },
    role: 'aidial_admin',
    tenant: { id: 't-1', name: 'AiDial', kind: 'internal', status: 'active' },
    client: null,
    project_scope: { kind: 'all', project_ids: [] },
    sign_in: { amr: ['pwd', 'otp', 'mfa'], multi_factor: true, authenticated_at: '2026-11-23T10:00:00Z' },
    expires_at: '2999-01-01T00:00:00Z',
    absolute_expires_at: '2999-01-01T00:00:00Z',
    ...overrides,
  }) as PortalSession;

describe('signInMethodOf', () => {
  it.each([
    [['pwd', 'otp', 'mfa'], true, 'Password and one-time code (multi-factor)'],
    [['pwd'], false, 'Password (single factor)'],
    [['pwd', 'hwk'], true, 'Password and hwk (multi-factor)'],
    [[], false, 'Not reported by the identity provider (single factor)'],
  ])('%j (multi-factor: %s) reads "%s"', (amr, multiFactor, words) => {
    expect(
      signInMethodOf(
        session({ sign_in: { amr, multi_factor: multiFactor, authenticated_at: '2026-11-23T10:00:00Z' } }),
      ),
    ).toBe(words);
  });
});

describe('accountDetailsOf', () => {
  it('summarises the account from the session', () => {
    expect(accountDetailsOf(session())).toEqual({
      name: 'Grace Okafor',
      email: 'grace.okafor@aidial.example',
      role: 'aidial_admin',
      organisation: 'AiDial',
      signInMethod: 'Password and one-time code (multi-factor)',
      signedInAt: '2026-11-23T10:00:00Z',
    });
  });

  it('says Unavailable for what the identity provider did not share', () => {
    const details = accountDetailsOf(session({ user: { display_name: null, email: null } }));
    expect([details.name, details.email]).toEqual(['Unavailable', 'Unavailable']);
  });
});
