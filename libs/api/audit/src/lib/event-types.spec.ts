import { AUDIT_ACTIONS, AUDIT_EVENT_TYPES } from './audit-event-types';
import { allowedDetails, isAuditAction, targetTypeOf } from './event-types';

describe('audit event types (allow-list)', () => {
  it('knows every declared type and nothing else', () => {
    expect(AUDIT_ACTIONS.every(isAuditAction)).toBe(true);
    expect(isAuditAction('auth.sign_in')).toBe(true);
    expect(isAuditAction('auth.password_changed')).toBe(false);
    expect(isAuditAction('toString')).toBe(false);
    expect(isAuditAction(undefined)).toBe(false);
  });

  it('declares no field that names a secret, and no phone field but the masked tail', () => {
    const fields = AUDIT_ACTIONS.flatMap((action) => [...AUDIT_EVENT_TYPES[action].details]);
    expect(fields.filter((field) => /otp|code|token|cookie|secret|password|key|authorization/i.test(field))).toEqual(
      [],
    );
    // spec/05: the audit row holds the masked tail only; the redactor keeps `+61 ... 678` and masks anything else.
    expect(fields.filter((field) => /phone|mobile|msisdn/i.test(field))).toEqual(['phone_tail']);
  });

  it('keeps only the fields the type declares', () => {
    expect(
      allowedDetails('tenancy.member.role_changed', {
        user_id: 'u1',
        from_role: 'client_staff',
        to_role: 'client_manager',
        team: 'team',
        session_cookie: 'aidial_session=abc',
        phone: '+61412345678',
      }),
    ).toEqual({ user_id: 'u1', from_role: 'client_staff', to_role: 'client_manager', team: 'team' });
  });

  it('drops fields left undefined and answers an empty object for a type without fields', () => {
    expect(allowedDetails('auth.sign_in', { reason: undefined, amr: ['pwd'] })).toEqual({ amr: ['pwd'] });
    expect(allowedDetails('admin.membership.removed', { role: 'client_admin' })).toEqual({});
    expect(allowedDetails('auth.sign_out', undefined)).toEqual({});
  });

  it.each([
    ['auth.sign_in', 'user'],
    ['tenancy.member.removed', 'membership'],
    ['admin.tenant.status_changed', 'tenant'],
    ['access.denied', 'route'],
  ] as const)('%s is about a %s', (action, target) => {
    expect(targetTypeOf(action)).toBe(target);
  });
});
