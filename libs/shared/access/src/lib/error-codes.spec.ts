import { ERROR_CODES } from './error-codes';

// DESIGN.md §5, "situation → API answer".
describe('error codes', () => {
  it.each([
    ['unauthenticated', 401],
    ['not_found', 404],
    ['access_denied', 403],
    ['tenant_suspended', 403],
    ['mfa_required', 403],
    ['reauthentication_required', 403],
    ['session_validation_unavailable', 503],
    ['identity_provider_misconfigured', 503],
    ['validation_failed', 400],
    ['api_key_invalid', 401],
    ['api_key_scope_missing', 403],
    ['browser_credentials_refused', 403],
    ['scope_not_grantable', 403],
    ['upstream_unavailable', 502],
    ['upstream_timeout', 504],
  ] as const)('%s answers %i', (code, status) => {
    expect(ERROR_CODES[code].status).toBe(status);
  });

  /** spec/05's troubleshooting list quotes these without a full stop; the answers carry them word for word. */
  const SPEC_05_MESSAGES = {
    mfa_sms_tenant_not_enabled: 'SMS one-time code is not available for this organisation',
    mfa_sms_role_not_allowed: 'SMS one-time code is not available for this account type',
    mfa_sms_country_not_supported: 'Only Australian phone numbers are supported',
    mfa_sms_rate_limited: 'Too many SMS one-time code requests',
    mfa_sms_provider_unavailable: 'SMS OTP provider is not configured',
  } as const;

  it('gives every code a sentence for people, not an internal detail', () => {
    for (const [code, { message }] of Object.entries(ERROR_CODES)) {
      if (code in SPEC_05_MESSAGES) continue;
      expect(message).toMatch(/^[A-Z].*\.$/);
    }
  });

  it.each(Object.entries(SPEC_05_MESSAGES))('answers %s with spec/05\'s words: "%s"', (code, message) => {
    expect(ERROR_CODES[code as keyof typeof SPEC_05_MESSAGES].message).toBe(message);
  });
});
