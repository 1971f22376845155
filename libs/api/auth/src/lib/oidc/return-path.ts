/** Where a user lands after sign-in when they asked for nothing, or for something we will not send them to. */
export const DEFAULT_RETURN_PATH = '/';

const PLACEHOLDER_ORIGIN = 'https://return-path.invalid';

/**
 * Keeps a requested return path only if it is a same-origin relative path. Protocol-relative (`//host`), backslash
 * (`/\host`), absolute, scheme (`javascript:`), control-character and encoded forms of those all fall back to `/`.
 */
export function safeReturnPath(requested: unknown): string {
  if (typeof requested !== 'string' || requested.length === 0 || requested.length > 2048) return DEFAULT_RETURN_PATH;
  let decoded = requested;
  try {
    // Decoding twice catches `%2F%2Fevil.example` and `%252F%252F…` that a later hop might decode.
    decoded = decodeURIComponent(decodeURIComponent(requested));
  } catch {
    return DEFAULT_RETURN_PATH;
  }
  for (const candidate of [requested, decoded]) {
    if (!candidate.startsWith('/') || candidate.startsWith('//') || candidate.includes('\\'))
      return DEFAULT_RETURN_PATH;
    // eslint-disable-next-line no-control-regex -- control characters are exactly what must be refused
    if (/[\u0000-\u001f\u007f]/.test(candidate)) return DEFAULT_RETURN_PATH;
  }
  const url = new URL(requested, PLACEHOLDER_ORIGIN);
  if (url.origin !== PLACEHOLDER_ORIGIN) return DEFAULT_RETURN_PATH;
  return `${url.pathname}${url.search}${url.hash}`;
}
