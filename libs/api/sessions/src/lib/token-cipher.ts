import { type KeyObject, createCipheriv, createDecipheriv, createSecretKey, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Encrypts the provider tokens kept in a session row (AES-256-GCM, a fresh 96-bit IV each time) with a key derived
 * from SESSION_SECRET by HKDF, so the secret itself is never used as a key and a database dump reveals no token.
 * Format: `v1.<iv>.<tag>.<ciphertext>`, base64url parts.
 */
export class TokenCipher {
  /** A KeyObject made once: each cipher made from a raw Buffer key imports it again (about three times the cost). */
  private readonly key: KeyObject;

  constructor(sessionSecret: string) {
    this.key = createSecretKey(
      Buffer.from(hkdfSync('sha256', sessionSecret, 'aidial-access', 'session-token-encryption-v1', 32)),
    );
  }

  encrypt(value: unknown): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const ciphertext = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
    return ['v1', iv, cipher.getAuthTag(), ciphertext]
      .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
      .join('.');
  }

  decrypt<T>(sealed: string): T {
    const [version, iv, tag, ciphertext] = sealed.split('.');
    if (version !== 'v1' || !iv || !tag || ciphertext === undefined) throw new Error('unknown token envelope');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    const plain = Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]);
    return JSON.parse(plain.toString('utf8')) as T;
  }
}
