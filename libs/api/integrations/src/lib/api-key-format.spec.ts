import { API_KEY_SHAPE, redactString } from '@aidial/api/core';
import { API_KEY_LENGTH, checksumOf, issueApiKey, parseApiKey } from './api-key-format';
import { ApiKeyHasher } from './api-key-hasher';

describe('API key format', () => {
  it('issues aidial_<public id>_<secret><checksum> keys that parse back into their parts', () => {
    const issued = issueApiKey();
    expect(issued.key).toMatch(/^aidial_[a-z0-9]{12}_[A-Za-z0-9]{46}$/);
    expect(issued.key).toHaveLength(API_KEY_LENGTH);
    expect(parseApiKey(issued.key)).toEqual({ publicId: issued.publicId, secret: issued.secret });
    expect(issued.lastFour).toBe(issued.key.slice(-4));
  });

  it('issues a different key every time', () => {
    const keys = new Set(Array.from({ length: 200 }, () => issueApiKey().key));
    expect(keys.size).toBe(200);
  });

  it('refuses a key with one character changed, by its checksum', () => {
    const { key } = issueApiKey();
    const position = 30;
    const changed = key.slice(0, position) + (key[position] === 'a' ? 'b' : 'a') + key.slice(position + 1);
    expect(parseApiKey(changed)).toBeNull();
  });

  it.each([
    [undefined],
    [''],
    ['aidial_'],
    ['Bearer aidial_abc'],
    ['x'.repeat(66)],
    ['aidial_ABCDEFGHIJKL_' + 'a'.repeat(46)],
  ])('refuses the malformed value %p', (value) => {
    expect(parseApiKey(value)).toBeNull();
  });

  it('has a checksum of six base-62 characters', () => {
    expect(checksumOf('aidial_x')).toMatch(/^[A-Za-z0-9]{6}$/);
  });

  it('has the shape the log and audit redactor masks, so a key never reaches a log line or an audit row', () => {
    const { key } = issueApiKey();
    expect(key).toMatch(new RegExp(`^${API_KEY_SHAPE.source}$`));
    expect(redactString(`called with ${key} today`)).not.toContain(key.slice(7));
  });
});

describe('API key hasher', () => {
  const hasher = new ApiKeyHasher('pepper-'.repeat(6));

  it('stores an HMAC-SHA-256 of the secret (32 bytes), never the secret', () => {
    const hash = hasher.hash('secret-value');
    expect(hash).toHaveLength(32);
    expect(hash.toString('utf8')).not.toContain('secret-value');
  });

  it('matches the right secret only', () => {
    const stored = hasher.hash('right');
    expect(hasher.matches('right', stored)).toBe(true);
    expect(hasher.matches('wrong', stored)).toBe(false);
    expect(hasher.matches('right', null)).toBe(false);
  });

  it('depends on the pepper: the same secret under another pepper does not match', () => {
    expect(new ApiKeyHasher('other-'.repeat(7)).matches('right', hasher.hash('right'))).toBe(false);
  });
});
