import { TokenCipher } from './token-cipher';

const SECRET = 'unit-test-session-secret-0123456789abcdef';

describe('TokenCipher', () => {
  it('round-trips what it encrypts, with a different ciphertext every time', () => {
    const cipher = new TokenCipher(SECRET);
    const tokens = { idToken: 'eyJhbGciOiJSUzI1NiJ9.x.y', accessToken: 'at-123' };
    const first = cipher.encrypt(tokens);
    expect(first).not.toContain('eyJhbGci');
    expect(first).not.toEqual(cipher.encrypt(tokens));
    expect(cipher.decrypt(first)).toEqual(tokens);
  });

  it('refuses a tampered value', () => {
    const cipher = new TokenCipher(SECRET);
    const sealed = cipher.encrypt({ accessToken: 'at-123' });
    const parts = sealed.split('.');
    const flipped = Buffer.from(parts[3] ?? '', 'base64url');
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    parts[3] = flipped.toString('base64url');
    expect(() => cipher.decrypt(parts.join('.'))).toThrow();
  });

  it('cannot be opened with another secret', () => {
    const sealed = new TokenCipher(SECRET).encrypt({ accessToken: 'at-123' });
    expect(() => new TokenCipher(`${SECRET}-other`).decrypt(sealed)).toThrow();
  });
});
