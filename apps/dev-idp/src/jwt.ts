import { type KeyObject, createHash, createPublicKey, sign, verify } from 'node:crypto';
import type { SigningKey } from './signing-keys.ts';

export type JsonObject = Record<string, unknown>;

/** A compact JWS signed with RS256 by `key`; the header keeps its own fields and gets the key's id unless it has one. */
export function signRs256(header: JsonObject, payload: JsonObject, key: SigningKey): string {
  const input = `${encodeSegment({ typ: 'JWT', ...header, alg: 'RS256', kid: header.kid ?? key.kid })}.${encodeSegment(payload)}`;
  return `${input}.${sign('sha256', Buffer.from(input), key.privateKey).toString('base64url')}`;
}

/** The payload of a JWT this provider signed with `key`, or undefined when it is not one (or was altered). */
export function verifiedPayload(token: string, key: SigningKey): JsonObject | undefined {
  const [encodedHeader, encodedPayload, signature] = token.split('.');
  if (!encodedHeader || !encodedPayload || !signature) return undefined;
  try {
    const publicKey: KeyObject = createPublicKey(key.privateKey);
    const input = Buffer.from(`${encodedHeader}.${encodedPayload}`);
    if (!verify('sha256', input, publicKey, Buffer.from(signature, 'base64url'))) return undefined;
    return decodeSegment(encodedPayload);
  } catch {
    return undefined;
  }
}

export function decodeSegment(part: string): JsonObject {
  return JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as JsonObject;
}

export function encodeSegment(value: JsonObject): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** OIDC's `at_hash` for an RS256 ID token: the left half of the SHA-256 of the access token, base64url. */
export function accessTokenHash(accessToken: string): string {
  const digest = createHash('sha256').update(accessToken).digest();
  return digest.subarray(0, digest.length / 2).toString('base64url');
}
