import { findRedactedSecretShapes } from '@aidial/api/core';

/**
 * What a support ticket must never hold (spec/03: "users and operators must not paste recovery-code values,
 * authenticator seeds, one-time codes, session cookies, or bearer tokens into tickets"). A ticket that holds one is
 * refused, not masked: the person is told to remove it, and nothing of it is stored.
 *
 * The rules aim at things shaped like a secret, and accept ordinary prose that merely mentions one ("my one-time code
 * did not arrive", "call me on 0412 345 678", "ticket 123456", "a basic question"). docs/support.md lists them.
 */
export const TICKET_SECRET_KINDS = [
  'jwt',
  'api_key',
  'authorization_header',
  'session_cookie',
  'one_time_code',
  'recovery_code',
  'otpauth_uri',
  'totp_seed',
  'private_key',
  'cloud_key',
] as const;
export type TicketSecretKind = (typeof TICKET_SECRET_KINDS)[number];

/** An `Authorization:` header with a value, or a scheme followed by a credential-like string (16+ characters, a digit). */
const AUTHORIZATION_HEADER = /\bauthorization\s*:\s*\S{4,}/i;
const SCHEME_CREDENTIAL = /\b(?:bearer|basic|digest|token)\s+(?=[A-Za-z0-9._~+/=-]*\d)[A-Za-z0-9._~+/=-]{16,}/i;

/** A `Cookie:` / `Set-Cookie:` header with a name=value pair, or this product's session or CSRF cookie with its value. */
const COOKIE_HEADER = /\b(?:set-)?cookie\s*:\s*[^\s=;:]+=[^\s;]+/i;
const PRODUCT_COOKIE = /(?:__Host-)?(?:aidial_session|XSRF-TOKEN)\s*=\s*[^\s;]{8,}/i;

/**
 * A one-time code presented as one: a code word, then (optionally) `:`, `=`, `#`, `is` or `was`, then 6–8 digits, or
 * two groups of 3–4 digits as authenticator apps show them ("123 456"), not followed by more digits (a phone number).
 */
const CODE_WORDS =
  '(?:otp|one[\\s-]?time(?:[\\s-]?pass)?(?:[\\s-]?code)?|passcode|pin|2fa(?:\\s+code)?|mfa(?:\\s+code)?|totp(?:\\s+code)?|(?:verification|security|sms|text|authenticator|authentication|auth|login|sign[\\s-]?in|access)\\s+code|code)';
const PRESENTED_CODE = new RegExp(
  `(?:(\\p{L}+)[\\s-]+)?\\b(${CODE_WORDS})s?\\b\\s*(?:[:=#]|\\bis\\b|\\bwas\\b)?\\s*(?:[:=#]\\s*)?["'“‘]?(\\d{3,4}[\\s-]?\\d{3,4}|\\d{6,8})(?![\\s-]?\\d)`,
  'giu',
);
/** A bare "code" or "pin" preceded by one of these is a reference, not a secret: "error code 123456", "post code". */
const NOT_A_SECRET_BEFORE_CODE = new Set([
  'error',
  'status',
  'reference',
  'ref',
  'ticket',
  'case',
  'invoice',
  'order',
  'post',
  'zip',
  'area',
  'country',
  'product',
  'promo',
  'discount',
  'tracking',
  'booking',
  'customer',
  'client',
  'project',
  'response',
  'exit',
  'reason',
  'sort',
  'bsb',
  'swift',
  'campaign',
  'call',
]);

/**
 * A recovery code of the identity provider (apps/dev-idp mirrors Zitadel): two groups of five from
 * `A–Z 2–9` without I, O, 0 and 1, as issued (upper case); or anything code-like after "recovery code".
 */
const RECOVERY_CODE_SHAPE = /(?<![A-Za-z0-9-])[A-HJ-NP-Z2-9]{5}-[A-HJ-NP-Z2-9]{5}(?![A-Za-z0-9-])/;
const PRESENTED_RECOVERY_CODE =
  /\brecovery[\s-]?codes?\b\s*(?:[:=#]|\bis\b|\bwas\b|\bare\b)?\s*["'“‘]?(?=[A-Za-z0-9-]*\d)[A-Za-z0-9]{4,}(?:-[A-Za-z0-9]{4,})*/i;

const OTPAUTH_URI = /\botpauth(?:-migration)?:\/\//i;

/**
 * A TOTP seed: base32 (`A–Z 2–7`) of 16 or more characters, possibly in groups of four as apps show it. After a
 * seed word ("secret", "seed", "key") any such string counts; alone, it must mix letters and at least two digits.
 */
const PRESENTED_SEED =
  /\b(?:secret|seed|setup\s+key|secret\s+key|key)\b\s*(?:[:=#]|\bis\b|\bwas\b)?\s*["'“‘]?(?:[A-Z2-7]{4}\s?){3}[A-Z2-7]{4,}/i;
const BARE_SEED = /(?<![A-Za-z0-9])(?=(?:[A-Z]*[2-7]){2})(?=(?:[2-7]*[A-Z]){4})[A-Z2-7]{16,}={0,6}(?![A-Za-z0-9])/;

const PRIVATE_KEY_BLOCK = /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/;
/** AWS access key ids, and an AWS secret access key given with its name. */
const CLOUD_KEY =
  /(?<![A-Z0-9])(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}(?![A-Z0-9])|aws_?secret_?access_?key\s*[=:]\s*\S{20,}/i;

function presentsOneTimeCode(text: string): boolean {
  for (const match of text.matchAll(PRESENTED_CODE)) {
    const [, before = '', keyword = '', value = ''] = match;
    const isBareWord = /^(?:code|pin)$/i.test(keyword);
    if (isBareWord && NOT_A_SECRET_BEFORE_CODE.has(before.toLowerCase())) continue;
    const digits = value.replace(/\D/g, '');
    if (digits.length >= 6 && digits.length <= 8) return true;
  }
  return false;
}

/** The kinds of secret found in `text`, each once, in the order of `TICKET_SECRET_KINDS`; empty when none. */
export function findSecretShapes(text: string): TicketSecretKind[] {
  const found = new Set<TicketSecretKind>(findRedactedSecretShapes(text));
  if (AUTHORIZATION_HEADER.test(text) || SCHEME_CREDENTIAL.test(text)) found.add('authorization_header');
  if (COOKIE_HEADER.test(text) || PRODUCT_COOKIE.test(text)) found.add('session_cookie');
  if (presentsOneTimeCode(text)) found.add('one_time_code');
  if (RECOVERY_CODE_SHAPE.test(text) || PRESENTED_RECOVERY_CODE.test(text)) found.add('recovery_code');
  if (OTPAUTH_URI.test(text)) found.add('otpauth_uri');
  if (PRESENTED_SEED.test(text) || BARE_SEED.test(text)) found.add('totp_seed');
  if (PRIVATE_KEY_BLOCK.test(text)) found.add('private_key');
  if (CLOUD_KEY.test(text)) found.add('cloud_key');
  return TICKET_SECRET_KINDS.filter((kind) => found.has(kind));
}

/** What the person is told, per kind (the value itself is never echoed). */
export const TICKET_SECRET_MESSAGES: Readonly<Record<TicketSecretKind, string>> = {
  jwt: 'This looks like a token (JWT). Remove it: AiDial support never needs it.',
  api_key: 'This looks like an AiDial API key. Remove it, and revoke the key if it was shared anywhere.',
  authorization_header: 'This looks like an authorization header or bearer token. Remove it.',
  session_cookie: 'This looks like a session cookie. Remove it: AiDial support never needs it.',
  one_time_code: 'This looks like a one-time code. Remove it: AiDial support never asks for codes.',
  recovery_code: 'This looks like a recovery code. Remove it: never share recovery codes, not even with support.',
  otpauth_uri: 'This looks like an authenticator setup link (otpauth://). Remove it.',
  totp_seed: 'This looks like an authenticator secret key. Remove it.',
  private_key: 'This looks like a private key. Remove it.',
  cloud_key: 'This looks like a cloud access key. Remove it.',
};
