import { randomBytes } from 'node:crypto';
import { crc32 } from 'node:zlib';

/**
 * The shape of an AiDial API key: `aidial_<public id>_<secret><checksum>`.
 * - `aidial_`: recognisable by people, secret scanners and the log redactor (`API_KEY_SHAPE` in api-core matches it);
 * - public id: 12 of `a–z 0–9`, stored in clear, the lookup key, shown in the list;
 * - secret: 40 of `A–Z a–z 0–9` (about 238 bits), stored only as an HMAC;
 * - checksum: CRC-32 of everything before it, 6 base-62 characters, so a mistyped or made-up key is refused without a
 *   database read.
 */
export const API_KEY_PREFIX = 'aidial_';
export const PUBLIC_ID_LENGTH = 12;
export const SECRET_LENGTH = 40;
export const CHECKSUM_LENGTH = 6;
export const API_KEY_LENGTH = API_KEY_PREFIX.length + PUBLIC_ID_LENGTH + 1 + SECRET_LENGTH + CHECKSUM_LENGTH;

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const LOWER36 = '0123456789abcdefghijklmnopqrstuvwxyz';
const KEY = /^aidial_([a-z0-9]{12})_([A-Za-z0-9]{40})([A-Za-z0-9]{6})$/;

/** Uniform random characters from `alphabet` (rejection sampling: no modulo bias). */
function randomString(alphabet: string, length: number): string {
  const limit = 256 - (256 % alphabet.length);
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < limit && out.length < length) out += alphabet[byte % alphabet.length];
    }
  }
  return out;
}

export function checksumOf(body: string): string {
  let value = crc32(body);
  let out = '';
  for (let index = 0; index < CHECKSUM_LENGTH; index++) {
    out = BASE62[value % 62] + out;
    value = Math.floor(value / 62);
  }
  return out;
}

export interface ApiKeyParts {
  readonly publicId: string;
  readonly secret: string;
}

export interface IssuedApiKey extends ApiKeyParts {
  /** The whole key, shown to its creator once and never stored. */
  readonly key: string;
  /** The key's last four characters, kept to help people recognise it in the list. */
  readonly lastFour: string;
}

export function issueApiKey(): IssuedApiKey {
  const publicId = randomString(LOWER36, PUBLIC_ID_LENGTH);
  const secret = randomString(BASE62, SECRET_LENGTH);
  const body = `${API_KEY_PREFIX}${publicId}_${secret}`;
  const key = `${body}${checksumOf(body)}`;
  return { key, publicId, secret, lastFour: key.slice(-4) };
}

/** The parts of a well-formed key whose checksum matches, or null (refused without a database read). */
export function parseApiKey(value: string | undefined): ApiKeyParts | null {
  if (value === undefined || value.length !== API_KEY_LENGTH) return null;
  const match = KEY.exec(value);
  if (!match) return null;
  const [, publicId = '', secret = '', checksum = ''] = match;
  if (checksumOf(`${API_KEY_PREFIX}${publicId}_${secret}`) !== checksum) return null;
  return { publicId, secret };
}
