import { createHmac, randomBytes } from 'node:crypto';
import type { Clock } from './directory.ts';
import type { IdTokenFault } from './faults.ts';
import { type JsonObject, decodeSegment as decode, encodeSegment as encode, signRs256 } from './jwt.ts';
import { type SigningKey, newRsaKey } from './signing-keys.ts';

export interface FaultContext {
  readonly signingKey: SigningKey;
  readonly clientSecret: string;
  readonly clock: Clock;
}

/**
 * Re-mints a correct ID token (`aud` = [client, project], `azp` = client, as token-endpoint.ts shapes it) with exactly
 * one defect (faults.ts lists them).
 */
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
      return resign({ ...payload, aud: [...audienceOf(payload), 'another-client.example'] });
    case 'aud_without_azp': {
      const { azp: _azp, ...rest } = payload;
      return resign(rest);
    }
    case 'wrong_azp':
      return resign({ ...payload, azp: 'another-client.example' });
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
    case 'stale_auth_time':
      // Not a defect by itself: the user signed in an hour ago and the provider kept that session. A sign-in accepts
      // it; a step-up, which asked for a `max_age`, must not.
      return resign({ ...payload, auth_time: now - 60 * 60 });
    case 'unknown_kid': {
      const stranger = newRsaKey();
      return signRs256({ ...header, kid: stranger.kid }, payload, stranger);
    }
  }
}

function audienceOf(payload: JsonObject): unknown[] {
  return Array.isArray(payload.aud) ? payload.aud : [payload.aud];
}
