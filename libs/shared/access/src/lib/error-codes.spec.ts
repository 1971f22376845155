import { ERROR_CODES } from './error-codes';

// DESIGN.md §5, "situation → API answer".
describe('error codes', () => {
  it.each([
    ['unauthenticated', 401],
    ['not_found', 404],
    ['access_denied', 403],
    ['tenant_suspended', 403],
    ['mfa_required', 403],
    ['session_validation_unavailable', 503],
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

  it('gives every code a sentence for people, not an internal detail', () => {
    for (const { message } of Object.values(ERROR_CODES)) {
      expect(message).toMatch(/^[A-Z].*\.$/);
    }
  });
});
