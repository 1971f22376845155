import { ROLES } from './roles';
import {
  MFA_CHALLENGES,
  MFA_REQUIREMENT_BY_ROLE,
  MFA_ENROLMENTS,
  MFA_POLICY_SETTINGS,
  MFA_REMEDIATION_PATH,
  RECOVERY_CODE_STATES,
  type MfaChallenge,
  type MfaEnrolment,
  type MfaSnapshot,
  availableMfaActions,
  evaluateMfa,
  mfaPolicyFor,
  mfaRemediationPathFor,
} from './mfa-requirements';

// spec/03-multi-factor-authentication.md, "Which Roles Require MFA?", row by row.
const SPEC_03_TABLE = [
  ['client_admin', 'optional'],
  ['partner_admin', 'required'],
  ['aidial_admin', 'required'],
  ['aidial_operator', 'required'],
  ['client_manager', 'optional'],
  ['client_staff', 'optional'],
  ['partner_user', 'optional'],
] as const;

describe('MFA requirement by role', () => {
  it('names every role', () => {
    expect(SPEC_03_TABLE.map(([role]) => role).sort()).toEqual([...ROLES].sort());
  });

  it.each(SPEC_03_TABLE)('%s is %s', (role, requirement) => {
    expect(MFA_REQUIREMENT_BY_ROLE[role]).toBe(requirement);
  });
});

function snapshot(enrolment: MfaEnrolment, challenge: MfaChallenge): MfaSnapshot {
  return { usedFactors: [], enrolledFactors: [], enrolment, challenge, refreshedAt: '2026-11-23T00:00:00.000Z' };
}

describe('mfaPolicyFor', () => {
  it.each(
    ROLES.flatMap((role) =>
      MFA_POLICY_SETTINGS.flatMap((tenantPolicy) =>
        MFA_POLICY_SETTINGS.map((userPolicy) => [role, tenantPolicy, userPolicy] as const),
      ),
    ),
  )('%s, tenant %s, user %s', (role, tenantPolicy, userPolicy) => {
    const expected =
      MFA_REQUIREMENT_BY_ROLE[role] === 'required'
        ? { policy: 'required', requiredBy: 'role' }
        : tenantPolicy === 'required'
          ? { policy: 'required', requiredBy: 'tenant_policy' }
          : userPolicy === 'required'
            ? { policy: 'required', requiredBy: 'user_policy' }
            : { policy: 'optional', requiredBy: null };
    expect(mfaPolicyFor({ role, tenantPolicy, userPolicy })).toEqual(expected);
  });

  it('names the role first, then the tenant, then the user', () => {
    expect(mfaPolicyFor({ role: 'partner_admin', tenantPolicy: 'required', userPolicy: 'required' }).requiredBy).toBe(
      'role',
    );
    expect(mfaPolicyFor({ role: 'client_staff', tenantPolicy: 'required', userPolicy: 'required' }).requiredBy).toBe(
      'tenant_policy',
    );
    expect(
      mfaPolicyFor({ role: 'client_staff', tenantPolicy: 'role_default', userPolicy: 'required' }).requiredBy,
    ).toBe('user_policy');
  });
});

describe('mfaRemediationPathFor', () => {
  it.each([
    ['client_admin', '/settings'],
    ['client_manager', '/settings'],
    ['client_staff', '/settings'],
    ['partner_admin', '/settings'],
    ['partner_user', '/settings'],
    ['aidial_admin', '/admin/profile'],
    ['aidial_operator', '/admin/profile'],
  ] as const)('%s → %s', (role, path) => {
    expect(mfaRemediationPathFor(role)).toBe(path);
    expect(Object.values(MFA_REMEDIATION_PATH)).toContain(path);
  });
});

describe('evaluateMfa', () => {
  // Every enrolment × challenge, for a required and an optional policy: [enrolment, challenge, required → status,
  // lacking, compliant; optional → status].
  const TABLE: ReadonlyArray<readonly [MfaEnrolment, MfaChallenge, string, string | null, boolean, string]> = [
    ['enrolled', 'satisfied', 'satisfied', null, true, 'satisfied'],
    ['enrolled', 'required', 'pending', 'not_used_this_sign_in', false, 'optional'],
    ['enrolled', 'failed', 'failed', 'not_used_this_sign_in', false, 'failed'],
    ['enrolled', 'unknown', 'unavailable', 'status_unavailable', false, 'optional'],
    ['not_enrolled', 'satisfied', 'required', 'not_enrolled', false, 'satisfied'],
    ['not_enrolled', 'required', 'required', 'not_enrolled', false, 'optional'],
    ['not_enrolled', 'failed', 'required', 'not_enrolled', false, 'failed'],
    ['not_enrolled', 'unknown', 'required', 'not_enrolled', false, 'optional'],
    ['unknown', 'satisfied', 'unavailable', 'status_unavailable', false, 'satisfied'],
    ['unknown', 'required', 'unavailable', 'status_unavailable', false, 'optional'],
    ['unknown', 'failed', 'unavailable', 'status_unavailable', false, 'failed'],
    ['unknown', 'unknown', 'unavailable', 'status_unavailable', false, 'optional'],
  ];

  it('covers every enrolment and challenge', () => {
    expect(TABLE.length).toBe(MFA_ENROLMENTS.length * MFA_CHALLENGES.length);
  });

  it.each(
    TABLE.flatMap((row) =>
      ROLES.flatMap((role) =>
        MFA_POLICY_SETTINGS.flatMap((tenantPolicy) =>
          MFA_POLICY_SETTINGS.map((userPolicy) => [role, tenantPolicy, userPolicy, ...row] as const),
        ),
      ),
    ),
  )(
    '%s (tenant %s, user %s), %s, challenge %s',
    (role, tenantPolicy, userPolicy, enrolment, challenge, requiredStatus, lacking, compliant, optionalStatus) => {
      const result = evaluateMfa({ role, tenantPolicy, userPolicy, snapshot: snapshot(enrolment, challenge) });
      const { policy, requiredBy } = mfaPolicyFor({ role, tenantPolicy, userPolicy });
      expect(result.policy).toBe(policy);
      expect(result.requiredBy).toBe(requiredBy);
      expect(result.remediationPath).toBe(mfaRemediationPathFor(role));
      if (policy === 'required') {
        expect(result).toMatchObject({ securityStatus: requiredStatus, lacking, compliant });
      } else {
        expect(result).toMatchObject({ securityStatus: optionalStatus, lacking: null, compliant: true });
      }
    },
  );

  it('treats a session without a snapshot as unknown: a mandatory role is not compliant, an optional one is', () => {
    expect(
      evaluateMfa({
        role: 'aidial_operator',
        tenantPolicy: 'role_default',
        userPolicy: 'role_default',
        snapshot: null,
      }),
    ).toMatchObject({ compliant: false, securityStatus: 'unavailable', lacking: 'status_unavailable' });
    expect(
      evaluateMfa({ role: 'client_staff', tenantPolicy: 'role_default', userPolicy: 'role_default', snapshot: null }),
    ).toMatchObject({ compliant: true, securityStatus: 'optional', lacking: null });
  });
});

describe('availableMfaActions', () => {
  it.each(
    (['required', 'optional'] as const).flatMap((policy) =>
      MFA_ENROLMENTS.flatMap((enrolment) => RECOVERY_CODE_STATES.map((state) => [policy, enrolment, state] as const)),
    ),
  )('%s policy, %s, recovery codes %s', (policy, enrolment, recoveryCodes) => {
    const actions = availableMfaActions({ policy, enrolment, recoveryCodes });
    const enrolled = enrolment === 'enrolled';
    expect(actions.includes('refresh_status')).toBe(true);
    expect(actions.includes('open_setup')).toBe(enrolment !== 'unknown');
    expect(actions.includes('store_recovery_codes')).toBe(enrolled && recoveryCodes === 'ack_required');
    expect(actions.includes('review_recovery_codes')).toBe(enrolled && recoveryCodes === 'reminder');
    expect(actions.includes('regenerate_recovery_codes')).toBe(
      enrolled && (recoveryCodes === 'acknowledged' || recoveryCodes === 'reminder'),
    );
    expect(actions.includes('open_disable')).toBe(enrolled && policy === 'optional');
  });

  it('never offers disabling to a required policy', () => {
    for (const enrolment of MFA_ENROLMENTS)
      for (const recoveryCodes of RECOVERY_CODE_STATES)
        expect(availableMfaActions({ policy: 'required', enrolment, recoveryCodes })).not.toContain('open_disable');
  });
});
