import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { MfaAction } from '@aidial/shared/access';
import { MfaActions } from './mfa-actions';
import { MfaRemediationNotice } from './mfa-remediation-notice';
import { type MfaProfile, refreshedAtOf, remediationOf } from './mfa-wording';
import { ProfileSummary } from './profile-summary';

function profile(overrides: Partial<MfaProfile> = {}): MfaProfile {
  return {
    display_name: 'Oliver Bennett',
    email: 'oliver.bennett@northwind.example',
    role: 'partner_admin',
    policy: 'required',
    required_by: 'role',
    enrolment: 'not_enrolled',
    challenge: 'required',
    allowed_factors: [],
    security_status: 'required',
    lacking: 'not_enrolled',
    compliant: false,
    last_refreshed_at: '2026-11-23T10:00:00Z',
    lifecycle: { marker: null, recovery_codes: 'none' },
    actions: ['open_setup', 'refresh_status'],
    setup_unavailable: false,
    management_unavailable: false,
    ...overrides,
  };
}

function textOf(element: Element): string {
  return (element.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function buttonsOf(element: HTMLElement): string[] {
  return [...element.querySelectorAll('button')].map(textOf);
}

describe('remediationOf', () => {
  it('is null for a compliant session or an optional policy', () => {
    expect(remediationOf(profile({ compliant: true, lacking: null }))).toBeNull();
    expect(remediationOf(profile({ policy: 'optional', required_by: null, compliant: true }))).toBeNull();
  });

  it.each([
    {
      lacking: 'not_enrolled',
      challenge: 'required',
      says: 'You have not set up a second factor yet.',
      actions: ['open_setup', 'refresh_status'],
    },
    {
      lacking: 'not_used_this_sign_in',
      challenge: 'required',
      says: 'this sign-in did not confirm one the portal can check (a recovery code does not count here)',
      actions: ['refresh_status'],
    },
    {
      lacking: 'not_used_this_sign_in',
      challenge: 'failed',
      says: 'could not confirm the second factor of this sign-in',
      actions: ['refresh_status'],
    },
    {
      lacking: 'status_unavailable',
      challenge: 'unknown',
      says: 'contact your administrator',
      actions: ['refresh_status'],
    },
  ] as const)(
    '$lacking ($challenge): says "$says" and offers $actions first',
    ({ lacking, challenge, says, actions }) => {
      const explanation = remediationOf(profile({ lacking, challenge }));
      expect(explanation?.lacking).toContain(says);
      expect(explanation?.actions).toEqual(actions);
    },
  );

  it.each([
    ['role', 'Your role, Partner Administrator, requires multi-factor authentication.'],
    ['tenant_policy', 'Your organisation requires multi-factor authentication for every member.'],
    ['user_policy', 'Your account is set to require multi-factor authentication.'],
  ] as const)('names the rule %s', (requiredBy, rule) => {
    expect(remediationOf(profile({ required_by: requiredBy }))?.rule).toBe(rule);
  });

  it('offers only what the server offers', () => {
    expect(remediationOf(profile({ actions: ['refresh_status'] }))?.actions).toEqual(['refresh_status']);
  });
});

describe('refreshedAtOf', () => {
  it('formats in the given locale, and says when there was no refresh', () => {
    expect(refreshedAtOf('2026-11-23T10:00:00Z', 'en-AU')).toBe(
      new Intl.DateTimeFormat('en-AU', { dateStyle: 'medium', timeStyle: 'short' }).format(
        new Date('2026-11-23T10:00:00Z'),
      ),
    );
    expect(refreshedAtOf(null)).toBe('Not refreshed yet');
  });
});

describe('ProfileSummary', () => {
  async function render(value: MfaProfile, profileUpdate: 'support' | 'administrator' = 'support') {
    TestBed.configureTestingModule({ providers: [provideRouter([])] });
    const fixture = TestBed.createComponent(ProfileSummary);
    fixture.componentRef.setInput('profile', value);
    fixture.componentRef.setInput('profileUpdate', profileUpdate);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    const rows = Object.fromEntries(
      [...element.querySelectorAll('.row')].map((row) => [
        textOf(row.querySelector('dt') as Element),
        textOf(row.querySelector('dd') as Element),
      ]),
    );
    return { element, rows };
  }

  it('shows every field of spec/04 in words', async () => {
    const { rows } = await render(
      profile({
        enrolment: 'enrolled',
        challenge: 'satisfied',
        allowed_factors: ['authenticator_app', 'recovery_code', 'sms_code', 'email_code'],
        security_status: 'satisfied',
        compliant: true,
        lacking: null,
      }),
    );
    expect(rows).toEqual({
      'Display name': 'Oliver Bennett',
      'Email address': 'oliver.bennett@northwind.example',
      'Portal role': 'Partner Administrator',
      'Allowed factors': 'Authenticator app, Recovery code, SMS code, Email code',
      Policy: 'Required (by your role)',
      Enrolment: 'Enrolled',
      'Challenge state': 'Satisfied',
      'Security status': 'Satisfied',
      'Lifecycle status last refreshed': refreshedAtOf('2026-11-23T10:00:00Z'),
    });
  });

  it('shows Unavailable for a blank or missing name and email', async () => {
    const { rows } = await render(profile({ display_name: '  ', email: null }));
    expect([rows['Display name'], rows['Email address']]).toEqual(['Unavailable', 'Unavailable']);
  });

  it.each([
    ['tenant_policy', 'Required (by your organisation’s policy)'],
    ['user_policy', 'Required (by your account’s policy)'],
  ] as const)('names the rule %s in the policy', async (requiredBy, policy) => {
    const { rows } = await render(profile({ required_by: requiredBy }));
    expect(rows['Policy']).toBe(policy);
  });

  it('links "Request a profile update" to an account ticket in Support, and offers no edit', async () => {
    const { element } = await render(profile());
    const link = element.querySelector('a');
    expect(textOf(link as Element)).toBe('Request a profile update');
    expect(link?.getAttribute('href')).toBe('/support?category=account&subject=Profile%20update');
    expect(element.querySelectorAll('input, button, textarea')).toHaveLength(0);
  });

  it('sends internal users to an administrator instead of Support', async () => {
    const { element } = await render(profile({ role: 'aidial_admin' }), 'administrator');
    expect(element.querySelector('a')).toBeNull();
    expect(textOf(element)).toContain('ask an AiDial administrator');
  });
});

describe('MfaRemediationNotice', () => {
  it('explains the rule and the lack, with the fixing action first', async () => {
    const fixture = TestBed.createComponent(MfaRemediationNotice);
    const explanation = remediationOf(profile());
    fixture.componentRef.setInput('explanation', explanation);
    const acted: MfaAction[] = [];
    fixture.componentInstance.act.subscribe((action) => acted.push(action));
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    expect(textOf(element)).toContain('Your role, Partner Administrator, requires multi-factor authentication.');
    expect(buttonsOf(element)).toEqual(['Open MFA setup', 'Refresh security status']);
    element.querySelector('button')?.click();
    expect(acted).toEqual(['open_setup']);
  });
});

describe('MfaActions', () => {
  async function render(value: MfaProfile, exclude: MfaAction[] = []) {
    const fixture = TestBed.createComponent(MfaActions);
    fixture.componentRef.setInput('profile', value);
    fixture.componentRef.setInput('exclude', exclude);
    const acted: MfaAction[] = [];
    fixture.componentInstance.act.subscribe((action) => acted.push(action));
    await fixture.whenStable();
    return { element: fixture.nativeElement as HTMLElement, acted };
  }

  const enrolled = { enrolment: 'enrolled', challenge: 'satisfied', compliant: true, lacking: null } as const;

  it('shows each action only when the server offers it', async () => {
    const { element } = await render(profile({ ...enrolled, actions: ['refresh_status'] }));
    expect(buttonsOf(element)).toEqual(['Refresh security status']);
  });

  it('offers provider MFA management to disable when offered, and never otherwise', async () => {
    const offered = await render(
      profile({
        ...enrolled,
        policy: 'optional',
        required_by: null,
        actions: ['open_setup', 'refresh_status', 'open_disable'],
      }),
    );
    expect(buttonsOf(offered.element)).toContain('Open provider MFA management to disable');
    TestBed.resetTestingModule();
    const mandatory = await render(profile({ ...enrolled, actions: ['open_setup', 'refresh_status'] }));
    expect(buttonsOf(mandatory.element).join()).not.toContain('disable');
  });

  it('prompts to store recovery codes while they wait for acknowledgement', async () => {
    const { element, acted } = await render(
      profile({
        ...enrolled,
        lifecycle: { marker: 'm', recovery_codes: 'ack_required' },
        actions: ['refresh_status', 'store_recovery_codes'],
      }),
    );
    expect(element.querySelector('h3')?.textContent).toBe('Store your recovery codes');
    const button = [...element.querySelectorAll('button')].find((b) => textOf(b) === 'I stored my recovery codes');
    button?.click();
    expect(acted).toEqual(['store_recovery_codes']);
  });

  it('reminds to review recovery codes after a recovery-code sign-in', async () => {
    const { element, acted } = await render(
      profile({
        ...enrolled,
        lifecycle: { marker: 'm', recovery_codes: 'reminder' },
        actions: ['refresh_status', 'review_recovery_codes', 'regenerate_recovery_codes'],
      }),
    );
    expect(element.querySelector('h3')?.textContent).toBe('Review your recovery codes');
    expect(buttonsOf(element)).toEqual([
      'I reviewed my recovery codes',
      'Refresh security status',
      'I generated a new recovery-code set',
    ]);
    element.querySelector('button')?.click();
    expect(acted).toEqual(['review_recovery_codes']);
  });

  it('shows no prompt when nothing waits', async () => {
    const { element } = await render(
      profile({ ...enrolled, lifecycle: { marker: 'm', recovery_codes: 'acknowledged' } }),
    );
    expect(element.querySelector('h3')).toBeNull();
  });

  it('says MFA setup and management are unavailable when the summary says so', async () => {
    const { element } = await render(
      profile({
        enrolment: 'unknown',
        setup_unavailable: true,
        management_unavailable: true,
        actions: ['refresh_status'],
      }),
    );
    expect(textOf(element)).toContain('MFA setup unavailable.');
    expect(textOf(element)).toContain('MFA management unavailable.');
  });

  it('leaves out the actions the remediation notice already offers', async () => {
    const { element } = await render(profile(), ['open_setup', 'refresh_status']);
    expect(buttonsOf(element)).toEqual([]);
  });
});
