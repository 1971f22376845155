import {
  Browser,
  type DemoUser,
  type DevIdp,
  type Page,
  alertText,
  authorization,
  demoUsers,
  forms,
  heading,
  latestSmsCode,
  signIn,
  startDevIdp,
  wrongTotp,
} from '@aidial/stand-ins/testing';

/** Zitadel's login v2: errors.accountLockedContactAdmin. */
const LOCKED = 'Account locked, please contact admin';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function passwordPage(idp: DevIdp, browser: Browser, user: DemoUser): Promise<Page> {
  const page = await browser.open(authorization(idp, { loginHint: user.email }).url);
  return browser.submit(page, '/login-name', { loginName: user.email });
}

async function failPasswords(browser: Browser, page: Page, times: number): Promise<Page> {
  let current = page;
  for (let attempt = 0; attempt < times; attempt += 1) {
    current = await browser.submit(current, '/password', { password: `wrong-${attempt}` });
  }
  return current;
}

async function unlock(idp: DevIdp, user: DemoUser, token = idp.serviceToken): Promise<Response> {
  return fetch(new URL(`/v2/users/${user.sub}/unlock`, idp.issuer), {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: '{}',
  });
}

async function errorId(response: Response): Promise<string> {
  return ((await response.json()) as { details: { id: string }[] }).details[0].id;
}

describe('account lockout (default policy: 5 failed passwords, 5 failed one-time codes)', () => {
  let idp: DevIdp;

  beforeAll(async () => {
    idp = await startDevIdp();
  });

  afterAll(async () => {
    await idp.stop();
  });

  it('counts the failed attempts with each wrong password, as login v2 words it', async () => {
    const browser = new Browser(idp.issuer);
    const page = await passwordPage(idp, browser, demoUsers.clientStaff);

    const afterOne = await failPasswords(browser, page, 1);
    expect(alertText(afterOne)).toBe('Failed to authenticate. 1 of 5 attempts used.');
    const afterFour = await failPasswords(browser, afterOne, 3);
    expect(alertText(afterFour)).toBe('Failed to authenticate. 4 of 5 attempts used.');
  });

  it('locks the account at the fifth wrong password; the right password is then refused too, and no way back to the app is offered', async () => {
    const user = demoUsers.clientManager;
    const browser = new Browser(idp.issuer);

    const locked = await failPasswords(browser, await passwordPage(idp, browser, user), 5);
    expect(alertText(locked)).toBe(LOCKED);
    expect(forms(locked).map((form) => form.action.split('/').pop())).toEqual(['restart', 'password']);

    const right = await browser.submit(locked, '/password', { password: user.password });
    expect(right.left).toBe(false);
    expect(alertText(right)).toBe(LOCKED);
  });

  it('tells a locked user so on a new sign-in, in another browser', async () => {
    const user = demoUsers.partnerUser;
    const first = new Browser(idp.issuer);
    await failPasswords(first, await passwordPage(idp, first, user), 5);

    const page = await passwordPage(idp, new Browser(idp.issuer), user);

    expect(heading(page)).toBe('Enter your password');
    expect(alertText(page)).toBe(LOCKED);
  });

  it('keeps the lock until POST /v2/users/{id}/unlock, then signs the user in; a second unlock is COMMAND-olb9vb0oca', async () => {
    const user = demoUsers.unrecognisedRole;
    const browser = new Browser(idp.issuer);
    await failPasswords(browser, await passwordPage(idp, browser, user), 5);
    await sleep(1100);
    expect(alertText(await passwordPage(idp, new Browser(idp.issuer), user))).toBe(LOCKED);

    const unlocked = await unlock(idp, user);
    expect(unlocked.status).toBe(200);

    expect((await signIn(idp, new Browser(idp.issuer), user)).claims.sub).toBe(user.sub);
    const again = await unlock(idp, user);
    expect(again.status).toBe(400);
    expect(await errorId(again)).toBe('COMMAND-olb9vb0oca');
  });

  it('refuses an unlock by an org service account of another organisation (AUTHZ-cdgFk)', async () => {
    const user = demoUsers.suspendedTenant;
    const browser = new Browser(idp.issuer);
    await failPasswords(browser, await passwordPage(idp, browser, user), 5);

    const refused = await unlock(idp, user, idp.orgServiceToken);

    expect(refused.status).toBe(404);
    expect(await errorId(refused)).toBe('AUTHZ-cdgFk');
  });

  it('locks on the fifth wrong one-time code, counting TOTP and recovery codes together', async () => {
    const user = demoUsers.totpOperator;
    const secret = user.mfa.totp?.secret ?? '';
    const browser = new Browser(idp.issuer);
    let page = await passwordPage(idp, browser, user);
    page = await browser.submit(page, '/password', { password: user.password });
    const interaction = page.url.split('?')[0];
    for (let attempt = 0; attempt < 3; attempt += 1) {
      page = await browser.submit(page, '/totp', { code: wrongTotp(secret) });
    }
    page = await browser.open(`${interaction}?factor=recovery-code`);
    page = await browser.submit(page, '/recovery-code', { code: 'NOPE0-NOPE0' });
    expect(alertText(page)).toBe('This recovery code is not valid or has already been used.');

    const locked = await browser.submit(page, '/recovery-code', { code: 'NOPE1-NOPE1' });

    expect(alertText(locked)).toBe(LOCKED);
    expect(alertText(await passwordPage(idp, new Browser(idp.issuer), user))).toBe(LOCKED);
  });

  it('POST /dev/reset unlocks everyone', async () => {
    await fetch(new URL('/dev/reset', idp.issuer), { method: 'POST' });

    expect((await signIn(idp, new Browser(idp.issuer), demoUsers.clientManager)).claims.sub).toBe(
      demoUsers.clientManager.sub,
    );
  });
});

describe('OTP lockout threshold and SMS code lifetime (DEV_IDP_OTP_LOCKOUT_THRESHOLD=2, 1 s codes)', () => {
  let idp: DevIdp;

  beforeAll(async () => {
    idp = await startDevIdp({ DEV_IDP_OTP_LOCKOUT_THRESHOLD: '2', DEV_IDP_SMS_CODE_TTL_SECONDS: '1' });
  });

  afterAll(async () => {
    await idp.stop();
  });

  it('locks after two wrong SMS codes', async () => {
    const user = demoUsers.sms;
    const browser = new Browser(idp.issuer);
    let page = await passwordPage(idp, browser, user);
    page = await browser.submit(page, '/password', { password: user.password });

    page = await browser.submit(page, '/sms', { code: '000000x' });
    expect(alertText(page)).toBe('The code is incorrect. Check the latest text message and try again.');
    page = await browser.submit(page, '/sms', { code: '000000y' });

    expect(alertText(page)).toBe(LOCKED);
  });

  it('refuses an SMS code once it has expired, and asks for a new one', async () => {
    const user = demoUsers.sms;
    await fetch(new URL('/dev/reset', idp.issuer), { method: 'POST' });
    const browser = new Browser(idp.issuer);
    let page = await passwordPage(idp, browser, user);
    page = await browser.submit(page, '/password', { password: user.password });
    const code = await latestSmsCode(idp, user.mfa.sms?.phone ?? '');
    await sleep(1100);

    const late = await browser.submit(page, '/sms', { code });

    expect(late.left).toBe(false);
    expect(alertText(late)).toBe('This code has expired. Send a new code and enter it.');
  });
});
