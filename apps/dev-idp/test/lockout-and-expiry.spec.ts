import { Browser, type Page, alertText, heading } from './support/browser.ts';
import { type DemoUser, demoUsers } from './support/demo-seed.ts';
import { type DevIdp, startDevIdp } from './support/dev-idp-process.ts';
import { authorization, codeFrom, latestSmsCode, signIn } from './support/oidc.ts';

const LOCKED =
  'This account is locked after too many failed sign-in attempts. Wait a few minutes and try again, or contact your administrator.';

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

describe('account lockout (default policy: 5 failed passwords)', () => {
  let idp: DevIdp;

  beforeAll(async () => {
    idp = await startDevIdp();
  });

  afterAll(async () => {
    await idp.stop();
  });

  it('counts down the attempts left with each wrong password', async () => {
    const browser = new Browser(idp.issuer);
    const page = await passwordPage(idp, browser, demoUsers.clientStaff);

    const afterOne = await failPasswords(browser, page, 1);
    expect(alertText(afterOne)).toBe('The password is incorrect. 4 attempts left before the account is locked.');
    const afterFour = await failPasswords(browser, afterOne, 3);
    expect(alertText(afterFour)).toBe('The password is incorrect. 1 attempt left before the account is locked.');
  });

  it('locks the account at the fifth wrong password with a clear message; the right password is then refused too', async () => {
    const user = demoUsers.clientManager;
    const browser = new Browser(idp.issuer);

    const locked = await failPasswords(browser, await passwordPage(idp, browser, user), 5);
    expect(alertText(locked)).toBe(LOCKED);

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

  it('returns access_denied "User is locked" to the application when a locked user goes back', async () => {
    const user = demoUsers.unrecognisedRole;
    const browser = new Browser(idp.issuer);
    const request = authorization(idp, { loginHint: user.email });
    let page = await browser.open(request.url);
    page = await browser.submit(page, '/login-name', { loginName: user.email });
    page = await failPasswords(browser, page, 5);

    const back = await browser.submit(page, '/cancel');

    expect(back.left).toBe(true);
    const callback = new URL(back.url);
    expect(callback.searchParams.get('error')).toBe('access_denied');
    expect(callback.searchParams.get('error_description')).toBe('User is locked');
    expect(callback.searchParams.get('state')).toBe(request.state);
    expect(() => codeFrom(back, request)).toThrow('access_denied');
  });

  it('leaves other users unaffected', async () => {
    const { claims } = await signIn(idp, new Browser(idp.issuer), demoUsers.passwordOnly);

    expect(claims.sub).toBe(demoUsers.passwordOnly.sub);
  });
});

describe('timers (short lockout and SMS code lifetime for the test)', () => {
  let idp: DevIdp;

  beforeAll(async () => {
    idp = await startDevIdp({ DEV_IDP_LOCKOUT_SECONDS: '1', DEV_IDP_SMS_CODE_TTL_SECONDS: '1' });
  });

  afterAll(async () => {
    await idp.stop();
  });

  it('opens a locked account again once the lockout period has passed', async () => {
    const user = demoUsers.clientStaff;
    const browser = new Browser(idp.issuer);
    await failPasswords(browser, await passwordPage(idp, browser, user), 5);
    await sleep(1100);

    const { claims } = await signIn(idp, new Browser(idp.issuer), user);

    expect(claims.sub).toBe(user.sub);
  });

  it('refuses an SMS code once it has expired, and asks for a new one', async () => {
    const user = demoUsers.sms;
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
