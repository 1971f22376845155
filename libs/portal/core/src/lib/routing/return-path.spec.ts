import { isSameOriginPath, returnPathWorthKeeping } from './return-path';

describe('isSameOriginPath', () => {
  it.each(['/dashboard', '/calls?page=2', '/settings/profile#mfa', '/admin/audit-log'])('keeps %s', (path) => {
    expect(isSameOriginPath(path)).toBe(true);
  });

  it.each([
    ['an absolute URL', 'https://evil.example/dashboard'],
    ['a protocol-relative URL', '//evil.example'],
    ['a backslash form', '/\\evil.example'],
    ['an encoded protocol-relative URL', '/%2F%2Fevil.example'],
    ['a twice-encoded protocol-relative URL', '%252F%252Fevil.example'],
    ['an encoded backslash', '/%5Cevil.example'],
    ['a scheme', 'javascript:alert(1)'],
    ['a relative path', 'dashboard'],
    ['a control character', '/dash\nboard'],
    ['a broken escape', '/%E0%A4%A'],
    ['an empty string', ''],
    ['something other than a string', 42],
  ])('refuses %s', (_form, path) => {
    expect(isSameOriginPath(path)).toBe(false);
  });
});

describe('returnPathWorthKeeping', () => {
  it('keeps a page of the portal', () => {
    expect(returnPathWorthKeeping('/status?refresh=1')).toBe('/status?refresh=1');
  });

  it.each([
    '/',
    '/sign-in',
    '/sign-in?error=session_expired',
    '/access-denied?reason=tenant_suspended',
    '//evil.example',
  ])('drops %s', (path) => {
    expect(returnPathWorthKeeping(path)).toBeUndefined();
  });
});
