import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { type AccessRefusal, accessRefusalFor, refusalDestination } from './access-refusal';

const envelope = (code: string, extra: object = {}) => ({
  code,
  message: 'A sentence.',
  request_id: 'req-1',
  ...extra,
});

// DESIGN.md §5, "situation → API answer → portal shows", row by row.
describe('accessRefusalFor', () => {
  it.each<[string, number, unknown, AccessRefusal | null]>([
    ['no session, expired or revoked session', 401, envelope('unauthenticated'), { kind: 'sign-in' }],
    ['a 401 without the envelope', 401, '<html>Unauthorized</html>', { kind: 'sign-in' }],
    ['section not allowed, or a missing resource', 404, envelope('not_found'), { kind: 'not-found' }],
    [
      'role not recognised, or no membership',
      403,
      envelope('access_denied'),
      { kind: 'access-denied', reason: 'role_not_recognised' },
    ],
    ['tenant not active', 403, envelope('tenant_suspended'), { kind: 'access-denied', reason: 'tenant_suspended' }],
    [
      'access context cannot be resolved',
      503,
      envelope('session_validation_unavailable'),
      { kind: 'access-denied', reason: 'session_validation_unavailable' },
    ],
    ['mandatory MFA not compliant', 403, envelope('mfa_required'), { kind: 'mfa-remediation' }],
    [
      'mandatory MFA not compliant, with the remediation path',
      403,
      envelope('mfa_required', { remediation_path: '/admin/profile' }),
      { kind: 'mfa-remediation', path: '/admin/profile' },
    ],
    [
      'mandatory MFA not compliant, with a remediation path elsewhere',
      403,
      envelope('mfa_required', { remediation_path: '//evil.example' }),
      { kind: 'mfa-remediation' },
    ],
    ['bad input', 400, envelope('validation_failed', { fields: [] }), null],
    ['a rate limit', 429, envelope('rate_limited'), null],
    ['a missing or wrong CSRF token', 403, envelope('csrf_failed'), null],
    ['a 403 without the envelope', 403, 'Forbidden', null],
    ['the database down', 503, envelope('service_unavailable'), null],
    ['no answer at all', 0, null, null],
  ])('%s (%i) → %j', (_situation, status, body, refusal) => {
    expect(accessRefusalFor(status, body)).toEqual(refusal);
  });
});

describe('refusalDestination', () => {
  let router: Router;
  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideRouter([])] });
    router = TestBed.inject(Router);
  });

  const destination = (refusal: AccessRefusal, askedFor: string, role?: 'client_staff' | 'aidial_admin') => {
    const { target, options } = refusalDestination(router, refusal, askedFor, role);
    return { url: router.serializeUrl(target), options };
  };

  it('sends a 401 to the sign-in page with the page asked for as the return path, replacing it in the history', () => {
    expect(destination({ kind: 'sign-in' }, '/status?refresh=1')).toEqual({
      url: '/sign-in?return_to=%2Fstatus%3Frefresh%3D1',
      options: { replaceUrl: true },
    });
  });

  it.each(['/', '/sign-in?error=session_expired', '/access-denied?reason=tenant_suspended'])(
    'keeps no return path for %s',
    (askedFor) => {
      expect(destination({ kind: 'sign-in' }, askedFor).url).toBe('/sign-in');
    },
  );

  it('names the reason on the access-denied page', () => {
    expect(destination({ kind: 'access-denied', reason: 'tenant_suspended' }, '/dashboard')).toEqual({
      url: '/access-denied?reason=tenant_suspended',
      options: { replaceUrl: true },
    });
  });

  it.each([
    ['client_staff', '/settings'],
    ['aidial_admin', '/admin/profile'],
    [undefined, '/settings'],
  ] as const)('sends %s to %s to fix MFA', (role, path) => {
    expect(destination({ kind: 'mfa-remediation' }, '/calls', role).url).toBe(path);
  });

  it('follows the remediation path the API names', () => {
    expect(destination({ kind: 'mfa-remediation', path: '/settings/security' }, '/calls', 'client_staff').url).toBe(
      '/settings/security',
    );
  });

  it('shows the not-found page while the address bar keeps the address asked for', () => {
    expect(destination({ kind: 'not-found' }, '/calls/42')).toEqual({
      url: '/not-found',
      options: { browserUrl: '/calls/42' },
    });
  });
});
