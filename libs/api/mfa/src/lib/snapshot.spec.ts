import type { SessionFactors } from '@aidial/api/zitadel';
import { buildMfaSnapshot } from './snapshot';

const NOW = new Date('2026-11-23T10:00:00.000Z');
const T0 = new Date('2026-11-23T09:59:00.000Z');
const T1 = new Date('2026-11-23T09:59:10.000Z');

function factors(overrides: Partial<SessionFactors> = {}): SessionFactors {
  return { password: T0, webAuthN: null, totp: null, otpSms: null, otpEmail: null, recoveryCode: null, ...overrides };
}

describe('buildMfaSnapshot', () => {
  it('password + TOTP: enrolled, satisfied, the authenticator app used', () => {
    expect(
      buildMfaSnapshot({
        amr: ['pwd', 'otp', 'mfa'],
        methods: ['PASSWORD', 'TOTP', 'RECOVERY_CODE'],
        sessionFactors: factors({ totp: T1 }),
        now: NOW,
      }),
    ).toEqual({
      usedFactors: ['authenticator_app'],
      enrolledFactors: ['authenticator_app', 'recovery_code'],
      enrolment: 'enrolled',
      challenge: 'satisfied',
      refreshedAt: NOW.toISOString(),
    });
  });

  it('password + recovery code: amr says ["pwd"], the session says recovery code: satisfied', () => {
    const snapshot = buildMfaSnapshot({
      amr: ['pwd'],
      methods: ['PASSWORD', 'TOTP', 'RECOVERY_CODE'],
      sessionFactors: factors({ recoveryCode: T1 }),
      now: NOW,
    });
    expect(snapshot).toMatchObject({ usedFactors: ['recovery_code'], enrolment: 'enrolled', challenge: 'satisfied' });
  });

  it("a recovery code verified before this sign-in's password does not count (a prompt=login re-authentication)", () => {
    const snapshot = buildMfaSnapshot({
      amr: ['pwd'],
      methods: ['PASSWORD', 'TOTP'],
      sessionFactors: factors({ password: T1, recoveryCode: T0 }),
      now: NOW,
    });
    expect(snapshot).toMatchObject({ usedFactors: [], challenge: 'required' });
  });

  it('password + SMS code and password + email code', () => {
    expect(
      buildMfaSnapshot({
        amr: ['pwd', 'otp', 'mfa'],
        methods: ['OTP_SMS'],
        sessionFactors: factors({ otpSms: T1 }),
        now: NOW,
      }),
    ).toMatchObject({
      usedFactors: ['sms_code'],
      enrolledFactors: ['sms_code'],
      enrolment: 'enrolled',
      challenge: 'satisfied',
    });
    expect(
      buildMfaSnapshot({
        amr: ['pwd', 'otp', 'mfa'],
        methods: ['OTP_EMAIL'],
        sessionFactors: factors({ otpEmail: T1 }),
        now: NOW,
      }),
    ).toMatchObject({ usedFactors: ['email_code'], enrolledFactors: ['email_code'], challenge: 'satisfied' });
  });

  it('password only, not enrolled: required', () => {
    expect(
      buildMfaSnapshot({ amr: ['pwd'], methods: ['PASSWORD'], sessionFactors: factors(), now: NOW }),
    ).toMatchObject({ enrolment: 'not_enrolled', challenge: 'required', enrolledFactors: [], usedFactors: [] });
  });

  it('password only, enrolled: required (not used in this sign-in)', () => {
    expect(
      buildMfaSnapshot({ amr: ['pwd'], methods: ['PASSWORD', 'TOTP'], sessionFactors: factors(), now: NOW }),
    ).toMatchObject({ enrolment: 'enrolled', challenge: 'required' });
  });

  it.each([[[]], [['mfa-ish']], [['otp']]])('a missing or single-factor amr %j counts as single-factor', (amr) => {
    expect(buildMfaSnapshot({ amr, methods: ['TOTP'], sessionFactors: factors(), now: NOW }).challenge).toBe(
      'required',
    );
  });

  it('amr claims mfa but the provider session shows no second factor for this sign-in: failed', () => {
    expect(
      buildMfaSnapshot({ amr: ['pwd', 'otp', 'mfa'], methods: ['TOTP'], sessionFactors: factors(), now: NOW })
        .challenge,
    ).toBe('failed');
  });

  it('the provider could not be asked: enrolment unknown; amr with mfa still satisfies, without it unknown', () => {
    expect(
      buildMfaSnapshot({ amr: ['pwd', 'otp', 'mfa'], methods: null, sessionFactors: null, now: NOW }),
    ).toMatchObject({ enrolment: 'unknown', challenge: 'satisfied', enrolledFactors: [], usedFactors: [] });
    expect(buildMfaSnapshot({ amr: ['pwd'], methods: null, sessionFactors: null, now: NOW })).toMatchObject({
      enrolment: 'unknown',
      challenge: 'unknown',
    });
  });

  it('U2F makes one enrolled without a portal label; recovery codes alone do not', () => {
    expect(buildMfaSnapshot({ amr: ['pwd'], methods: ['U2F'], sessionFactors: factors(), now: NOW })).toMatchObject({
      enrolment: 'enrolled',
      enrolledFactors: [],
    });
    expect(
      buildMfaSnapshot({
        amr: ['pwd'],
        methods: ['PASSWORD', 'RECOVERY_CODE', 'PASSKEY', 'IDP'],
        sessionFactors: factors(),
        now: NOW,
      }),
    ).toMatchObject({ enrolment: 'not_enrolled', enrolledFactors: ['recovery_code'] });
  });
});
