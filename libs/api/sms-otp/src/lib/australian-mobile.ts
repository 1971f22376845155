import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/** What a typed number turned out to be. Only `ok` numbers are ever sent anywhere. */
export type AustralianMobileResult =
  | { readonly ok: true; readonly e164: string }
  | { readonly ok: false; readonly reason: 'not_australian' | 'not_a_mobile' | 'not_a_number' };

/**
 * Digits, spaces and the punctuation people write numbers with; anything else (letters, `ext`, `;`) is not a number.
 */
const WRITTEN_NUMBER = /^\+?[\d\s().-]+$/;

/**
 * Normalises the usual written forms of an Australian mobile number (`0412 345 678`, `(04) 1234 5678`,
 * `+61 412 345 678`, `+61 (0) 412 345 678`, `61412345678`) to E.164 (`+61412345678`) with libphonenumber-js's full
 * metadata, and refuses everything else: another country's number (spec/05: `+61` only), an Australian landline or
 * service number (it cannot receive a text), an extension, and anything that is not a valid number. Pure: no I/O, no
 * logging.
 */
export function parseAustralianMobile(input: string): AustralianMobileResult {
  const typed = input.trim();
  if (!WRITTEN_NUMBER.test(typed) || !/\d/.test(typed)) return { ok: false, reason: 'not_a_number' };
  const international = typed.startsWith('+');
  if (international && !/^\+\s*6\s*1/.test(typed)) return { ok: false, reason: 'not_australian' };
  const parsed = parsePhoneNumberFromString(typed, 'AU');
  if (!parsed) return { ok: false, reason: 'not_a_number' };
  if (parsed.countryCallingCode !== '61') return { ok: false, reason: 'not_australian' };
  if (!parsed.isValid() || parsed.country !== 'AU') return { ok: false, reason: 'not_a_number' };
  if (parsed.getType() !== 'MOBILE') return { ok: false, reason: 'not_a_mobile' };
  return { ok: true, e164: parsed.number };
}
