import {
  Browser,
  type DemoUser,
  type DevIdp,
  type Page,
  alertText,
  demoUsers,
  forms,
  heading,
  inputValue,
  latestSmsCode,
  links,
  outbox,
  signIn,
  startDevIdp,
  tenantOf,
  totpNow,
  wrongTotp,
} from '@aidial/stand-ins/testing';

/** Zitadel login v2, locales/en.json error.unknownContext. */
const UNKNOWN_CONTEXT =
  'Could not get the context of the user. Make sure to enter the username first or provide a loginName as searchParam.';

let idp: DevIdp;

beforeAll(async () => {
  idp = await startDevIdp();
});

afterAll(async () => {
  await idp.stop();
});

async function authenticationMethods(user: DemoUser): Promise<string[]> {
  const response = await fetch(new URL(`/v2/users/${user.sub}/authentication_methods`, idp.issuer), {
    headers: { authorization: `Bearer ${idp.serviceToken}` },
  });
  return ((await response.json()) as { authMethodTypes?: string[] }).authMethodTypes ?? [];
}

/** The portal's sign-in in a fresh browser, then a login v2 page of that browser's session, by login name. */
async function openWithSession(path: string, user: DemoUser): Promise<{ browser: Browser; page: Page; sid: string }> {
  const browser = new Browser(idp.issuer);
  const secret = user.mfa.totp?.secret;
  const { claims } = await signIn(idp, browser, user, secret ? { kind: 'totp', secret } : undefined);
  const page = await browser.open(`${path}?loginName=${encodeURIComponent(user.email)}`);
  return { browser, page, sid: String(claims.sid) };
}

function recoveryCodesOn(page: Page): string[] {
  return [...page.body.matchAll(/<li><code>([A-Z0-9-]+)<\/code><\/li>/g)].map(([, code]) => code);
}

describe('the console page ({issuer}/ui/console/users/me)', () => {
  it('sends a signed-out browser through the provider sign-in and back to the page, ignoring login_hint', async () => {
    const user = demoUsers.totp;
    const browser = new Browser(idp.issuer);
    let page = await browser.open(`/ui/console/users/me?login_hint=${encodeURIComponent(user.email)}`);

    expect(heading(page)).toBe('Sign in');
    expect(inputValue(page, 'loginName')).toBe('');
    page = await browser.submit(page, '/login-name', { loginName: user.email });
    page = await browser.submit(page, '/password', { password: user.password });
    page = await browser.submit(page, '/totp', { code: totpNow(user.mfa.totp?.secret ?? '') });

    expect(new URL(page.url).pathname).toBe('/ui/console/users/me');
    expect(heading(page)).toBe('Security settings');
    expect(page.body).toContain('10 unused');
  });

  it('is reached without signing in again after a portal sign-in, and shows that user whatever login_hint says', async () => {
    const user = demoUsers.clientStaff;
    const browser = new Browser(idp.issuer);
    await signIn(idp, browser, user);

    const page = await browser.open(
      `/ui/console/users/me?login_hint=${encodeURIComponent(demoUsers.partnerUser.email)}`,
    );

    expect(heading(page)).toBe('Security settings');
    expect(page.body).toContain(`<strong>${user.email}</strong>`);
  });

  it('adds an authenticator app on the console (Authenticator app (TOTP) → Verify and add)', async () => {
    const user = demoUsers.passwordOnly;
    const browser = new Browser(idp.issuer);
    await signIn(idp, browser, user);
    const settings = await browser.open('/ui/console/users/me');
    const link = links(settings).find((candidate) => candidate.text === 'Authenticator app (TOTP)');
    expect(link?.href).toBe('/ui/console/users/me/totp');

    const page = await browser.open(link?.href ?? '');
    const secret = /<code id="totp-secret">([A-Z2-7]+)<\/code>/.exec(page.body)?.[1] ?? '';
    expect(page.body).toContain('<label for="code">Code from the app</label>');
    const done = await browser.submit(page, '/ui/console/users/me/totp', { code: totpNow(secret) });

    expect(done.body).toContain('Your authenticator app is set up.');
    expect(await authenticationMethods(user)).toContain('AUTHENTICATION_METHOD_TYPE_TOTP');
  });

  it('removes the authenticator app; the next sign-in no longer asks for it', async () => {
    const user = demoUsers.totpOperator;
    const browser = new Browser(idp.issuer);
    await signIn(idp, browser, user, { kind: 'totp', secret: user.mfa.totp?.secret ?? '' });
    const page = await browser.open('/ui/console/users/me');

    const after = await browser.submit(page, '/ui/console/users/me/totp/remove');

    expect(after.body).toContain('The authenticator app was removed.');
    expect(await authenticationMethods(user)).not.toContain('AUTHENTICATION_METHOD_TYPE_TOTP');
    const { claims } = await signIn(idp, new Browser(idp.issuer), user);
    expect(claims.amr).toEqual(['pwd']);
  });

  it('refuses a form post without the session’s token', async () => {
    const user = demoUsers.totp;
    const browser = new Browser(idp.issuer);
    await signIn(idp, browser, user, { kind: 'totp', secret: user.mfa.totp?.secret ?? '' });

    const forged = await browser.post('/ui/console/users/me/totp/remove', { csrf: 'forged' });

    expect(forged.status).toBe(403);
    expect(await authenticationMethods(user)).toContain('AUTHENTICATION_METHOD_TYPE_TOTP');
    expect(alertText(forged)).toContain('session at the identity provider has ended');
  });
});

describe('second-factor choice ({issuer}/ui/v2/login/mfa/set), login v2’s context rules', () => {
  it('shows login v2’s unknownContext error, never a sign-in, without a session in the browser', async () => {
    const user = demoUsers.partnerUser;
    const page = await new Browser(idp.issuer).open(`/ui/v2/login/mfa/set?loginName=${encodeURIComponent(user.email)}`);

    expect(page.left).toBe(false);
    expect(new URL(page.url).pathname).toBe('/ui/v2/login/mfa/set');
    expect(alertText(page)).toBe(UNKNOWN_CONTEXT);
  });

  it('offers the factors the user does not have yet, for the sid of the portal’s ID token', async () => {
    const user = demoUsers.partnerUser;
    const browser = new Browser(idp.issuer);
    const { claims } = await signIn(idp, browser, user);

    const page = await browser.open(`/ui/v2/login/mfa/set?sessionId=${encodeURIComponent(String(claims.sid))}`);

    expect(heading(page)).toBe('Set up a second factor');
    expect(links(page).map((link) => link.text)).toEqual(
      expect.arrayContaining(['Authenticator app (TOTP)', 'Recovery codes']),
    );
    expect(forms(page)).toHaveLength(0);
  });

  it('accepts loginName of the session’s user, with or without its organisation', async () => {
    const user = demoUsers.partnerUser;
    const { browser, page } = await openWithSession('/ui/v2/login/mfa/set', user);
    expect(heading(page)).toBe('Set up a second factor');

    const withOrganization = await browser.open(
      `/ui/v2/login/mfa/set?loginName=${encodeURIComponent(user.email)}&organization=${tenantOf(user).idpOrganization.id}`,
    );
    expect(heading(withOrganization)).toBe('Set up a second factor');
  });

  it.each([
    ['no context at all', () => ''],
    ['only login_hint (login v2 never reads it)', (user: DemoUser) => `?login_hint=${encodeURIComponent(user.email)}`],
    ['another user’s loginName', () => `?loginName=${encodeURIComponent(demoUsers.clientStaff.email)}`],
    ['a sessionId that is not this browser’s', () => '?sessionId=not-this-session'],
    [
      'another organisation',
      (user: DemoUser) => `?loginName=${encodeURIComponent(user.email)}&organization=290000000000000999`,
    ],
  ])('answers %s with the unknownContext error', async (_label, query) => {
    const user = demoUsers.partnerUser;
    const { browser } = await openWithSession('/ui/v2/login/mfa/set', user);

    const page = await browser.open(`/ui/v2/login/mfa/set${query(user)}`);

    expect(page.left).toBe(false);
    expect(alertText(page)).toBe(UNKNOWN_CONTEXT);
  });
});

describe('TOTP setup ({issuer}/ui/v2/login/otp/time-based/set)', () => {
  it('follows the choice page, refuses a wrong code, enrols on the right one and shows recovery codes once', async () => {
    const user = demoUsers.mandatoryWithoutMfa;
    const { browser, page: choice } = await openWithSession('/ui/v2/login/mfa/set', user);
    const link = links(choice).find((candidate) => candidate.text === 'Authenticator app (TOTP)');
    const page = await browser.open(link?.href ?? '');

    expect(heading(page)).toBe('Set up an authenticator app');
    expect(page.body).toMatch(
      /<img src="data:image\/png;base64,[A-Za-z0-9+/=]+" width="220" height="220" alt="QR code to add /,
    );
    const secret = /<code id="totp-secret">([A-Z2-7]+)<\/code>/.exec(page.body)?.[1] ?? '';
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);

    const wrong = await browser.submit(page, '/ui/v2/login/otp/time-based/set', { code: wrongTotp(secret) });
    expect(alertText(wrong)).toBe('The code is incorrect. Enter the current code from your authenticator app.');

    const done = await browser.submit(wrong, '/ui/v2/login/otp/time-based/set', { code: totpNow(secret) });
    expect(heading(done)).toBe('Authenticator app added');
    expect(done.body).toContain('Your authenticator app is set up.');
    const codes = recoveryCodesOn(done);
    expect(codes).toHaveLength(10);
    expect(await authenticationMethods(user)).toEqual([
      'AUTHENTICATION_METHOD_TYPE_PASSWORD',
      'AUTHENTICATION_METHOD_TYPE_TOTP',
      'AUTHENTICATION_METHOD_TYPE_RECOVERY_CODE',
    ]);

    const { claims } = await signIn(idp, new Browser(idp.issuer), user, { kind: 'totp', secret });
    expect(claims.amr).toEqual(['pwd', 'otp', 'mfa']);
  });

  it('needs the session context like the choice page', async () => {
    const page = await new Browser(idp.issuer).open('/ui/v2/login/otp/time-based/set');

    expect(alertText(page)).toBe(UNKNOWN_CONTEXT);
  });
});

describe('SMS setup ({issuer}/ui/v2/login/otp/sms/set)', () => {
  it('sends a verification code to the outbox and adds the factor once the code is entered', async () => {
    const user = demoUsers.clientManager;
    const { browser, page } = await openWithSession('/ui/v2/login/otp/sms/set', user);
    expect(heading(page)).toBe('Set up SMS one-time codes');

    const codePage = await browser.submit(page, '/ui/v2/login/otp/sms/set', { phone: '+61 412 555 999' });
    expect(heading(codePage)).toBe('Verify your mobile number');
    const done = await browser.submit(codePage, '/ui/v2/login/otp/sms/verify', {
      code: await latestSmsCode(idp, '+61412555999'),
    });

    expect(heading(done)).toBe('SMS one-time codes added');
    expect(await authenticationMethods(user)).toContain('AUTHENTICATION_METHOD_TYPE_OTP_SMS');
  });

  it('sends no code and keeps the phone when the instance has no SMS provider, and says so', async () => {
    const user = demoUsers.unrecognisedRole;
    const switchFaults = (body: Record<string, string>) =>
      fetch(new URL('/dev/faults', idp.issuer), { method: 'POST', body: JSON.stringify(body) });
    const { browser, page } = await openWithSession('/ui/v2/login/otp/sms/set', user);
    await switchFaults({ smsProvider: 'none' });
    try {
      const refused = await browser.submit(page, '/ui/v2/login/otp/sms/set', { phone: '+61 412 555 888' });

      expect(alertText(refused)).toBe(
        'We could not send a text message right now. Try again later, or use an authenticator app.',
      );
      expect(await outbox(idp, '+61412555888')).toEqual([]);
    } finally {
      await switchFaults({ smsProvider: 'active' });
    }
    expect(await authenticationMethods(user)).not.toContain('AUTHENTICATION_METHOD_TYPE_OTP_SMS');
  });
});

describe('recovery codes ({issuer}/ui/v2/login/recovery-code)', () => {
  it('adds codes up to the maximum; the new ones sign in and the old ones still do', async () => {
    const user = demoUsers.totpAdmin;
    await signIn(idp, new Browser(idp.issuer), user, {
      kind: 'recovery-code',
      code: user.mfa.recoveryCodes?.[0] ?? '',
    });
    const { browser, page } = await openWithSession('/ui/v2/login/recovery-code', user);
    expect(page.body).toContain('<strong>9</strong> unused recovery codes');

    const added = await browser.submit(page, '/ui/v2/login/recovery-code');
    const codes = recoveryCodesOn(added);
    expect(codes).toHaveLength(1);

    const full = await browser.open(`/ui/v2/login/recovery-code?loginName=${encodeURIComponent(user.email)}`);
    expect(forms(full)).toHaveLength(0);
    expect(
      (await signIn(idp, new Browser(idp.issuer), user, { kind: 'recovery-code', code: codes[0] })).claims.sub,
    ).toBe(user.sub);
  });
});

describe('an instance on login v1 (DEV_IDP_LOGIN_UI=v1)', () => {
  let v1: DevIdp;

  beforeAll(async () => {
    v1 = await startDevIdp({ DEV_IDP_LOGIN_UI: 'v1' });
  });

  afterAll(async () => {
    await v1.stop();
  });

  it('signs in under /ui/login, with a sid that GET /v2/sessions/{id} does not know (QUERY-SFeaa)', async () => {
    const user = demoUsers.clientStaff;
    const { claims } = await signIn(v1, new Browser(v1.issuer), user);

    expect(String(claims.sid)).toMatch(/^\d{18}$/);
    const response = await fetch(new URL(`/v2/sessions/${String(claims.sid)}`, v1.issuer), {
      headers: { authorization: `Bearer ${v1.serviceToken}` },
    });
    expect(response.status).toBe(404);
    expect(((await response.json()) as { details: { id: string }[] }).details[0].id).toBe('QUERY-SFeaa');
  });

  it('serves no login v2 page, but the console, which adds an authenticator app', async () => {
    const user = demoUsers.partnerUser;
    const browser = new Browser(v1.issuer);
    await signIn(v1, browser, user);

    for (const path of ['/ui/v2/login/mfa/set', '/ui/v2/login/otp/time-based/set', '/ui/v2/login/recovery-code']) {
      expect((await browser.open(`${path}?loginName=${encodeURIComponent(user.email)}`)).status).toBe(404);
    }
    const settings = await browser.open('/ui/console/users/me');
    expect(heading(settings)).toBe('Security settings');
    const page = await browser.open('/ui/console/users/me/totp');
    const secret = /<code id="totp-secret">([A-Z2-7]+)<\/code>/.exec(page.body)?.[1] ?? '';
    const done = await browser.submit(page, '/ui/console/users/me/totp', { code: totpNow(secret) });
    expect(done.body).toContain('Your authenticator app is set up.');
  });
});
