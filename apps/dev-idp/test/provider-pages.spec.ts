import { Browser, type Page, alertText, forms, heading } from './support/browser.ts';
import { type DemoUser, demoUsers } from './support/demo-seed.ts';
import { type DevIdp, startDevIdp } from './support/dev-idp-process.ts';
import { latestSmsCode, outbox, signIn, totpNow, wrongTotp } from './support/oidc.ts';

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
  return ((await response.json()) as { authMethodTypes: string[] }).authMethodTypes;
}

/** A provider page opened from a fresh browser: through the provider's own sign-in, then back to the page. */
async function openSignedIn(path: string, user: DemoUser): Promise<{ browser: Browser; page: Page }> {
  const browser = new Browser(idp.issuer);
  let page = await browser.open(`${path}${path.includes('?') ? '&' : '?'}login_hint=${encodeURIComponent(user.email)}`);
  expect(heading(page)).toBe('Sign in');
  page = await browser.submit(page, '/login-name', { loginName: user.email });
  page = await browser.submit(page, '/password', { password: user.password });
  return { browser, page };
}

function recoveryCodesOn(page: Page): string[] {
  return [...page.body.matchAll(/<li><code>([A-Z0-9-]+)<\/code><\/li>/g)].map(([, code]) => code);
}

describe('MFA management page ({issuer}/ui/console/users/me)', () => {
  it('sends a signed-out browser through the provider sign-in (login_hint prefilled) and back to the page', async () => {
    const user = demoUsers.totp;
    const browser = new Browser(idp.issuer);
    let page = await browser.open(`/ui/console/users/me?login_hint=${encodeURIComponent(user.email)}`);

    expect(heading(page)).toBe('Sign in');
    expect(page.body).toContain(`value="${user.email}"`);
    page = await browser.submit(page, '/login-name', { loginName: user.email });
    page = await browser.submit(page, '/password', { password: user.password });
    page = await browser.submit(page, '/totp', { code: totpNow(user.mfa.totp?.secret ?? '') });

    expect(new URL(page.url).pathname).toBe('/ui/console/users/me');
    expect(heading(page)).toBe('Security settings');
    expect(page.body).toContain('10 unused');
  });

  it('is reached without signing in again after a portal sign-in in the same browser', async () => {
    const user = demoUsers.clientStaff;
    const browser = new Browser(idp.issuer);
    await signIn(idp, browser, user);

    const page = await browser.open(`/ui/console/users/me?login_hint=${encodeURIComponent(user.email)}`);

    expect(heading(page)).toBe('Security settings');
  });

  it('asks to sign in again when login_hint names another user than the one signed in, then shows that user', async () => {
    const other = demoUsers.partnerUser;
    const browser = new Browser(idp.issuer);
    await signIn(idp, browser, demoUsers.clientStaff);

    let page = await browser.open(`/ui/console/users/me?login_hint=${encodeURIComponent(other.email)}`);
    expect(heading(page)).toBe('Sign in');
    expect(page.body).toContain(`value="${other.email}"`);
    page = await browser.submit(page, '/login-name', { loginName: other.email });
    page = await browser.submit(page, '/password', { password: other.password });

    expect(heading(page)).toBe('Security settings');
    expect(page.body).toContain(`<strong>${other.email}</strong>`);
  });

  it('removes the authenticator app; the next sign-in no longer asks for it', async () => {
    const user = demoUsers.totpOperator;
    const { browser, page: signInPage } = await openSignedIn('/ui/console/users/me', user);
    const page = await browser.submit(signInPage, '/totp', { code: totpNow(user.mfa.totp?.secret ?? '') });

    const after = await browser.submit(page, '/ui/console/users/me/totp/remove');

    expect(after.body).toContain('The authenticator app was removed.');
    expect(await authenticationMethods(user)).not.toContain('AUTHENTICATION_METHOD_TYPE_TOTP');
    const { claims } = await signIn(idp, new Browser(idp.issuer), user);
    expect(claims.amr).toEqual(['pwd']);
  });

  it('refuses a form post without the session’s token', async () => {
    const user = demoUsers.totp;
    const { browser, page } = await openSignedIn('/ui/console/users/me', user);
    await browser.submit(page, '/totp', { code: totpNow(user.mfa.totp?.secret ?? '') });

    const forged = await browser.post('/ui/console/users/me/totp/remove', { csrf: 'forged' });

    expect(forged.status).toBe(403);
    expect(await authenticationMethods(user)).toContain('AUTHENTICATION_METHOD_TYPE_TOTP');
    expect(alertText(forged)).toContain('session at the identity provider has ended');
  });
});

describe('TOTP setup ({issuer}/ui/v2/login/otp/time-based/set)', () => {
  it('shows a QR code and the secret, refuses a wrong code, enrols on the right one and shows recovery codes once', async () => {
    const user = demoUsers.passwordOnly;
    const { browser, page } = await openSignedIn('/ui/v2/login/otp/time-based/set', user);

    expect(heading(page)).toBe('Set up an authenticator app');
    expect(page.body).toMatch(
      /<img src="data:image\/png;base64,[A-Za-z0-9+/=]+" width="220" height="220" alt="QR code to add /,
    );
    const secret = /<code id="totp-secret">([A-Z2-7]+)<\/code>/.exec(page.body)?.[1] ?? '';
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);

    const wrong = await browser.submit(page, '/ui/v2/login/otp/time-based/set', { code: wrongTotp(secret) });
    expect(alertText(wrong)).toBe('The code is incorrect. Enter the current code from your authenticator app.');
    expect(wrong.body).toContain(secret);

    const done = await browser.submit(wrong, '/ui/v2/login/otp/time-based/set', { code: totpNow(secret) });
    expect(heading(done)).toBe('Authenticator app added');
    const codes = recoveryCodesOn(done);
    expect(codes).toHaveLength(10);
    expect(await authenticationMethods(user)).toEqual([
      'AUTHENTICATION_METHOD_TYPE_PASSWORD',
      'AUTHENTICATION_METHOD_TYPE_TOTP',
      'AUTHENTICATION_METHOD_TYPE_RECOVERY_CODE',
    ]);

    const settings = await browser.open('/ui/console/users/me');
    expect(codes.some((code) => settings.body.includes(code))).toBe(false);

    const { claims } = await signIn(idp, new Browser(idp.issuer), user, { kind: 'totp', secret });
    expect(claims.amr).toEqual(['pwd', 'otp', 'mfa']);
    const recovered = await signIn(idp, new Browser(idp.issuer), user, { kind: 'recovery-code', code: codes[0] });
    expect(recovered.claims.amr).toEqual(['pwd']);
  });

  it('says so when an authenticator app is already set up', async () => {
    const user = demoUsers.totp;
    const { browser, page } = await openSignedIn('/ui/v2/login/otp/time-based/set', user);
    const settingsPage = await browser.submit(page, '/totp', { code: totpNow(user.mfa.totp?.secret ?? '') });

    expect(settingsPage.body).toContain('An authenticator app is already set up.');
  });
});

describe('SMS setup ({issuer}/ui/v2/login/otp/sms/set)', () => {
  it('sends a verification code to the outbox and adds the factor once the code is entered', async () => {
    const user = demoUsers.mandatoryWithoutMfa;
    const { browser, page } = await openSignedIn('/ui/v2/login/otp/sms/set', user);
    expect(heading(page)).toBe('Set up SMS one-time codes');

    const invalid = await browser.submit(page, '/ui/v2/login/otp/sms/set', { phone: '0412' });
    expect(alertText(invalid)).toBe('Enter the number in international format, for example +61 412 345 678.');

    const codePage = await browser.submit(invalid, '/ui/v2/login/otp/sms/set', { phone: '+61 412 555 999' });
    expect(heading(codePage)).toBe('Verify your mobile number');
    const wrong = await browser.submit(codePage, '/ui/v2/login/otp/sms/verify', { code: '999999x' });
    expect(alertText(wrong)).toBe('The code is incorrect or has expired.');
    const done = await browser.submit(wrong, '/ui/v2/login/otp/sms/verify', {
      code: await latestSmsCode(idp, '+61412555999'),
    });

    expect(heading(done)).toBe('SMS one-time codes added');
    expect(await authenticationMethods(user)).toContain('AUTHENTICATION_METHOD_TYPE_OTP_SMS');
    const { claims } = await signIn(
      idp,
      new Browser(idp.issuer),
      { ...user, mfa: { sms: { phone: '+61412555999' } } },
      { kind: 'sms' },
    );
    expect(claims.amr).toEqual(['pwd', 'otp', 'mfa']);
  });

  it('sends no code and keeps the phone while an SMS fault is on, and says so', async () => {
    const user = demoUsers.unrecognisedRole;
    const switchSmsFault = (smsFactor: string) =>
      fetch(new URL('/dev/faults', idp.issuer), { method: 'POST', body: JSON.stringify({ smsFactor }) });
    const { browser, page } = await openSignedIn('/ui/v2/login/otp/sms/set', user);
    await switchSmsFault('carrier_blocked');
    try {
      const refused = await browser.submit(page, '/ui/v2/login/otp/sms/set', { phone: '+61 412 555 888' });

      expect(heading(refused)).toBe('Set up SMS one-time codes');
      expect(alertText(refused)).toBe(
        'We could not send a text message right now. Try again later, or use an authenticator app.',
      );
      expect(await outbox(idp, '+61412555888')).toEqual([]);
    } finally {
      await switchSmsFault('none');
    }
    expect(await authenticationMethods(user)).not.toContain('AUTHENTICATION_METHOD_TYPE_OTP_SMS');
  });
});

describe('recovery codes ({issuer}/ui/v2/login/recovery-code)', () => {
  it('regenerates the codes: the new ones are shown once, the old ones stop working', async () => {
    const user = demoUsers.totpAdmin;
    const { browser, page: signInPage } = await openSignedIn('/ui/v2/login/recovery-code', user);
    const page = await browser.submit(signInPage, '/totp', { code: totpNow(user.mfa.totp?.secret ?? '') });
    expect(page.body).toContain('<strong>10</strong> unused recovery codes');

    const regenerated = await browser.submit(page, '/ui/v2/login/recovery-code');
    const codes = recoveryCodesOn(regenerated);
    expect(codes).toHaveLength(10);
    expect(codes).not.toContain(user.mfa.recoveryCodes?.[0]);

    const again = await browser.open('/ui/v2/login/recovery-code');
    expect(codes.some((code) => again.body.includes(code))).toBe(false);
    const { claims } = await signIn(idp, new Browser(idp.issuer), user, { kind: 'recovery-code', code: codes[3] });
    expect(claims.sub).toBe(user.sub);
  });
});

describe('second-factor choice ({issuer}/ui/v2/login/mfa/set)', () => {
  it('offers the factors the user does not have yet', async () => {
    const { page } = await openSignedIn('/ui/v2/login/mfa/set', demoUsers.partnerUser);

    expect(heading(page)).toBe('Set up a second factor');
    expect(page.body).toContain('href="/ui/v2/login/otp/time-based/set"');
    expect(page.body).toContain('href="/ui/v2/login/recovery-code"');
    expect(forms(page)).toHaveLength(0);
  });
});
