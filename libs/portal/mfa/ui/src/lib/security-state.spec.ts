import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import {
  type MfaChallenge,
  type MfaFactor,
  type MfaPolicySetting,
  type MfaSnapshot,
  ROLES,
  type RecoveryCodeState,
  type Role,
  availableMfaActions,
  evaluateMfa,
} from '@aidial/shared/access';
import { MfaActions } from './mfa-actions';
import type { MfaProfile } from './mfa-wording';
import { ProfileSummary } from './profile-summary';

/**
 * Every combination of role × factors × policy × this sign-in's challenge that the demo data (and any real tenant) can
 * produce, built with the same shared functions the API's summary uses, rendered as the Profile shows it, and checked
 * for values that contradict each other (issue: "security state that is true").
 */
const FACTOR_SETS: ReadonlyArray<{ readonly name: string; readonly factors: readonly MfaFactor[] }> = [
  { name: 'no factor', factors: [] },
  { name: 'an authenticator app with recovery codes', factors: ['authenticator_app', 'recovery_code'] },
  { name: 'an authenticator app alone', factors: ['authenticator_app'] },
  { name: 'SMS alone', factors: ['sms_code'] },
  { name: 'SMS and recovery codes', factors: ['sms_code', 'recovery_code'] },
];
const POLICY_SETTINGS: ReadonlyArray<{ readonly tenant: MfaPolicySetting; readonly user: MfaPolicySetting }> = [
  { tenant: 'role_default', user: 'role_default' },
  { tenant: 'required', user: 'role_default' },
  { tenant: 'role_default', user: 'required' },
];
const CHALLENGES: readonly MfaChallenge[] = ['satisfied', 'required'];

/** What the API's lifecycle gives a user with these factors (mfa-snapshot.service.ts `record`). */
function recoveryCodesOf(factors: readonly MfaFactor[]): RecoveryCodeState {
  return factors.includes('recovery_code') ? 'ack_required' : 'none';
}

function profileOf(
  role: Role,
  factors: readonly MfaFactor[],
  policy: (typeof POLICY_SETTINGS)[number],
  challenge: MfaChallenge,
): MfaProfile {
  const enrolled = factors.some((factor) => factor !== 'recovery_code');
  const snapshot: MfaSnapshot = {
    enrolment: enrolled ? 'enrolled' : 'not_enrolled',
    // Without a factor nothing can satisfy a challenge.
    challenge: enrolled ? challenge : 'required',
    enrolledFactors: [...factors],
    usedFactors: enrolled && challenge === 'satisfied' ? [factors[0] as MfaFactor] : [],
    refreshedAt: '2026-12-07T10:00:00Z',
  };
  const evaluation = evaluateMfa({ role, tenantPolicy: policy.tenant, userPolicy: policy.user, snapshot });
  const recoveryCodes = enrolled ? recoveryCodesOf(factors) : 'none';
  const actions = availableMfaActions({ policy: evaluation.policy, enrolment: snapshot.enrolment, recoveryCodes });
  return {
    display_name: 'Someone',
    email: 'someone@example.com',
    role,
    policy: evaluation.policy,
    required_by: evaluation.requiredBy,
    enrolment: snapshot.enrolment,
    challenge: snapshot.challenge,
    allowed_factors: snapshot.enrolledFactors,
    security_status: evaluation.securityStatus,
    lacking: evaluation.lacking,
    compliant: evaluation.compliant,
    last_refreshed_at: snapshot.refreshedAt,
    lifecycle: { marker: recoveryCodes === 'none' ? null : 'marker', recovery_codes: recoveryCodes },
    actions,
    setup_unavailable: !actions.includes('open_setup'),
    management_unavailable: false,
  };
}

const CASES = ROLES.flatMap((role) =>
  FACTOR_SETS.flatMap(({ name, factors }) =>
    POLICY_SETTINGS.flatMap((policy) =>
      CHALLENGES.map((challenge) => ({
        label: `${role}, ${name}, tenant ${policy.tenant}, user ${policy.user}, challenge ${challenge}`,
        profile: profileOf(role, factors, policy, challenge),
      })),
    ),
  ),
);

function textOf(element: Element): string {
  return (element.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The Profile's summary as term → value, and the MFA card's text and buttons. */
function render(profile: MfaProfile): { rows: Record<string, string>; card: string; buttons: string[] } {
  const summary = TestBed.createComponent(ProfileSummary);
  summary.componentRef.setInput('profile', profile);
  summary.componentRef.setInput('locale', 'en-AU');
  summary.detectChanges();
  const rows = Object.fromEntries(
    [...(summary.nativeElement as HTMLElement).querySelectorAll('.row')].map((row) => [
      textOf(row.querySelector('dt') as Element),
      textOf(row.querySelector('dd') as Element),
    ]),
  );
  const actions = TestBed.createComponent(MfaActions);
  actions.componentRef.setInput('profile', profile);
  actions.detectChanges();
  const element = actions.nativeElement as HTMLElement;
  return { rows, card: textOf(element), buttons: [...element.querySelectorAll('button')].map(textOf) };
}

describe('the Profile’s security state, for every role × factors × policy × challenge', () => {
  beforeEach(() => TestBed.configureTestingModule({ providers: [provideRouter([])] }));

  it('covers every role and factor set', () => {
    expect(CASES).toHaveLength(ROLES.length * FACTOR_SETS.length * POLICY_SETTINGS.length * CHALLENGES.length);
  });

  it.each(CASES)('$label: values that agree with each other', ({ profile }) => {
    const { rows, card, buttons } = render(profile);
    const optional = rows['Policy'].startsWith('Optional');
    const noFactor = rows['Allowed factors'] === 'None';
    const hasCodes = rows['Allowed factors'].includes('Recovery code');

    // Nothing is "Required" under an optional policy.
    if (optional) {
      expect(rows['Challenge state']).not.toBe('Required');
      expect(rows['Security status']).not.toBe('Required');
    }
    // "None" allowed factors is exactly "Not enrolled".
    expect(noFactor).toBe(rows['Enrolment'] === 'Not enrolled');
    // A satisfied security status needs a satisfied challenge.
    if (rows['Security status'] === 'Satisfied') expect(rows['Challenge state']).toBe('Satisfied');
    // A required policy that is satisfied this sign-in is not "Required" any more, and vice versa.
    if (!optional && rows['Challenge state'] === 'Satisfied') expect(rows['Security status']).toBe('Satisfied');
    // Recovery codes are spoken of only to someone who has them.
    expect(card.includes('issued a new set of recovery codes')).toBe(
      hasCodes && profile.lifecycle.recovery_codes === 'ack_required',
    );
    expect(card.includes('Use a recovery code')).toBe(hasCodes);
    if (noFactor) expect(card).not.toContain('Lost your second factor');
    // Removing MFA is offered only where it is optional and there is something to remove.
    expect(buttons.includes('Open provider MFA management to disable')).toBe(optional && !noFactor);
  });
});
