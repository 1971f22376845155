import type { SessionFactors } from '@aidial/api/zitadel';
import { type SessionEvidence, buildMfaSnapshot } from './snapshot';

const NOW = new Date('2026-11-23T10:00:00.000Z');
const T0 = new Date('2026-11-23T09:59:00.000Z');
const T1 = new Date('2026-11-23T09:59:10.000Z');

function factors(overrides: Partial<SessionFactors> = {}): SessionEvidence {
  return {
    kind: 'read',
    factors: {
      password: T0,
      webAuthN: null,
      totp: null,
      otpSms: null,
      otpEmail: null,
      recoveryCode: null,
      ...overrides,
    },
  };
}
const ABSENT: SessionEvidence = { kind: 'absent' };
const UNAVAILABLE: SessionEvidence = { kind: 'unavailable' };

describe('buildMfaSnapshot', () => {
  it('password + TOTP: enrolled, satisfied, the authenticator app used', () => {
    expect(
      buildMfaSnapshot({
        amr: ['pwd', 'otp', 'mfa'],
        methods: ['PASSWORD', 'TOTP', 'RECOVERY_CODE'],
        session: factors({ totp: T1 }),
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
      session: factors({ recoveryCode: T1 }),
      now: NOW,
    });
    expect(snapshot).toMatchObject({ usedFactors: ['recovery_code'], enrolment: 'enrolled', challenge: 'satisfied' });
  });

  it("a recovery code verified before this sign-in's password does not count (a prompt=login re-authentication)", () => {
    const snapshot = buildMfaSnapshot({
      amr: ['pwd'],
      methods: ['PASSWORD', 'TOTP'],
      session: factors({ password: T1, recoveryCode: T0 }),
      now: NOW,
    });
    expect(snapshot).toMatchObject({ usedFactors: [], challenge: 'required' });
  });

  it('password + SMS code and password + email code', () => {
    expect(
      buildMfaSnapshot({
        amr: ['pwd', 'otp', 'mfa'],
        methods: ['OTP_SMS'],
        session: factors({ otpSms: T1 }),
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
        session: factors({ otpEmail: T1 }),
        now: NOW,
      }),
    ).toMatchObject({ usedFactors: ['email_code'], enrolledFactors: ['email_code'], challenge: 'satisfied' });
  });

  it('password only, not enrolled: required', () => {
    expect(buildMfaSnapshot({ amr: ['pwd'], methods: ['PASSWORD'], session: factors(), now: NOW })).toMatchObject({
      enrolment: 'not_enrolled',
      challenge: 'required',
      enrolledFactors: [],
      usedFactors: [],
    });
  });

  it('password only, enrolled: required (not used in this sign-in)', () => {
    expect(
      buildMfaSnapshot({ amr: ['pwd'], methods: ['PASSWORD', 'TOTP'], session: factors(), now: NOW }),
    ).toMatchObject({ enrolment: 'enrolled', challenge: 'required' });
  });

  it.each([[[]], [['mfa-ish']], [['otp']]])('a missing or single-factor amr %j counts as single-factor', (amr) => {
    expect(buildMfaSnapshot({ amr, methods: ['TOTP'], session: factors(), now: NOW }).challenge).toBe('required');
  });

  it('amr claims mfa but the provider session shows no second factor for this sign-in: failed', () => {
    expect(
      buildMfaSnapshot({ amr: ['pwd', 'otp', 'mfa'], methods: ['TOTP'], session: factors(), now: NOW }).challenge,
    ).toBe('failed');
  });

  it('the provider could not be asked: enrolment unknown; amr with mfa still satisfies, without it unknown', () => {
    expect(
      buildMfaSnapshot({ amr: ['pwd', 'otp', 'mfa'], methods: null, session: UNAVAILABLE, now: NOW }),
    ).toMatchObject({ enrolment: 'unknown', challenge: 'satisfied', enrolledFactors: [], usedFactors: [] });
    expect(buildMfaSnapshot({ amr: ['pwd'], methods: null, session: UNAVAILABLE, now: NOW })).toMatchObject({
      enrolment: 'unknown',
      challenge: 'unknown',
    });
  });

  it('U2F and passkeys make one enrolled, with their labels; recovery codes and an IdP alone do not', () => {
    expect(buildMfaSnapshot({ amr: ['pwd'], methods: ['U2F'], session: factors(), now: NOW })).toMatchObject({
      enrolment: 'enrolled',
      enrolledFactors: ['security_key'],
    });
    expect(buildMfaSnapshot({ amr: ['pwd'], methods: ['PASSKEY'], session: factors(), now: NOW })).toMatchObject({
      enrolment: 'enrolled',
      enrolledFactors: ['passkey'],
    });
    expect(
      buildMfaSnapshot({ amr: ['pwd'], methods: ['PASSWORD', 'RECOVERY_CODE', 'IDP'], session: factors(), now: NOW }),
    ).toMatchObject({ enrolment: 'not_enrolled', enrolledFactors: ['recovery_code'] });
  });

  // ZITADEL's AuthMethodTypesToAMR: a passkey alone is ["user","mfa"], password + U2F ["pwd","user","mfa"].
  it.each([
    ['a passkey', ['user', 'mfa'], { password: null, webAuthN: T1 }],
    ['password + security key', ['pwd', 'user', 'mfa'], { webAuthN: T1 }],
  ])('%s satisfies the challenge', (_, amr, verified) => {
    expect(buildMfaSnapshot({ amr, methods: ['PASSKEY', 'U2F'], session: factors(verified), now: NOW }).challenge).toBe(
      'satisfied',
    );
  });

  it('with no v2 session to read (login v1), amr alone decides: mfa satisfies, pwd is required, never unknown', () => {
    expect(
      buildMfaSnapshot({ amr: ['pwd', 'otp', 'mfa'], methods: ['TOTP'], session: ABSENT, now: NOW }),
    ).toMatchObject({
      challenge: 'satisfied',
      usedFactors: [],
    });
    expect(buildMfaSnapshot({ amr: ['pwd'], methods: ['TOTP'], session: ABSENT, now: NOW }).challenge).toBe('required');
  });
});
