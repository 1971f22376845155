import { createHash, randomUUID } from 'node:crypto';
import { heading } from '@aidial/stand-ins/testing';
import { DataSource } from 'typeorm';
import {
  type CallbackResult,
  type SignInStack,
  cookieHeader,
  demoUser,
  passProvider,
  setCookies,
  startLogin,
} from './sign-in-flow';

/** A signed-in browser: its cookies (session and CSRF) by name. */
export type Cookies = Record<string, string>;

export const SESSION_COOKIE = 'aidial_session';
export const CSRF_COOKIE = 'XSRF-TOKEN';

export const USER_AGENTS = {
  chromeOnMac:
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  firefoxOnIphone:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_7 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) FxiOS/132.0 Mobile/15E148 Safari/605.1.15',
  edgeOnWindows:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.86',
} as const;

/**
 * One whole sign-in from a browser with the given user agent, optionally still carrying the cookies of an earlier
 * session (a re-sign-in in the same browser). The carried cookies are overwritten by what the callback sets.
 */
export async function signInFrom(
  stack: SignInStack,
  email: string,
  options: { userAgent?: string; carrying?: Cookies } = {},
): Promise<CallbackResult> {
  const login = await startLogin(stack, email);
  const page = await passProvider(stack, login.url, demoUser(email));
  if (!page.left) throw new Error(`the provider did not send the browser back: ${heading(page)}`);
  const response = await fetch(page.url, {
    redirect: 'manual',
    headers: {
      cookie: cookieHeader({ ...options.carrying, ...login.cookies }),
      ...(options.userAgent ? { 'user-agent': options.userAgent } : {}),
    },
  });
  if (response.status !== 302) throw new Error(`the callback answered ${response.status}`);
  return {
    status: response.status,
    location: response.headers.get('location') ?? '',
    cookies: { ...options.carrying, ...setCookies(response) },
  };
}

/** The id of the session a browser's cookie stands for (the row holds only the cookie's SHA-256). */
export async function sessionIdOf(db: DataSource, cookies: Cookies): Promise<string> {
  const hash = createHash('sha256')
    .update(cookies[SESSION_COOKIE] ?? '')
    .digest();
  const [row] = (await db.query(`SELECT id FROM session WHERE token_hash = $1`, [hash])) as Array<{ id: string }>;
  if (!row) throw new Error('no session row for that cookie');
  return row.id;
}

export interface Answer {
  readonly status: number;
  readonly text: string;
  readonly body: Record<string, unknown>;
  readonly headers: Headers;
  readonly requestId: string;
}

/** A call from a signed-in browser: cookies, the CSRF header (unless `csrf: false`) and a request id to find audit rows by. */
export async function callApi(
  stack: SignInStack,
  cookies: Cookies | null,
  method: string,
  path: string,
  options: { csrf?: boolean; userAgent?: string } = {},
): Promise<Answer> {
  const requestId = `sessions-test-${randomUUID()}`;
  const response = await fetch(`${stack.api.baseUrl}${path}`, {
    method,
    headers: {
      'x-request-id': requestId,
      ...(options.userAgent ? { 'user-agent': options.userAgent } : {}),
      ...(cookies ? { cookie: cookieHeader(cookies) } : {}),
      ...(cookies && options.csrf !== false ? { 'x-xsrf-token': cookies[CSRF_COOKIE] ?? '' } : {}),
    },
  });
  const text = await response.text();
  const body =
    text && (response.headers.get('content-type') ?? '').includes('json')
      ? (JSON.parse(text) as Record<string, unknown>)
      : {};
  return { status: response.status, text, body, headers: response.headers, requestId };
}
