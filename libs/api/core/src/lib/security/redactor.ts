/**
 * The redactor: what may never be written to the audit log or a log line (spec/03 "never paste…", spec/05 "the MFA
 * audit redactor"). Pure functions, used by the audit module before every write and by the logger on every line.
 *
 * Keys (compared case-insensitively, ignoring `_`, `-`, `.` and spaces) that name a secret have their value replaced
 * by `[redacted]`, at any depth, in arrays too; keys that name a phone number keep only a masked tail (`+61 ... 678`).
 * Values shaped like a secret are masked wherever they appear, under any key and inside longer strings:
 * - a JWT (three base64url parts, the first starting `eyJ`);
 * - an `Authorization` scheme with its credential (`Bearer …`, `Basic …`);
 * - an AiDial API key: `aidial_` followed by 20 or more of `A–Z a–z 0–9 _ -` (the shape issue 8's keys take: a public
 *   prefix and a secret after it); shorter `aidial_…` words such as the `aidial_session` cookie name are not keys;
 * - an E.164 phone number (`+` and 8 to 15 digits, spaces, dots or dashes allowed between digits): replaced by its
 *   masked tail.
 * One-time codes and recovery codes have no shape of their own (six digits are also a count), so they are caught by
 * their keys; the audit log's allow-list keeps them from ever being a field in the first place.
 */

export const REDACTED = '[redacted]';

/** Key fragments naming secrets, after lower-casing and removing `_ - . ` and spaces. */
const SECRET_KEY_PARTS = [
  'password',
  'passwd',
  'passphrase',
  'secret',
  'token',
  'cookie',
  'authorization',
  'apikey',
  'otp',
  'onetimecode',
  'recoverycode',
  'verificationcode',
  'passcode',
  'smscode',
  'authcode',
  'authenticatorseed',
  'totpseed',
  'privatekey',
  'credential',
  'bearer',
  'jwt',
];

/** Keys that are secrets by themselves but too short to search for inside other keys (`code` in `error_code`). */
const SECRET_KEYS_EXACT = new Set(['code', 'pwd', 'seed', 'pin', 'cvv']);

const PHONE_KEY_PARTS = ['phone', 'mobile', 'msisdn', 'telephone'];
const PHONE_KEYS_EXACT = new Set(['tel']);

function normaliseKey(key: string): string {
  return key.toLowerCase().replace(/[\s_.-]/g, '');
}

export type KeyKind = 'secret' | 'phone' | 'plain';

/** What a key names: a secret (value dropped), a phone number (value masked to its tail) or nothing secret. */
export function classifyKey(key: string): KeyKind {
  const normal = normaliseKey(key);
  if (SECRET_KEYS_EXACT.has(normal) || SECRET_KEY_PARTS.some((part) => normal.includes(part))) return 'secret';
  if (PHONE_KEYS_EXACT.has(normal) || PHONE_KEY_PARTS.some((part) => normal.includes(part))) return 'phone';
  return 'plain';
}

const JWT = /\beyJ[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]*/g;
const AUTH_SCHEME = /\b(?:Bearer|Basic|Digest|Token)\s+[A-Za-z0-9._~+/=-]{4,}/gi;
export const API_KEY_SHAPE = /\baidial_[A-Za-z0-9_-]{20,}/g;
const E164 = /\+\d(?:[\s.-]?\d){7,14}(?!\d)/g;
const MASKED_TAIL = /^\+\d{1,3} \.\.\. \d{3}$/;

/** `+61412345678` → `+61 ... 678` (spec/05's masked tail: two leading digits and the last three). */
export function maskPhone(value: string): string {
  const digits = value.replace(/\D/g, '');
  if (digits.length < 8) return REDACTED;
  return `+${digits.slice(0, 2)} ... ${digits.slice(-3)}`;
}

/** Masks secret-shaped parts of a string; leaves everything else as it was. */
export function redactString(value: string): string {
  if (value.length < 8) return value;
  return value
    .replace(AUTH_SCHEME, REDACTED)
    .replace(JWT, REDACTED)
    .replace(API_KEY_SHAPE, REDACTED)
    .replace(E164, (match) => maskPhone(match));
}

const MAX_DEPTH = 16;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

function redactPhoneValue(value: unknown): unknown {
  if (typeof value === 'string' && MASKED_TAIL.test(value)) return value;
  if (typeof value === 'string' || typeof value === 'number') return maskPhone(String(value));
  return REDACTED;
}

/**
 * A deep copy of `value` with secret keys dropped to `[redacted]`, phone keys masked to their tail and secret-shaped
 * strings masked. Plain objects and arrays are walked; a Date becomes its ISO string; any other object (a class
 * instance, a Buffer) becomes `[redacted]`, since its contents cannot be checked. Cycles and depth beyond 16 are cut.
 */
export function redact(value: unknown): unknown {
  return walk(value, 0, new WeakSet(), true);
}

/**
 * The same masking of secret-shaped strings, for log lines: plain objects and arrays are walked and copied, but
 * other objects (errors, requests, responses) are passed through untouched for pino's own serializers, whose
 * header paths are censored separately (logger-options.ts).
 */
export function redactValueShapes(value: unknown): unknown {
  return walk(value, 0, new WeakSet(), false);
}

function walk(value: unknown, depth: number, seen: WeakSet<object>, byKey: boolean): unknown {
  if (typeof value === 'string') return redactString(value);
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return byKey ? value.toISOString() : value;
  if (!Array.isArray(value) && !isPlainObject(value)) return byKey ? REDACTED : value;
  if (seen.has(value) || depth >= MAX_DEPTH) return REDACTED;
  seen.add(value);
  let result: unknown;
  if (Array.isArray(value)) {
    result = value.map((item) => walk(item, depth + 1, seen, byKey));
  } else {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      const kind = byKey ? classifyKey(key) : 'plain';
      copy[key] =
        kind === 'secret' ? REDACTED : kind === 'phone' ? redactPhoneValue(item) : walk(item, depth + 1, seen, byKey);
    }
    result = copy;
  }
  seen.delete(value);
  return result;
}

/** A value shape the redactor masks that is always a secret (a phone number is personal, not a secret). */
export type RedactedSecretShape = 'jwt' | 'api_key';

/**
 * Which always-secret value shapes the redactor would mask in `text` (a JWT, an AiDial API key), for callers that must
 * refuse such a value rather than mask it (support tickets). Uses the redactor's own patterns, so the two never drift.
 */
export function findRedactedSecretShapes(text: string): RedactedSecretShape[] {
  const found: RedactedSecretShape[] = [];
  if (new RegExp(JWT.source).test(text)) found.push('jwt');
  if (new RegExp(API_KEY_SHAPE.source).test(text)) found.push('api_key');
  return found;
}
