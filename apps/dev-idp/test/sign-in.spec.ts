import {
  Browser,
  type DevIdp,
  alertText,
  authorization,
  codeFrom,
  demoUsers,
  exchange,
  heading,
  inputValue,
  latestSmsCode,
  links,
  outbox,
  redeemCode,
  signIn,
  startDevIdp,
  tenantOf,
  totpNow,
  verifyIdToken,
  wrongTotp,
} from '@aidial/stand-ins/testing';

let idp: DevIdp;

beforeAll(async () => {
  idp = await startDevIdp();
});

afterAll(async () => {
  await idp.stop();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function sessionFactors(sid: string): Promise<Record<string, unknown>> {
  const response = await fetch(new URL(`/v2/sessions/${sid}`, idp.issuer), {
    headers: { authorization: `Bearer ${idp.serviceToken}` },
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { session: { factors: Record<string, unknown> } }).session.factors;
}

describe('discovery', () => {
  it("publishes the discovery document with the issuer and Zitadel's endpoint paths", async () => {
    const response = await fetch(new URL('/.well-known/openid-configuration', idp.issuer));
    const discovery = (await response.json()) as Record<string, unknown>;

    expect(discovery).toMatchObject({
      issuer: idp.issuer,
      authorization_endpoint: `${idp.issuer}/oauth/v2/authorize`,
      token_endpoint: `${idp.issuer}/oauth/v2/token`,
      introspection_endpoint: `${idp.issuer}/oauth/v2/introspect`,
      jwks_uri: `${idp.issuer}/oauth/v2/keys`,
      userinfo_endpoint: `${idp.issuer}/oidc/v1/userinfo`,
      end_session_endpoint: `${idp.issuer}/oidc/v1/end_session`,
      code_challenge_methods_supported: ['S256'],
      id_token_signing_alg_values_supported: ['RS256'],
    });
    expect(discovery.claims_supported).toEqual(
      expect.arrayContaining(['sub', 'email', 'name', 'amr', 'auth_time', 'sid']),
    );
  });

  it('serves RS256 signing keys with a kid and no private part', async () => {
    const { keys } = (await (await fetch(new URL('/oauth/v2/keys', idp.issuer))).json()) as {
      keys: Record<string, unknown>[];
    };

    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig', kid: expect.any(String) });
    expect(keys[0]).not.toHaveProperty('d');
  });
});

describe('the hosted sign-in pages', () => {
  it('prefills the email page with login_hint and labels its field', async () => {
    const user = demoUsers.passwordOnly;
    const page = await new Browser(idp.issuer).open(authorization(idp, { loginHint: user.email }).url);

    expect(heading(page)).toBe('Sign in');
    expect(inputValue(page, 'loginName')).toBe(user.email);
    expect(page.body).toContain('<label for="loginName">Email</label>');
  });

  it('says so when the email is not a known user', async () => {
    const browser = new Browser(idp.issuer);
    const page = await browser.open(authorization(idp).url);

    const answer = await browser.submit(page, '/login-name', { loginName: 'nobody@nowhere.example' });

    expect(answer.status).toBe(400);
    expect(alertText(answer)).toBe('User could not be found. Check the email address.');
  });

  it('says so when the password is wrong, and accepts the right one after', async () => {
    const user = demoUsers.clientManager;
    const browser = new Browser(idp.issuer);
    const request = authorization(idp, { loginHint: user.email });
    const emailPage = await browser.open(request.url);
    const passwordPage = await browser.submit(emailPage, '/login-name', { loginName: user.email });

    const wrong = await browser.submit(passwordPage, '/password', { password: 'not-the-password' });
    expect(alertText(wrong)).toBe('Failed to authenticate. 1 of 5 attempts used.');

    const right = await browser.submit(wrong, '/password', { password: user.password });
    const tokens = await exchange(idp, right, request);
    expect((await verifyIdToken(idp, tokens.id_token, request.nonce)).sub).toBe(user.sub);
  });
});

describe('ID tokens', () => {
  it('signs in a password-only user with PKCE and nonce: sub, email, name, auth_time, sid and amr ["pwd"]', async () => {
    const user = demoUsers.passwordOnly;
    const before = Math.floor(Date.now() / 1000);

    const { claims } = await signIn(idp, new Browser(idp.issuer), user);

    expect(claims).toMatchObject({ sub: user.sub, email: user.email, name: user.displayName, amr: ['pwd'] });
    expect(claims.auth_time).toBeGreaterThanOrEqual(before - 1);
    expect(claims.sid).toEqual(expect.any(String));
  });

  it('signs in a mandatory-MFA user who has no second factor with the password alone', async () => {
    const { claims } = await signIn(idp, new Browser(idp.issuer), demoUsers.mandatoryWithoutMfa);

    expect(claims.amr).toEqual(['pwd']);
  });

  it('refuses the code exchange with a wrong PKCE verifier', async () => {
    const user = demoUsers.clientStaff;
    const browser = new Browser(idp.issuer);
    const request = authorization(idp, { loginHint: user.email });
    let page = await browser.open(request.url);
    page = await browser.submit(page, '/login-name', { loginName: user.email });
    page = await browser.submit(page, '/password', { password: user.password });

    const response = await redeemCode(idp, codeFrom(page, request), 'a-verifier-that-was-never-sent-aaaaaaaaaaaaa');

    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it.each([
    ['partner_user', demoUsers.partnerUser],
    ['an unrecognised role', demoUsers.unrecognisedRole],
    ['a user of a suspended tenant', demoUsers.suspendedTenant],
  ])(
    'carries the Zitadel roles claim { role: { orgId: orgDomain } } for %s when the roles scope is asked',
    async (_label, user) => {
      const { claims } = await signIn(idp, new Browser(idp.issuer), user, undefined, {
        scope: 'openid profile email urn:zitadel:iam:org:projects:roles',
      });

      const { id, domain } = tenantOf(user).idpOrganization;
      expect(claims['urn:zitadel:iam:org:project:roles']).toEqual({ [user.role]: { [id]: domain } });
    },
  );

  it('leaves the roles claim out when the roles scope is not asked', async () => {
    const { claims } = await signIn(idp, new Browser(idp.issuer), demoUsers.partnerUser);

    expect(claims).not.toHaveProperty(['urn:zitadel:iam:org:project:roles']);
  });

  it('answers userinfo with the profile and email but no amr, as Zitadel does', async () => {
    const user = demoUsers.clientManager;
    const { tokens } = await signIn(idp, new Browser(idp.issuer), user);

    const response = await fetch(new URL('/oidc/v1/userinfo', idp.issuer), {
      headers: { authorization: `Bearer ${tokens.access_token}` },
    });
    const userinfo = (await response.json()) as Record<string, unknown>;

    expect(userinfo).toMatchObject({ sub: user.sub, email: user.email, name: user.displayName });
    expect(userinfo).not.toHaveProperty('amr');
  });
  it('introspects the access token for the portal client (client_secret_post): active, with its subject', async () => {
    const user = demoUsers.clientManager;
    const { tokens } = await signIn(idp, new Browser(idp.issuer), user);

    const response = await fetch(new URL('/oauth/v2/introspect', idp.issuer), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        token: tokens.access_token,
        client_id: idp.clientId,
        client_secret: idp.clientSecret,
      }),
    });

    expect(await response.json()).toMatchObject({ active: true, sub: user.sub, client_id: idp.clientId });
  });

  it('refuses the code exchange with a wrong client secret', async () => {
    const user = demoUsers.clientStaff;
    const browser = new Browser(idp.issuer);
    const request = authorization(idp, { loginHint: user.email });
    let page = await browser.open(request.url);
    page = await browser.submit(page, '/login-name', { loginName: user.email });
    page = await browser.submit(page, '/password', { password: user.password });

    const response = await fetch(new URL('/oauth/v2/token', idp.issuer), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code: codeFrom(page, request),
        redirect_uri: idp.redirectUri,
        client_id: idp.clientId,
        client_secret: 'not-the-secret',
        code_verifier: request.codeVerifier,
      }),
    });

    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: 'invalid_client' });
  });
});

describe('second factors', () => {
  it('asks a TOTP user for the authenticator code and reports amr ["pwd","otp","mfa"]', async () => {
    const user = demoUsers.totp;
    const { claims } = await signIn(idp, new Browser(idp.issuer), user, {
      kind: 'totp',
      secret: user.mfa.totp?.secret ?? '',
    });

    expect(claims.amr).toEqual(['pwd', 'otp', 'mfa']);
    expect(await sessionFactors(String(claims.sid))).toEqual({
      user: expect.objectContaining({ id: user.sub, loginName: user.email }),
      password: { verifiedAt: expect.any(String) },
      totp: { verifiedAt: expect.any(String) },
    });
  });

  it('says so when the TOTP code is wrong and accepts the current one after', async () => {
    const user = demoUsers.totpAdmin;
    const secret = user.mfa.totp?.secret ?? '';
    const browser = new Browser(idp.issuer);
    const request = authorization(idp, { loginHint: user.email });
    let page = await browser.open(request.url);
    page = await browser.submit(page, '/login-name', { loginName: user.email });
    page = await browser.submit(page, '/password', { password: user.password });
    expect(heading(page)).toBe('Verify with your authenticator app');

    const wrong = await browser.submit(page, '/totp', { code: wrongTotp(secret) });
    expect(alertText(wrong)).toBe('The code is incorrect. Enter the current 6-digit code from your authenticator app.');

    const right = await browser.submit(wrong, '/totp', { code: totpNow(secret) });
    const tokens = await exchange(idp, right, request);
    expect((await verifyIdToken(idp, tokens.id_token, request.nonce)).amr).toEqual(['pwd', 'otp', 'mfa']);
  });

  it('offers a recovery code instead of the authenticator; password + recovery code is amr ["pwd"] and the session lists no second factor', async () => {
    const user = demoUsers.totpOperator;
    const code = user.mfa.recoveryCodes?.[0] ?? '';

    const { claims } = await signIn(idp, new Browser(idp.issuer), user, { kind: 'recovery-code', code });

    expect(claims.amr).toEqual(['pwd']);
    expect(await sessionFactors(String(claims.sid))).toEqual({
      user: expect.objectContaining({ id: user.sub }),
      password: { verifiedAt: expect.any(String) },
    });
  });

  it('accepts each recovery code once only', async () => {
    const user = demoUsers.totpOperator;
    const used = user.mfa.recoveryCodes?.[1] ?? '';
    await signIn(idp, new Browser(idp.issuer), user, { kind: 'recovery-code', code: used });

    const browser = new Browser(idp.issuer);
    let page = await browser.open(authorization(idp, { loginHint: user.email }).url);
    page = await browser.submit(page, '/login-name', { loginName: user.email });
    page = await browser.submit(page, '/password', { password: user.password });
    const recoveryPage = await browser.open(`${page.url.split('?')[0]}?factor=recovery-code`);
    const again = await browser.submit(recoveryPage, '/recovery-code', { code: used });

    expect(again.left).toBe(false);
    expect(alertText(again)).toBe('This recovery code is not valid or has already been used.');
  });

  it('sends the SMS code to the outbox and reports amr ["pwd","otp","mfa"]', async () => {
    const user = demoUsers.sms;
    const phone = user.mfa.sms?.phone ?? '';

    const { claims } = await signIn(idp, new Browser(idp.issuer), user, { kind: 'sms' });

    expect(claims.amr).toEqual(['pwd', 'otp', 'mfa']);
    const [message] = await outbox(idp, phone);
    expect(message).toMatchObject({ to: phone, purpose: 'sign-in' });
    expect(message.text).toContain(message.code);
    expect(await sessionFactors(String(claims.sid))).toMatchObject({ otpSms: { verifiedAt: expect.any(String) } });
  });

  it('shows the SMS user a masked number, and refuses a code from an earlier sign-in', async () => {
    const user = demoUsers.sms;
    const phone = user.mfa.sms?.phone ?? '';
    await signIn(idp, new Browser(idp.issuer), user, { kind: 'sms' });
    const earlierCode = await latestSmsCode(idp, phone);

    const browser = new Browser(idp.issuer);
    let page = await browser.open(authorization(idp, { loginHint: user.email }).url);
    page = await browser.submit(page, '/login-name', { loginName: user.email });
    page = await browser.submit(page, '/password', { password: user.password });
    expect(heading(page)).toBe('Verify with a text message');
    expect(page.body).toContain('+61 ... 678');
    const newCode = await latestSmsCode(idp, phone);
    const stale = await browser.submit(page, '/sms', { code: earlierCode === newCode ? '000000' : earlierCode });

    expect(alertText(stale)).toBe('The code is incorrect. Check the latest text message and try again.');
  });

  it('sends a new SMS code on request; only the newest one works', async () => {
    const user = demoUsers.sms;
    const phone = user.mfa.sms?.phone ?? '';
    const browser = new Browser(idp.issuer);
    const request = authorization(idp, { loginHint: user.email });
    let page = await browser.open(request.url);
    page = await browser.submit(page, '/login-name', { loginName: user.email });
    page = await browser.submit(page, '/password', { password: user.password });
    const first = await latestSmsCode(idp, phone);

    page = await browser.submit(page, '/sms/send');
    expect(page.body).toContain('A new code was sent.');
    const second = await latestSmsCode(idp, phone);
    if (first !== second) {
      const refused = await browser.submit(page, '/sms', { code: first });
      expect(alertText(refused)).toBe('The code is incorrect. Check the latest text message and try again.');
    }
    const accepted = await browser.submit(page, '/sms', { code: second });

    expect((await exchange(idp, accepted, request)).id_token).toEqual(expect.any(String));
  });

  it.each([
    ['a provider fault', { smsFactor: 'delivery_failed' }],
    ['the provider inactive', { smsProvider: 'inactive' }],
    ['no provider', { smsProvider: 'none' }],
  ])('sends no SMS sign-in code with %s, and says so on the page and on a resend', async (_label, faults) => {
    const user = demoUsers.sms;
    const phone = user.mfa.sms?.phone ?? '';
    const sentBefore = (await outbox(idp, phone)).length;
    const switchFaults = (body: Record<string, string>) =>
      fetch(new URL('/dev/faults', idp.issuer), { method: 'POST', body: JSON.stringify(body) });
    await switchFaults(faults);
    try {
      const browser = new Browser(idp.issuer);
      let page = await browser.open(authorization(idp, { loginHint: user.email }).url);
      page = await browser.submit(page, '/login-name', { loginName: user.email });
      page = await browser.submit(page, '/password', { password: user.password });

      expect(heading(page)).toBe('Verify with a text message');
      expect(alertText(page)).toBe('We could not send a text message right now. Use another way to verify.');
      const resent = await browser.submit(page, '/sms/send');
      expect(alertText(resent)).toBe('We could not send a text message right now. Use another way to verify.');
      expect(await outbox(idp, phone)).toHaveLength(sentBefore);
    } finally {
      await switchFaults({ smsFactor: 'none', smsProvider: 'active' });
    }
  });

  it('lists the other second factors the user has as links', async () => {
    const user = demoUsers.totp;
    const browser = new Browser(idp.issuer);
    let page = await browser.open(authorization(idp, { loginHint: user.email }).url);
    page = await browser.submit(page, '/login-name', { loginName: user.email });
    page = await browser.submit(page, '/password', { password: user.password });

    expect(links(page).map((link) => link.text)).toEqual(['Lost your device? Use a recovery code']);
  });
});

describe('fresh authentication', () => {
  it('reuses the provider session without pages when no fresh sign-in is asked (same auth_time)', async () => {
    const user = demoUsers.clientStaff;
    const browser = new Browser(idp.issuer);
    const first = await signIn(idp, browser, user);

    const request = authorization(idp, { loginHint: user.email });
    const page = await browser.open(request.url);
    const tokens = await exchange(idp, page, request);

    expect((await verifyIdToken(idp, tokens.id_token, request.nonce)).auth_time).toBe(first.claims.auth_time);
  });

  it('honours prompt=login: the password is asked again and auth_time is new', async () => {
    const user = demoUsers.clientManager;
    const browser = new Browser(idp.issuer);
    const first = await signIn(idp, browser, user);
    await sleep(1100);

    const request = authorization(idp, { loginHint: user.email, prompt: 'login' });
    let page = await browser.open(request.url);
    expect(heading(page)).toBe('Sign in');
    page = await browser.submit(page, '/login-name', { loginName: user.email });
    expect(heading(page)).toBe('Enter your password');
    page = await browser.submit(page, '/password', { password: user.password });
    const tokens = await exchange(idp, page, request);
    const claims = await verifyIdToken(idp, tokens.id_token, request.nonce);

    expect(claims.auth_time).toBeGreaterThan(Number(first.claims.auth_time));
  });

  it('honours max_age: a session older than max_age signs in again with a new auth_time', async () => {
    const user = demoUsers.partnerUser;
    const browser = new Browser(idp.issuer);
    const first = await signIn(idp, browser, user);
    await sleep(2100);

    const second = await signIn(idp, browser, user, undefined, { maxAge: 1 });

    expect(second.claims.auth_time).toBeGreaterThan(Number(first.claims.auth_time));
  });

  it('asks for the second factor again under prompt=login', async () => {
    const user = demoUsers.totp;
    const secret = user.mfa.totp?.secret ?? '';
    const browser = new Browser(idp.issuer);
    await signIn(idp, browser, user, { kind: 'totp', secret });

    const again = await signIn(idp, browser, user, { kind: 'totp', secret }, { prompt: 'login' });

    expect(again.claims.amr).toEqual(['pwd', 'otp', 'mfa']);
  });
});

describe('logout', () => {
  it('signs out through end_session without asking, returns to the post-logout URI with state, and the next sign-in asks again', async () => {
    const user = demoUsers.passwordOnly;
    const browser = new Browser(idp.issuer);
    const { tokens } = await signIn(idp, browser, user);

    const endSession = new URL('/oidc/v1/end_session', idp.issuer);
    endSession.search = new URLSearchParams({
      id_token_hint: tokens.id_token,
      post_logout_redirect_uri: idp.postLogoutRedirectUri,
      state: 'after-logout',
    }).toString();
    const afterLogout = await browser.open(endSession.toString());

    expect(afterLogout.left).toBe(true);
    expect(afterLogout.url).toBe(`${idp.postLogoutRedirectUri}?state=after-logout`);
    const next = await browser.open(authorization(idp, { loginHint: user.email }).url);
    expect(heading(next)).toBe('Sign in');
  });
});
