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
  ] as const)('%s answers %i', (code, status) => {
    expect(ERROR_CODES[code].status).toBe(status);
  });

  it('gives every code a sentence for people, not an internal detail', () => {
    for (const { message } of Object.values(ERROR_CODES)) {
      expect(message).toMatch(/^[A-Z].*\.$/);
    }
  });
});
