import { safeReturnPath } from './return-path';

describe('safeReturnPath', () => {
  it.each(['/dashboard', '/settings/profile?tab=security', '/calls#recent', '/admin/tenants?q=acme%20health'])(
    'keeps %s',
    (path) => {
      expect(safeReturnPath(path)).toBe(path);
    },
  );

  it.each([
    ['a protocol-relative URL', '//evil.example/phish'],
    ['a backslash host', '/\\evil.example'],
    ['a backslash-only host', '\\\\evil.example'],
    ['an absolute URL', 'https://evil.example/'],
    ['a scheme', 'javascript:alert(1)'],
    ['an encoded protocol-relative URL', '%2F%2Fevil.example'],
    ['an encoded slash after the first', '/%2Fevil.example'],
    ['a double-encoded protocol-relative URL', '/%252Fevil.example'],
    ['an encoded backslash', '/%5Cevil.example'],
    ['a tab inside the host part', '/\t/evil.example'],
    ['a newline', '/dashboard\nSet-Cookie: x=1'],
    ['a relative path without a slash', 'dashboard'],
    ['an empty value', ''],
    ['a malformed encoding', '/%E0%A4%A'],
    ['something that is not a string', ['/dashboard']],
  ])('refuses %s', (_label, requested) => {
    expect(safeReturnPath(requested)).toBe('/');
  });
});
