import { createHash, randomBytes } from 'node:crypto';
import * as OTPAuth from 'otpauth';
import { type Browser, type Page, heading } from './browser.js';
import type { DemoUser } from './demo-seed.js';
import type { DevIdp } from './dev-idp-process.js';
import { jose } from './jose.js';

/** The relying party's side of one authorization request: what it keeps to check the answer. */
export interface Authorization {
  readonly url: string;
  readonly state: string;
  readonly nonce: string;
  readonly codeVerifier: string;
}

export interface AuthorizationOptions {
  readonly loginHint?: string;
  readonly prompt?: string;
  readonly maxAge?: number;
  readonly scope?: string;
}

export function authorization(idp: DevIdp, options: AuthorizationOptions = {}): Authorization {
  const state = randomBytes(16).toString('base64url');
  const nonce = randomBytes(16).toString('base64url');
  const codeVerifier = randomBytes(32).toString('base64url');
  const url = new URL('/oauth/v2/authorize', idp.issuer);
  url.search = new URLSearchParams({
    client_id: idp.clientId,
    response_type: 'code',
    redirect_uri: idp.redirectUri,
    scope: options.scope ?? 'openid profile email',
    state,
    nonce,
    code_challenge: createHash('sha256').update(codeVerifier).digest('base64url'),
    code_challenge_method: 'S256',
    ...(options.loginHint ? { login_hint: options.loginHint } : {}),
    ...(options.prompt ? { prompt: options.prompt } : {}),
    ...(options.maxAge !== undefined ? { max_age: String(options.maxAge) } : {}),
  }).toString();
  return { url: url.toString(), state, nonce, codeVerifier };
}

export interface TokenResponse {
  readonly access_token: string;
  readonly id_token: string;
  readonly token_type: string;
  readonly expires_in: number;
}

/** The authorization code from where the provider sent the browser back; checks the state on the way. */
export function codeFrom(page: Page, request: Authorization): string {
  if (!page.left)
    throw new Error(`expected a redirect back to the application, got ${page.status} ${page.url}:\n${page.body}`);
  const callback = new URL(page.url);
  const error = callback.searchParams.get('error');
  if (error) throw new Error(`the provider answered ${error}: ${callback.searchParams.get('error_description')}`);
  expect(callback.searchParams.get('state')).toBe(request.state);
  const code = callback.searchParams.get('code');
  if (!code) throw new Error(`no code in ${page.url}`);
  return code;
}

/** The token request the backend makes: client_secret_post and the PKCE verifier. */
export async function redeemCode(idp: DevIdp, code: string, codeVerifier: string): Promise<Response> {
  return fetch(new URL('/oauth/v2/token', idp.issuer), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: idp.redirectUri,
      client_id: idp.clientId,
      client_secret: idp.clientSecret,
      code_verifier: codeVerifier,
    }),
  });
}

export async function exchange(idp: DevIdp, page: Page, request: Authorization): Promise<TokenResponse> {
  const response = await redeemCode(idp, codeFrom(page, request), request.codeVerifier);
  if (response.status !== 200) throw new Error(`token endpoint answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as TokenResponse;
}

/** Verifies an ID token as the backend will (DESIGN.md §2.1): signature against the JWKS, iss, aud, RS256 only, nonce. */
export async function verifyIdToken(idp: DevIdp, idToken: string, nonce: string): Promise<jose.JWTPayload> {
  const keys = jose.createRemoteJWKSet(new URL('/oauth/v2/keys', idp.issuer));
  const { payload } = await jose.jwtVerify(idToken, keys, {
    issuer: idp.issuer,
    audience: idp.clientId,
    algorithms: ['RS256'],
    requiredClaims: ['sub', 'auth_time', 'nonce', 'sid'],
    maxTokenAge: '10 minutes',
  });
  expect(payload.nonce).toBe(nonce);
  return payload;
}

export type SecondFactor =
  | { readonly kind: 'totp'; readonly secret: string }
  | { readonly kind: 'sms' }
  | { readonly kind: 'recovery-code'; readonly code: string };

export interface SignedIn {
  readonly claims: jose.JWTPayload;
  readonly tokens: TokenResponse;
}

/** One complete sign-in through the hosted pages, as a person would do it, then the code exchange and ID token check. */
export async function signIn(
  idp: DevIdp,
  browser: Browser,
  user: DemoUser,
  secondFactor?: SecondFactor,
  options: AuthorizationOptions = {},
): Promise<SignedIn> {
  const request = authorization(idp, { loginHint: user.email, ...options });
  let page = await browser.open(request.url);
  if (!page.left && heading(page) === 'Sign in')
    page = await browser.submit(page, '/login-name', { loginName: user.email });
  if (!page.left && heading(page) === 'Enter your password')
    page = await browser.submit(page, '/password', { password: user.password });
  if (!page.left && secondFactor) page = await passSecondFactor(idp, browser, page, user, secondFactor);
  const tokens = await exchange(idp, page, request);
  return { claims: await verifyIdToken(idp, tokens.id_token, request.nonce), tokens };
}

export async function passSecondFactor(
  idp: DevIdp,
  browser: Browser,
  page: Page,
  user: DemoUser,
  factor: SecondFactor,
): Promise<Page> {
  const interaction = page.url.split('?')[0];
  switch (factor.kind) {
    case 'totp':
      return browser.submit(page, '/totp', { code: totpNow(factor.secret) });
    case 'recovery-code': {
      const recoveryPage = await browser.open(`${interaction}?factor=recovery-code`);
      return browser.submit(recoveryPage, '/recovery-code', { code: factor.code });
    }
    case 'sms': {
      const smsPage = await browser.open(`${interaction}?factor=sms`);
      return browser.submit(smsPage, '/sms', { code: await latestSmsCode(idp, user.mfa.sms?.phone ?? '') });
    }
  }
}

export function totpNow(secret: string): string {
  return new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30 }).generate();
}

/** A six-digit code the provider does not accept for this secret now (outside the ±1 step window it allows). */
export function wrongTotp(secret: string): string {
  const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30 });
  const now = Date.now();
  const valid = new Set([-2, -1, 0, 1, 2].map((step) => totp.generate({ timestamp: now + step * 30_000 })));
  for (let candidate = 0; ; candidate += 1) {
    const code = String(candidate).padStart(6, '0');
    if (!valid.has(code)) return code;
  }
}

export interface OutboxMessage {
  readonly to: string;
  readonly code: string;
  readonly purpose: string;
  readonly text: string;
}

export async function outbox(idp: DevIdp, to: string): Promise<OutboxMessage[]> {
  const response = await fetch(new URL(`/dev/outbox.json?to=${encodeURIComponent(to)}`, idp.issuer));
  return ((await response.json()) as { messages: OutboxMessage[] }).messages;
}

export async function latestSmsCode(idp: DevIdp, to: string): Promise<string> {
  const [latest] = await outbox(idp, to);
  if (!latest) throw new Error(`no text message to ${to} in the outbox`);
  return latest.code;
}
