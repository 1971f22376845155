import { ACCESS_DENIED_PATH, SIGN_IN_PATH } from './portal-paths';

const PLACEHOLDER_ORIGIN = 'https://return-path.invalid';

/**
 * True for a path on the portal's own origin (`/calls?page=2`), false for anything a redirect could carry elsewhere:
 * absolute and protocol-relative URLs (`//host`), backslash forms (`/\host`), control characters and their encoded
 * forms. The API checks the return path again; this keeps the portal from ever asking for a bad one.
 */
export function isSameOriginPath(candidate: unknown): candidate is string {
  if (typeof candidate !== 'string' || candidate.length === 0 || candidate.length > 2048) return false;
  let decoded: string;
  try {
    decoded = decodeURIComponent(decodeURIComponent(candidate));
  } catch {
    return false;
  }
  for (const form of [candidate, decoded]) {
    if (!form.startsWith('/') || form.startsWith('//') || form.includes('\\')) return false;
    // eslint-disable-next-line no-control-regex -- control characters are exactly what must be refused
    if (/[\u0000-\u001f\u007f]/.test(form)) return false;
  }
  return new URL(candidate, PLACEHOLDER_ORIGIN).origin === PLACEHOLDER_ORIGIN;
}

/**
 * The page to return to after signing in, or undefined when there is none worth keeping: not a same-origin path, the
 * portal root (the role's home is the default anyway), or one of the sign-in pages themselves (that would loop).
 */
export function returnPathWorthKeeping(candidate: unknown): string | undefined {
  if (!isSameOriginPath(candidate) || candidate === '/') return undefined;
  const path = new URL(candidate, PLACEHOLDER_ORIGIN).pathname;
  if ([SIGN_IN_PATH, ACCESS_DENIED_PATH].some((page) => path === page || path.startsWith(`${page}/`))) return undefined;
  return candidate;
}
