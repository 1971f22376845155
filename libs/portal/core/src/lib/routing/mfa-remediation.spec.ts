import type { SessionSummaryDto } from '@aidial/portal/api-client';

type SessionMfaDto = SessionSummaryDto['mfa'];
import { mfaRemediationRedirect } from './mfa-remediation';

const mfa = (overrides: Partial<SessionMfaDto>): { mfa: SessionMfaDto } => ({
  mfa: {
    policy: 'required',
    required_by: 'role',
    enrolment: 'not_enrolled',
    challenge: 'required',
    security_status: 'required',
    lacking: 'not_enrolled',
    compliant: false,
    remediation_path: '/settings',
    ...overrides,
  },
});

describe('mfaRemediationRedirect', () => {
  it.each([
    ['/dashboard', '/settings'],
    ['/partner/team', '/settings'],
    ['/status', '/settings'],
    ['/settingsx', '/settings'],
    ['/settings', null],
    ['/settings/sessions', null],
    ['/support', null],
  ])('a non-compliant customer or partner session opening %s goes to %s', (path, to) => {
    expect(mfaRemediationRedirect(mfa({}), path)).toBe(to);
  });

  it.each([
    ['/admin', '/admin/profile'],
    ['/admin/tenants', '/admin/profile'],
    ['/admin/profile', null],
    ['/admin/profile/sessions', null],
  ])('a non-compliant internal session opening %s goes to %s', (path, to) => {
    expect(mfaRemediationRedirect(mfa({ remediation_path: '/admin/profile' }), path)).toBe(to);
  });

  it('lets a compliant session and an optional policy through', () => {
    expect(
      mfaRemediationRedirect(mfa({ compliant: true, security_status: 'satisfied', lacking: null }), '/dashboard'),
    ).toBeNull();
    expect(
      mfaRemediationRedirect(
        mfa({ policy: 'optional', required_by: null, compliant: true, lacking: null }),
        '/dashboard',
      ),
    ).toBeNull();
  });
});
