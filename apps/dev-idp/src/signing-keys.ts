import { type JsonWebKey, type KeyObject, createPrivateKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

export interface SigningKey {
  readonly kid: string;
  readonly privateKey: KeyObject;
  /** Private JWK with `kid`, `alg` and `use`, as oidc-provider's `jwks` option takes it. */
  readonly jwk: JsonWebKey;
}

/** The RS256 key that signs ID tokens: read from `file` when it exists, else made now (and written there if a path is given). */
export function loadOrCreateSigningKey(file: string | undefined): SigningKey {
  if (file && existsSync(file)) {
    const { keys } = JSON.parse(readFileSync(file, 'utf8')) as { keys: JsonWebKey[] };
    const jwk = keys.find((key) => key.kty === 'RSA' && key.d !== undefined);
    if (!jwk || typeof jwk.kid !== 'string') throw new Error(`${file}: no private RSA key with a kid`);
    return {
      kid: jwk.kid,
      privateKey: createPrivateKey({ key: jwk, format: 'jwk' }),
      jwk: { ...jwk, alg: 'RS256', use: 'sig' },
    };
  }
  const key = newRsaKey();
  if (file) writeFileSync(file, `${JSON.stringify({ keys: [key.jwk] }, null, 2)}\n`, { mode: 0o600 });
  return key;
}

export function newRsaKey(): SigningKey {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = randomBytes(12).toString('base64url');
  return { kid, privateKey, jwk: { ...privateKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' } };
}
