import { Browser, type Page, heading } from '@aidial/stand-ins/testing';
import * as OTPAuth from 'otpauth';
import { DataSource } from 'typeorm';
import {
  type CallbackResult,
  type DemoUser,
  type SignInStack,
  cookieHeader,
  deliverCallback,
  demoUser,
  setCookies,
  startLogin,
} from './sign-in-flow';
import { firstMembershipOf, changeTenant, changeUser, resetMfaPolicies } from '@aidial/api/testing';
import { type MfaPolicy } from '@aidial/api/tenancy';

export function totpNow(secret: string): string {
  return new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30 }).generate();
}

/** How the person passes the provider's second step. `none`: the user has no second factor, the provider asks none. */
export type SecondFactor =
  | { readonly kind: 'none' }
  | { readonly kind: 'totp'; readonly secret: string }
  | { readonly kind: 'recovery-code'; readonly code: string };

/** Back to the seed at the provider: factors, recovery codes, sessions and faults. */
export async function resetIdp(stack: SignInStack): Promise<void> {
  const response = await fetch(new URL('/dev/reset', stack.idp.issuer), { method: 'POST' });
  if (!response.ok) throw new Error(`dev reset answered ${response.status}`);
}

/**
 * Switches the provider's REST API (`/v2/…`) off, to slow (each call answers after 5 s, beyond the backend's timeout)
 * or back on; OIDC sign-in keeps working (a Zitadel API outage).
 */
export async function setRestApiFault(stack: SignInStack, restApi: 'none' | 'unavailable' | 'slow'): Promise<void> {
  const response = await fetch(new URL('/dev/faults', stack.idp.issuer), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ restApi }),
  });
  if (!response.ok) throw new Error(`dev faults answered ${response.status}`);
}

/** The provider's authentication methods for a user, asked as the backend asks (service token). */
export async function authenticationMethods(stack: SignInStack, user: DemoUser): Promise<string[]> {
  const response = await fetch(new URL(`/v2/users/${user.sub}/authentication_methods`, stack.idp.issuer), {
    headers: { authorization: `Bearer ${stack.idp.serviceToken}` },
  });
  // ZITADEL's JSON leaves an empty list out.
  return ((await response.json()) as { authMethodTypes?: string[] }).authMethodTypes ?? [];
}

/** Passes the provider's sign-in pages (email, password, then the given second factor) in `browser`. */
async function passSignIn(browser: Browser, page: Page, user: DemoUser, factor: SecondFactor): Promise<Page> {
  let current = page;
  if (!current.left && heading(current) === 'Sign in')
    current = await browser.submit(current, '/login-name', { loginName: user.email });
  if (!current.left && heading(current) === 'Enter your password')
    current = await browser.submit(current, '/password', { password: user.password });
  if (current.left) return current;
  if (factor.kind === 'totp') current = await browser.submit(current, '/totp', { code: totpNow(factor.secret) });
  if (factor.kind === 'recovery-code') {
    const recoveryPage = await browser.open(`${current.url.split('?')[0]}?factor=recovery-code`);
    current = await browser.submit(recoveryPage, '/recovery-code', { code: factor.code });
  }
  return current;
}

/**
 * Opens a console page for `user` from a fresh browser: the console signs the user in through the provider's own
 * sign-in first (it takes no login hint, as ZITADEL's console does not), then shows the page.
 */
async function openConsolePage(
  stack: SignInStack,
  path: string,
  user: DemoUser,
  factor: SecondFactor,
): Promise<{ browser: Browser; page: Page }> {
  const browser = new Browser(stack.idp.issuer);
  const page = await browser.open(path);
  return { browser, page: await passSignIn(browser, page, user, factor) };
}

function recoveryCodesOn(page: Page): string[] {
  return [...page.body.matchAll(/<li><code>([A-Z0-9-]+)<\/code><\/li>/g)].map(([, code]) => code ?? '');
}

/**
 * Enrols an authenticator app at a provider setup page: the console's (`/ui/console/users/me/totp`, from a fresh
 * browser that signs in there), or a page already open in a signed-in `at` browser (login v2's `mfa/set` flow).
 * Returns its secret and the recovery codes shown once.
 */
export async function enrolTotp(
  stack: SignInStack,
  email: string,
  factor: SecondFactor = { kind: 'none' },
): Promise<{ secret: string; recoveryCodes: string[] }> {
  const { browser, page } = await openConsolePage(stack, '/ui/console/users/me/totp', demoUser(email), factor);
  return addAuthenticatorApp(browser, page);
}

/** On a provider's "Set up an authenticator app" page: verifies the current code; the secret and the codes shown. */
export async function addAuthenticatorApp(
  browser: Browser,
  page: Page,
): Promise<{ secret: string; recoveryCodes: string[] }> {
  const secret = /<code id="totp-secret">([A-Z2-7]+)<\/code>/.exec(page.body)?.[1];
  if (!secret) throw new Error(`no TOTP setup page: ${heading(page)}`);
  const action = /<form method="post" action="([^"?]+)/.exec(page.body)?.[1];
  if (!action) throw new Error('the TOTP setup page has no form');
  const done = await browser.submit(page, action, { code: totpNow(secret) });
  if (heading(done) !== 'Authenticator app added') throw new Error(`TOTP setup failed: ${heading(done)}`);
  return { secret, recoveryCodes: recoveryCodesOn(done) };
}

/** Removes the authenticator app at the provider's MFA management page. */
export async function removeTotp(stack: SignInStack, email: string, secret: string): Promise<void> {
  const user = demoUser(email);
  const { browser, page } = await openConsolePage(stack, '/ui/console/users/me', user, { kind: 'totp', secret });
  const done = await browser.submit(page, '/ui/console/users/me/totp/remove');
  if (!done.body.includes('The authenticator app was removed.')) throw new Error('TOTP removal failed');
}

/**
 * Generates recovery codes at the login app's page (reached as the console links to it, once signed in there);
 * returns the new codes. ZITADEL adds them to the unused ones, up to its maximum: the old ones keep working.
 */
export async function regenerateRecoveryCodes(stack: SignInStack, email: string, secret: string): Promise<string[]> {
  const user = demoUser(email);
  const { browser } = await openConsolePage(stack, '/ui/console/users/me', user, { kind: 'totp', secret });
  const path = `/ui/v2/login/recovery-code?loginName=${encodeURIComponent(user.email)}`;
  const page = await browser.open(path);
  if (heading(page) !== 'Recovery codes') throw new Error(`no recovery-code page: ${heading(page)}`);
  return recoveryCodesOn(await browser.submit(page, '/ui/v2/login/recovery-code'));
}

/** The seed's TOTP secret of a demo user (throws for one without). */
export function seedSecret(email: string): string {
  const secret = demoUser(email).mfa.totp?.secret;
  if (!secret) throw new Error(`${email} has no TOTP in the seed`);
  return secret;
}

/** The seed's recovery codes of a demo user. */
export function seedRecoveryCodes(email: string): string[] {
  return (demoUser(email).mfa as { recoveryCodes?: string[] }).recoveryCodes ?? [];
}

/**
 * One whole sign-in through the portal with the given second factor. `beforeCallback` runs after the provider sends
 * the browser back and before the API's callback sees it (to change the provider's state in between).
 */
export async function signInWith(
  stack: SignInStack,
  email: string,
  factor: SecondFactor,
  options: { readonly beforeCallback?: () => Promise<void>; readonly returnTo?: string } = {},
): Promise<CallbackResult & { readonly provider: Browser }> {
  const user = demoUser(email);
  const login = await startLogin(stack, email, options.returnTo);
  const browser = new Browser(stack.idp.issuer);
  const page = await passSignIn(browser, await browser.open(login.url), user, factor);
  if (!page.left) throw new Error(`the provider did not send the browser back: ${heading(page)}`);
  await options.beforeCallback?.();
  const result = await deliverCallback(page.url, login.cookies);
  if (result.status !== 302 || !result.cookies['aidial_session'])
    throw new Error(`sign-in of ${email} failed: ${result.location}`);
  // The browser keeps its session at the provider: the provider's own pages know the user in it.
  return { ...result, provider: browser };
}

export interface Answer {
  readonly status: number;
  readonly body: Record<string, unknown>;
  readonly headers: Headers;
  readonly cookies: Record<string, string>;
}

/** A call as the portal makes it: the session cookie and, on unsafe methods, the CSRF token. */
export async function call(
  stack: SignInStack,
  cookies: Record<string, string>,
  method: string,
  path: string,
  options: { readonly body?: unknown; readonly headers?: Record<string, string>; readonly requestId?: string } = {},
): Promise<Answer> {
  const response = await fetch(`${stack.api.baseUrl}${path}`, {
    method,
    redirect: 'manual',
    headers: {
      cookie: cookieHeader(cookies),
      'x-xsrf-token': cookies['XSRF-TOKEN'] ?? '',
      ...(options.requestId ? { 'x-request-id': options.requestId } : {}),
      ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...options.headers,
    },
    body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
  });
  const text = await response.text();
  const body = text && (response.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : {};
  return {
    status: response.status,
    body: body as Record<string, unknown>,
    headers: response.headers,
    cookies: setCookies(response),
  };
}

export function db(stack: SignInStack): DataSource {
  return stack.api.app.get(DataSource);
}

export async function userIdOf(stack: SignInStack, email: string): Promise<string> {
  const [row] = (await db(stack).query(`SELECT id FROM portal_user WHERE email = $1`, [email])) as Array<{
    id: string;
  }>;
  if (!row) throw new Error(`no portal user ${email}`);
  return row.id;
}

/** Sets the MFA policy columns the access context reads on every request. */
export async function setPolicies(
  stack: SignInStack,
  email: string,
  policies: { readonly tenant: MfaPolicy; readonly user: MfaPolicy },
): Promise<void> {
  const { tenantId } = await firstMembershipOf(db(stack), { email });
  await changeTenant(db(stack), tenantId, { mfaPolicy: policies.tenant });
  await changeUser(db(stack), { email }, { mfaPolicy: policies.user });
}

/** Every tenant and user back to the role default. */
export async function resetPolicies(stack: SignInStack): Promise<void> {
  await resetMfaPolicies(db(stack));
}
