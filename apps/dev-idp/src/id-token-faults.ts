import { createHmac, randomBytes, sign } from 'node:crypto';
import type { Clock } from './directory.ts';
import type { IdTokenFault } from './faults.ts';
import { type SigningKey, newRsaKey } from './signing-keys.ts';

type JsonObject = Record<string, unknown>;

export interface FaultContext {
  readonly signingKey: SigningKey;
  readonly clientSecret: string;
  readonly clock: Clock;
}

/** Re-mints a correct ID token with exactly one defect (faults.ts lists them). */
export function withFault(idToken: string, fault: IdTokenFault, context: FaultContext): string {
  const [encodedHeader, encodedPayload, signature] = idToken.split('.');
  const header = decode(encodedHeader);
  const payload = decode(encodedPayload);
  const now = Math.floor(context.clock() / 1000);
  const resign = (changedPayload: JsonObject) => signRs256(header, changedPayload, context.signingKey);

  switch (fault) {
    case 'wrong_iss':
      return resign({ ...payload, iss: 'https://wrong-issuer.example' });
    case 'wrong_aud':
      return resign({ ...payload, aud: 'another-client.example' });
    case 'extra_aud':
      return resign({ ...payload, aud: [payload.aud, 'another-client.example'] });
    case 'expired':
      // Expired well beyond any clock tolerance, with an iat that is still recent enough not to be stale.
      return resign({ ...payload, iat: now - 360, exp: now - 300 });
    case 'stale_iat':
      return resign({ ...payload, iat: now - 24 * 60 * 60 });
    case 'missing_sub': {
      const { sub: _sub, ...rest } = payload;
      return resign(rest);
    }
    case 'missing_nonce': {
      const { nonce: _nonce, ...rest } = payload;
      return resign(rest);
    }
    case 'wrong_nonce':
      return resign({ ...payload, nonce: randomBytes(16).toString('base64url') });
    case 'alg_none':
      return `${encode({ alg: 'none', typ: header.typ ?? 'JWT' })}.${encodedPayload}.`;
    case 'hs256_client_secret': {
      const input = `${encode({ alg: 'HS256', typ: header.typ ?? 'JWT' })}.${encodedPayload}`;
      return `${input}.${createHmac('sha256', context.clientSecret).update(input).digest('base64url')}`;
    }
    case 'bad_signature': {
      const bytes = Buffer.from(signature, 'base64url');
      bytes[0] ^= 0xff;
      return `${encodedHeader}.${encodedPayload}.${bytes.toString('base64url')}`;
    }
    case 'unknown_kid': {
      const stranger = newRsaKey();
      return signRs256({ ...header, kid: stranger.kid }, payload, stranger);
    }
  }
}

function signRs256(header: JsonObject, payload: JsonObject, key: SigningKey): string {
  const input = `${encode({ ...header, alg: 'RS256', kid: header.kid ?? key.kid })}.${encode(payload)}`;
  return `${input}.${sign('sha256', Buffer.from(input), key.privateKey).toString('base64url')}`;
}

function decode(part: string): JsonObject {
  return JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as JsonObject;
}

function encode(value: JsonObject): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}
