import { readFileSync } from 'node:fs';
import type { DynamicModule, Type } from '@nestjs/common';
import { resolve } from 'node:path';
import {
  Browser,
  type DevIdp,
  type DevPlatform,
  type Page,
  TEST_CLIENT,
  heading,
  startDevIdp,
  startDevPlatform,
} from '@aidial/stand-ins/testing';
import * as OTPAuth from 'otpauth';
import { DataSource } from 'typeorm';
import { freePort } from '@aidial/api/testing';
import type { Role } from '@aidial/shared/access';
import { seedDemoData } from '../../src/database/demo-seed';
import { type TestApp, startTestApp } from './test-app';

export const DEMO_SEED = JSON.parse(readFileSync(resolve(__dirname, '../../../../tools/demo/seed.json'), 'utf8')) as {
  users: Array<{
    sub: string;
    email: string;
    password: string;
    role: string;
    tenant: string;
    mfa: { totp?: { secret: string }; sms?: { phone: string } };
  }>;
  tenants: Array<{ key: string; status: string }>;
};
export type DemoUser = (typeof DEMO_SEED)['users'][number];

export function demoUser(email: string): DemoUser {
  const user = DEMO_SEED.users.find((candidate) => candidate.email === email);
  if (!user) throw new Error(`no demo user ${email}`);
  return user;
}

/** One demo user of each role (tools/demo/seed.json). */
export const DEMO_USER_OF_ROLE: Readonly<Record<Role, string>> = {
  client_admin: 'amelia.hart@acme-health.example',
  client_manager: 'marcus.chen@acme-health.example',
  client_staff: 'sofia.rossi@acme-health.example',
  partner_admin: 'priya.natarajan@northwind.example',
  partner_user: 'liam.obrien@northwind.example',
  aidial_admin: 'grace.okafor@aidial.example',
  aidial_operator: 'noah.williams@aidial.example',
};

/**
 * The API's identity-provider variables for a dev-idp started with the test client (dev-idp-process.ts): the portal's
 * web application, its ZITADEL project, and the service account (its personal access token and its client secret).
 */
export function identityProviderEnv(idp: { readonly issuer: string }): Record<string, string> {
  return {
    ZITADEL_ISSUER: idp.issuer,
    ZITADEL_CLIENT_ID: TEST_CLIENT.clientId,
    ZITADEL_CLIENT_SECRET: TEST_CLIENT.clientSecret,
    ZITADEL_PROJECT_ID: TEST_CLIENT.projectId,
    ZITADEL_SERVICE_TOKEN: TEST_CLIENT.serviceToken,
    ZITADEL_SERVICE_CLIENT_ID: TEST_CLIENT.machineClientId,
    ZITADEL_SERVICE_CLIENT_SECRET: TEST_CLIENT.machineClientSecret,
  };
}

/**
 * The API, a dev-idp and a dev-platform (the AiDial platform API stand-in) that know each other, with the demo data
 * seeded: a sign-in can go all the way round, and the proxy reaches a real platform process.
 */
export interface SignInStack {
  readonly api: TestApp;
  readonly idp: DevIdp;
  readonly platform: DevPlatform;
  close(): Promise<void>;
}

export async function startSignInStack(
  env: Record<string, string | undefined> = {},
  imports: Array<Type | DynamicModule> = [],
  options: { readonly idpEnv?: Record<string, string> } = {},
): Promise<SignInStack> {
  const port = await freePort();
  const appUrl = `http://127.0.0.1:${port}`;
  const idp = await startDevIdp({
    DEV_IDP_REDIRECT_URIS: `${appUrl}/api/auth/callback`,
    DEV_IDP_POST_LOGOUT_REDIRECT_URIS: `${appUrl}/sign-in?signed_out=1`,
    ...options.idpEnv,
  });
  const platform = await startDevPlatform(idp.issuer);
  const api = await startTestApp({
    port,
    imports,
    env: {
      AIDIAL_API_BASE_URL: platform.url,
      PUBLIC_URL: appUrl,
      ...identityProviderEnv(idp),
      ...env,
    },
  });
  await seedDemoData(api.app.get(DataSource), DEMO_SEED as never);
  return {
    api,
    idp,
    platform,
    close: async () => {
      await api.close();
      await platform.stop();
      await idp.stop();
    },
  };
}

/** Cookies the API set, by name (the test plays the browser on the application's side). */
export function setCookies(response: Response): Record<string, string> {
  return Object.fromEntries(
    response.headers.getSetCookie().map((line) => {
      const [pair = ''] = line.split(';');
      const index = pair.indexOf('=');
      return [pair.slice(0, index), decodeURIComponent(pair.slice(index + 1))];
    }),
  );
}

export function cookieHeader(cookies: Record<string, string>): string {
  return Object.entries(cookies)
    .filter(([, value]) => value !== '')
    .map(([name, value]) => `${name}=${encodeURIComponent(value)}`)
    .join('; ');
}

/** Starts at the portal's login endpoint; returns the provider URL and the browser-binding cookie. */
export async function startLogin(
  stack: SignInStack,
  email: string,
  returnTo?: string,
): Promise<{ url: string; cookies: Record<string, string> }> {
  const query = new URLSearchParams({ email, ...(returnTo !== undefined ? { return_to: returnTo } : {}) });
  const response = await fetch(`${stack.api.baseUrl}/api/auth/login?${query.toString()}`, {
    headers: { accept: 'application/json' },
  });
  if (response.status !== 200) throw new Error(`login answered ${response.status}: ${await response.text()}`);
  const body = (await response.json()) as { authorization_url: string };
  return { url: body.authorization_url, cookies: setCookies(response) };
}

function totpNow(secret: string): string {
  return new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30 }).generate();
}

/** Walks the provider's pages as a person would (email, password, TOTP when the user has it) until it sends the browser back. */
export async function passProvider(
  stack: SignInStack,
  url: string,
  user: DemoUser,
  password = user.password,
): Promise<Page> {
  const browser = new Browser(stack.idp.issuer);
  let page = await browser.open(url);
  if (!page.left && heading(page) === 'Sign in')
    page = await browser.submit(page, '/login-name', { loginName: user.email });
  if (!page.left && heading(page) === 'Enter your password')
    page = await browser.submit(page, '/password', { password });
  if (!page.left && user.mfa.totp) page = await browser.submit(page, '/totp', { code: totpNow(user.mfa.totp.secret) });
  if (!page.left && user.mfa.sms) {
    // The provider texts a code when it asks for it; the local outbox stands in for the phone.
    const smsPage = await browser.open(`${page.url.split('?')[0]}?factor=sms`);
    const outbox = await fetch(
      new URL(`/dev/outbox.json?to=${encodeURIComponent(user.mfa.sms.phone)}`, stack.idp.issuer),
    );
    const [latest] = ((await outbox.json()) as { messages: Array<{ code: string }> }).messages;
    page = await browser.submit(smsPage, '/sms', { code: latest?.code ?? '' });
  }
  return page;
}

export interface CallbackResult {
  readonly status: number;
  readonly location: string;
  readonly cookies: Record<string, string>;
}

/** Delivers the provider's redirect to the API's callback with the given cookies, without following the API's redirect. */
export async function deliverCallback(callbackUrl: string, cookies: Record<string, string>): Promise<CallbackResult> {
  const response = await fetch(callbackUrl, { redirect: 'manual', headers: { cookie: cookieHeader(cookies) } });
  return { status: response.status, location: response.headers.get('location') ?? '', cookies: setCookies(response) };
}

/** One whole sign-in; returns where the API sent the browser and the cookies it now holds. */
export async function signIn(
  stack: SignInStack,
  email: string,
  returnTo?: string,
): Promise<CallbackResult & { callbackUrl: string }> {
  const user = demoUser(email);
  const login = await startLogin(stack, email, returnTo);
  const page = await passProvider(stack, login.url, user);
  if (!page.left) throw new Error(`the provider did not send the browser back: ${heading(page)}`);
  const result = await deliverCallback(page.url, login.cookies);
  return { ...result, callbackUrl: page.url };
}
