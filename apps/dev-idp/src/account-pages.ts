import { createHash, createHmac, randomBytes } from 'node:crypto';
import type Provider from 'oidc-provider';
import type { KoaContext } from 'oidc-provider';
import QRCode from 'qrcode';
import {
  type Clock,
  type Directory,
  RECOVERY_CODE_MAX,
  type UserAccount,
  equalSecrets,
  maskPhone,
  newTotpSecret,
  normalisePhone,
  totpFor,
} from './directory.ts';
import type { LoginUi } from './config.ts';
import type { Faults } from './faults.ts';
import { type Html, alert, hiddenInputs, html, sendPage } from './html.ts';
import { type Route, queryValue, readForm, seeOther } from './http.ts';
import { CONSOLE_CALLBACK_PATH, CONSOLE_CLIENT_ID, ROUTES } from './provider.ts';
import type { SmsOutbox } from './sms-outbox.ts';

export interface AccountPageDependencies {
  readonly provider: Provider;
  readonly directory: Directory;
  readonly outbox: SmsOutbox;
  readonly faults: Faults;
  readonly issuer: string;
  readonly smsCodeTtlSeconds: number;
  readonly csrfKey: string;
  readonly portalClientId: string;
  readonly loginUi: LoginUi;
  readonly clock: Clock;
}

/** The provider pages the portal links to (DESIGN.md §12), at the paths the backend derives from ZITADEL_ISSUER. */
export const ACCOUNT_PATHS = {
  console: '/ui/console/users/me',
  consoleTotp: '/ui/console/users/me/totp',
  mfaSet: '/ui/v2/login/mfa/set',
  totpSet: '/ui/v2/login/otp/time-based/set',
  smsSet: '/ui/v2/login/otp/sms/set',
  smsVerify: '/ui/v2/login/otp/sms/verify',
  recoveryCodes: '/ui/v2/login/recovery-code',
} as const;

interface SignedIn {
  readonly user: UserAccount;
  readonly csrf: string;
  /** The query naming the login context (`sessionId` or `loginName`, `organization`), kept on login v2 links. */
  readonly context: string;
}

/** Zitadel login v2, locales/en.json `error.unknownContext`. */
export const UNKNOWN_CONTEXT =
  'Could not get the context of the user. Make sure to enter the username first or provide a loginName as searchParam.';

/**
 * Self-service MFA pages, in two kinds, as Zitadel has them:
 * - the console (`/ui/console/users/me…`): an OIDC client of the provider; without a provider session it sends the
 *   browser through the provider's sign-in and back (Zitadel's console does; it passes no `login_hint`).
 * - the login v2 setup pages (`/ui/v2/login/mfa/set`, the TOTP/SMS/recovery-code pages): they never sign anyone in.
 *   They read `sessionId` (the ID token's `sid`) or `loginName` (and `organization`) and need the browser's existing
 *   session for it (login v2's session cookie; here the provider's); otherwise they show login v2's unknownContext
 *   error. With `DEV_IDP_LOGIN_UI=v1` they do not exist (404).
 */
export function accountRoutes(deps: AccountPageDependencies): Route[] {
  const consoleSignIns = new Map<string, { returnTo: string; expiresAt: number }>();
  const pendingTotpSecrets = new Map<string, string>();

  async function signedIn(ctx: KoaContext): Promise<SignedIn | undefined> {
    const session = await deps.provider.Session.get(ctx);
    const user = session.accountId ? deps.directory.findById(session.accountId) : undefined;
    if (!user) return undefined;
    const csrf = createHmac('sha256', deps.csrfKey).update(session.uid).digest('base64url');
    return { user, csrf, context: '' };
  }

  /**
   * For the login v2 pages: the user of the browser's session when the request names it (`sessionId` equal to the
   * session's `sid` in the portal's ID tokens, or `loginName` equal to the user's, and `organization` if given);
   * otherwise the unknownContext error page (undefined then; the response is already set).
   */
  async function requireLoginContext(ctx: KoaContext): Promise<SignedIn | undefined> {
    if (deps.loginUi !== 'v2') {
      ctx.status = 404;
      ctx.body = 'Not Found';
      return undefined;
    }
    const session = await deps.provider.Session.get(ctx);
    const user = session.accountId ? deps.directory.findById(session.accountId) : undefined;
    const sessionId = queryValue(ctx, 'sessionId');
    const loginName = queryValue(ctx, 'loginName');
    const organization = queryValue(ctx, 'organization');
    const named =
      user !== undefined &&
      (sessionId !== undefined
        ? sessionId === session.sidFor(deps.portalClientId)
        : loginName !== undefined && loginName.toLowerCase() === user.email.toLowerCase()) &&
      (organization === undefined || organization === user.organization.id);
    if (!user || !named) {
      sendPage(ctx, { title: 'Set up 2-Factor', status: 400, body: alert(UNKNOWN_CONTEXT) });
      return undefined;
    }
    const context = new URLSearchParams({
      ...(sessionId !== undefined ? { sessionId } : { loginName: loginName ?? '' }),
      ...(organization !== undefined ? { organization } : {}),
    }).toString();
    return { user, csrf: createHmac('sha256', deps.csrfKey).update(session.uid).digest('base64url'), context };
  }

  /** For console pages: the signed-in user, or a redirect through sign-in (undefined then; the response is set). */
  async function requireUserPage(ctx: KoaContext): Promise<SignedIn | undefined> {
    const current = await signedIn(ctx);
    if (current) return current;
    const state = randomBytes(16).toString('base64url');
    for (const [key, pending] of consoleSignIns) if (pending.expiresAt < deps.clock()) consoleSignIns.delete(key);
    consoleSignIns.set(state, {
      returnTo: ctx.path + (ctx.querystring ? `?${ctx.querystring}` : ''),
      expiresAt: deps.clock() + 3600_000,
    });
    const authorize = new URL(ROUTES.authorization, deps.issuer);
    authorize.search = new URLSearchParams({
      client_id: CONSOLE_CLIENT_ID,
      response_type: 'code',
      scope: 'openid',
      redirect_uri: `${deps.issuer}${CONSOLE_CALLBACK_PATH}`,
      state,
      // The console never redeems the code; the provider only requires the challenge from a public client.
      code_challenge: createHash('sha256').update(randomBytes(32).toString('base64url')).digest('base64url'),
      code_challenge_method: 'S256',
    }).toString();
    seeOther(ctx, authorize.toString());
    return undefined;
  }

  /** For form posts: the signed-in user whose page sent the form (session-bound token), else a 403 page. */
  async function requireUserPost(ctx: KoaContext): Promise<{ signed: SignedIn; form: URLSearchParams } | undefined> {
    const [current, form] = await Promise.all([signedIn(ctx), readForm(ctx)]);
    if (!current || !equalSecrets(form.get('csrf') ?? '', current.csrf)) {
      sendPage(ctx, {
        title: 'Session expired',
        status: 403,
        body: html`${alert('Your session at the identity provider has ended. Open the page again to sign in.')}
          <p><a href="${ACCOUNT_PATHS.console}">Security settings</a></p>`,
      });
      return undefined;
    }
    return { signed: current, form };
  }

  async function consoleCallback(ctx: KoaContext): Promise<void> {
    const state = queryValue(ctx, 'state') ?? '';
    const pending = consoleSignIns.get(state);
    consoleSignIns.delete(state);
    const error = queryValue(ctx, 'error');
    if (!pending || pending.expiresAt < deps.clock() || error) {
      sendPage(ctx, {
        title: 'Sign-in not completed',
        status: 400,
        body: html`${alert(queryValue(ctx, 'error_description') ?? 'The sign-in did not complete. Open the page again.')}
          <p><a href="${ACCOUNT_PATHS.console}">Security settings</a></p>`,
      });
      return;
    }
    seeOther(ctx, pending.returnTo);
  }

  async function showConsole(ctx: KoaContext): Promise<void> {
    const current = await requireUserPage(ctx);
    if (!current) return;
    const { user, csrf } = current;
    const notice = queryValue(ctx, 'done');
    const remove = (path: string, label: string) =>
      html`<form method="post" action="${path}" class="inline">
        ${hiddenInputs({ csrf })}<button type="submit" class="danger">${label}</button>
      </form>`;
    sendPage(ctx, {
      title: 'Security settings',
      wide: true,
      body: html`<p>${user.displayName} (<strong>${user.email}</strong>)</p>
        ${notice ? html`<p class="notice" role="status">${DONE_MESSAGES[notice] ?? 'Saved.'}</p>` : ''}
        <h2>Multi-factor authentication</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">Method</th>
              <th scope="col">Status</th>
              <th scope="col">Action</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <td>Password</td>
              <td>Set</td>
              <td></td>
            </tr>
            <tr>
              <td>Authenticator app (TOTP)</td>
              <td>${user.totp ? `Added ${user.totp.addedAt.toISOString()}` : 'Not set up'}</td>
              <td>
                ${user.totp ? remove(`${ACCOUNT_PATHS.console}/totp/remove`, 'Remove authenticator app') : html`<a href="${ACCOUNT_PATHS.consoleTotp}">Authenticator app (TOTP)</a>`}
              </td>
            </tr>
            <tr>
              <td>SMS one-time code</td>
              <td>${user.otpSms ? `Added, ${maskPhone(user.phone?.number ?? '')}` : 'Not set up'}</td>
              <td>
                ${user.otpSms ? remove(`${ACCOUNT_PATHS.console}/otp-sms/remove`, 'Remove SMS code') : loginV2Link(ACCOUNT_PATHS.smsSet, user, 'Set up')}
              </td>
            </tr>
            <tr>
              <td>Recovery codes</td>
              <td>${user.recoveryCodeHashes.size} unused</td>
              <td>${loginV2Link(ACCOUNT_PATHS.recoveryCodes, user, 'Generate new codes')}</td>
            </tr>
          </tbody>
        </table>`,
    });
  }

  /** A link to a login v2 page for this user (by login name), when the instance has login v2. */
  function loginV2Link(path: string, user: UserAccount, label: string): Html {
    if (deps.loginUi !== 'v2') return html``;
    return html`<a href="${path}?${new URLSearchParams({ loginName: user.email }).toString()}">${label}</a>`;
  }

  async function removeTotp(ctx: KoaContext): Promise<void> {
    const posted = await requireUserPost(ctx);
    if (!posted) return;
    deps.directory.removeTotp(posted.signed.user);
    pendingTotpSecrets.delete(posted.signed.user.id);
    seeOther(ctx, `${ACCOUNT_PATHS.console}?done=totp-removed`);
  }

  async function removeOtpSms(ctx: KoaContext): Promise<void> {
    const posted = await requireUserPost(ctx);
    if (!posted) return;
    deps.directory.removeOtpSms(posted.signed.user);
    seeOther(ctx, `${ACCOUNT_PATHS.console}?done=sms-removed`);
  }

  async function showMfaChoice(ctx: KoaContext): Promise<void> {
    const current = await requireLoginContext(ctx);
    if (!current) return;
    const { user, context } = current;
    const options: Html[] = [];
    if (!user.totp) options.push(html`<a href="${ACCOUNT_PATHS.totpSet}?${context}">Authenticator app (TOTP)</a>`);
    if (!user.otpSms) options.push(html`<a href="${ACCOUNT_PATHS.smsSet}?${context}">SMS one-time code</a>`);
    options.push(html`<a href="${ACCOUNT_PATHS.recoveryCodes}?${context}">Recovery codes</a>`);
    sendPage(ctx, {
      title: 'Set up a second factor',
      body: html`<p>Choose a second factor for <strong>${user.email}</strong>.</p>
        <div class="links">${options}</div>
        ${backLink()}`,
    });
  }

  async function totpSetupPage(
    ctx: KoaContext,
    { user, csrf }: SignedIn,
    action: string,
    error?: string,
  ): Promise<void> {
    if (user.totp) {
      sendPage(ctx, {
        title: 'Authenticator app',
        body: html`<p class="notice">
            An authenticator app is already set up. Remove it in the security settings to set up another.
          </p>
          ${backLink()}`,
      });
      return;
    }
    let secret = pendingTotpSecrets.get(user.id);
    if (!secret) {
      secret = newTotpSecret();
      pendingTotpSecrets.set(user.id, secret);
    }
    const uri = totpFor(secret, user.email).toString();
    const qr = await QRCode.toDataURL(uri, { margin: 1, width: 220 });
    sendPage(ctx, {
      title: 'Set up an authenticator app',
      status: error ? 400 : 200,
      body: html`${alert(error)}
        <p>Scan this QR code with your authenticator app, then enter the 6-digit code it shows.</p>
        <img src="${qr}" width="220" height="220" alt="QR code to add ${user.email} to an authenticator app" />
        <p>Or enter this key by hand: <code id="totp-secret">${secret}</code></p>
        <form method="post" action="${action}">
          ${hiddenInputs({ csrf })}
          <label for="code">Code from the app</label>
          <input id="code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code" required />
          <button type="submit">Verify and add</button>
        </form>
        ${backLink()}`,
    });
  }

  async function showTotpSetup(ctx: KoaContext): Promise<void> {
    const current = await requireLoginContext(ctx);
    if (current) await totpSetupPage(ctx, current, `${ACCOUNT_PATHS.totpSet}?${current.context}`);
  }

  async function showConsoleTotpSetup(ctx: KoaContext): Promise<void> {
    const current = await requireUserPage(ctx);
    if (current) await totpSetupPage(ctx, current, ACCOUNT_PATHS.consoleTotp);
  }

  async function verifyTotpSetup(ctx: KoaContext): Promise<void> {
    if (ctx.path !== ACCOUNT_PATHS.consoleTotp && !loginV2Served(ctx)) return;
    const posted = await requireUserPost(ctx);
    if (!posted) return;
    const { user } = posted.signed;
    const action = ctx.path + (ctx.querystring ? `?${ctx.querystring}` : '');
    const secret = pendingTotpSecrets.get(user.id);
    if (user.totp || !secret) return seeOther(ctx, action);
    if (!deps.directory.verifyTotp(secret, posted.form.get('code') ?? '')) {
      return totpSetupPage(
        ctx,
        posted.signed,
        action,
        'The code is incorrect. Enter the current code from your authenticator app.',
      );
    }
    deps.directory.addTotp(user, secret);
    pendingTotpSecrets.delete(user.id);
    const codes =
      user.recoveryCodeHashes.size === 0 ? deps.directory.addRecoveryCodes(user, RECOVERY_CODE_MAX) : undefined;
    sendPage(ctx, {
      title: 'Authenticator app added',
      body: html`<p class="notice" role="status">Your authenticator app is set up.</p>
        ${codes ? recoveryCodeList(codes) : ''}${backLink()}`,
    });
  }

  async function smsSetupPage(
    ctx: KoaContext,
    { user, csrf }: SignedIn,
    error?: string,
    typed?: string,
  ): Promise<void> {
    if (user.otpSms) {
      sendPage(ctx, {
        title: 'SMS one-time code',
        body: html`<p class="notice">
            SMS one-time codes are already set up for ${maskPhone(user.phone?.number ?? '')}.
          </p>
          ${backLink()}`,
      });
      return;
    }
    sendPage(ctx, {
      title: 'Set up SMS one-time codes',
      status: error ? 400 : 200,
      body: html`${alert(error)}
        <form method="post" action="${ACCOUNT_PATHS.smsSet}">
          ${hiddenInputs({ csrf })}
          <label for="phone">Mobile number</label>
          <input
            id="phone"
            name="phone"
            type="tel"
            autocomplete="tel"
            placeholder="+61 4xx xxx xxx"
            required
            value="${typed ?? ''}"
          />
          <p class="hint">International format, starting with + and the country code.</p>
          <button type="submit">Send a verification code</button>
        </form>
        ${backLink()}`,
    });
  }

  async function showSmsSetup(ctx: KoaContext): Promise<void> {
    const current = await requireLoginContext(ctx);
    if (current) await smsSetupPage(ctx, current);
  }

  async function smsCodePage(ctx: KoaContext, { user, csrf }: SignedIn, error?: string): Promise<void> {
    sendPage(ctx, {
      title: 'Verify your mobile number',
      status: error ? 400 : 200,
      body: html`${alert(error)}
        <p>We sent a code to <strong>${maskPhone(user.phone?.number ?? '')}</strong>.</p>
        <form method="post" action="${ACCOUNT_PATHS.smsVerify}">
          ${hiddenInputs({ csrf })}
          <label for="code">Verification code</label>
          <input id="code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code" required />
          <button type="submit">Verify and add</button>
        </form>
        ${backLink()}`,
    });
  }

  async function startSmsSetup(ctx: KoaContext): Promise<void> {
    if (!loginV2Served(ctx)) return;
    const posted = await requireUserPost(ctx);
    if (!posted) return;
    const typed = posted.form.get('phone') ?? '';
    const phone = normalisePhone(typed);
    if (!phone)
      return smsSetupPage(
        ctx,
        posted.signed,
        'Enter the number in international format, for example +61 412 345 678.',
        typed,
      );
    if (deps.faults.smsSendFailure()) {
      return smsSetupPage(
        ctx,
        posted.signed,
        'We could not send a text message right now. Try again later, or use an authenticator app.',
        typed,
      );
    }
    const verification = deps.directory.setPhone(posted.signed.user, phone, false, deps.smsCodeTtlSeconds);
    if (verification) deps.outbox.send(phone, 'phone-verification', verification.code, deps.smsCodeTtlSeconds);
    await smsCodePage(ctx, posted.signed);
  }

  async function verifySmsSetup(ctx: KoaContext): Promise<void> {
    if (!loginV2Served(ctx)) return;
    const posted = await requireUserPost(ctx);
    if (!posted) return;
    const { user } = posted.signed;
    if (!deps.directory.verifyPhone(user, posted.form.get('code') ?? '')) {
      return smsCodePage(ctx, posted.signed, 'The code is incorrect or has expired.');
    }
    if (!user.otpSms) deps.directory.addOtpSms(user);
    sendPage(ctx, {
      title: 'SMS one-time codes added',
      body: html`<p class="notice" role="status">
          Sign-ins can now be confirmed with a code sent to ${maskPhone(user.phone?.number ?? '')}.
        </p>
        ${backLink()}`,
    });
  }

  async function showRecoveryCodes(ctx: KoaContext): Promise<void> {
    const current = await requireLoginContext(ctx);
    if (!current) return;
    const { user, csrf, context } = current;
    const missing = RECOVERY_CODE_MAX - user.recoveryCodeHashes.size;
    sendPage(ctx, {
      title: 'Recovery codes',
      body: html`<p>
          You have <strong>${user.recoveryCodeHashes.size}</strong> unused recovery codes. Codes are shown only once,
          when they are made.
        </p>
        ${
          missing > 0
            ? html`<form method="post" action="${ACCOUNT_PATHS.recoveryCodes}?${context}">
                ${hiddenInputs({ csrf })}
                <p class="hint">New codes are added to your unused ones, up to ${RECOVERY_CODE_MAX}.</p>
                <button type="submit">Generate ${missing} new recovery codes</button>
              </form>`
            : html`<p class="hint">You have the most unused codes you can hold (${RECOVERY_CODE_MAX}).</p>`
        }
        ${backLink()}`,
    });
  }

  async function addRecoveryCodes(ctx: KoaContext): Promise<void> {
    if (!loginV2Served(ctx)) return;
    const posted = await requireUserPost(ctx);
    if (!posted) return;
    const { user } = posted.signed;
    const missing = RECOVERY_CODE_MAX - user.recoveryCodeHashes.size;
    if (missing <= 0) return seeOther(ctx, ctx.path + (ctx.querystring ? `?${ctx.querystring}` : ''));
    const codes = deps.directory.addRecoveryCodes(user, missing);
    sendPage(ctx, { title: 'New recovery codes', body: html`${recoveryCodeList(codes)}${backLink()}` });
  }

  /** The login v2 pages do not exist when the instance uses login v1. */
  function loginV2Served(ctx: KoaContext): boolean {
    if (deps.loginUi === 'v2') return true;
    ctx.status = 404;
    ctx.body = 'Not Found';
    return false;
  }

  return [
    { method: 'GET', path: CONSOLE_CALLBACK_PATH, handler: consoleCallback },
    { method: 'GET', path: ACCOUNT_PATHS.console, handler: showConsole },
    { method: 'POST', path: `${ACCOUNT_PATHS.console}/totp/remove`, handler: removeTotp },
    { method: 'POST', path: `${ACCOUNT_PATHS.console}/otp-sms/remove`, handler: removeOtpSms },
    { method: 'GET', path: ACCOUNT_PATHS.consoleTotp, handler: showConsoleTotpSetup },
    { method: 'POST', path: ACCOUNT_PATHS.consoleTotp, handler: verifyTotpSetup },
    { method: 'GET', path: ACCOUNT_PATHS.mfaSet, handler: showMfaChoice },
    { method: 'GET', path: ACCOUNT_PATHS.totpSet, handler: showTotpSetup },
    { method: 'POST', path: ACCOUNT_PATHS.totpSet, handler: verifyTotpSetup },
    { method: 'GET', path: ACCOUNT_PATHS.smsSet, handler: showSmsSetup },
    { method: 'POST', path: ACCOUNT_PATHS.smsSet, handler: startSmsSetup },
    { method: 'POST', path: ACCOUNT_PATHS.smsVerify, handler: verifySmsSetup },
    { method: 'GET', path: ACCOUNT_PATHS.recoveryCodes, handler: showRecoveryCodes },
    { method: 'POST', path: ACCOUNT_PATHS.recoveryCodes, handler: addRecoveryCodes },
  ];
}

const DONE_MESSAGES: Record<string, string> = {
  'totp-removed': 'The authenticator app was removed.',
  'sms-removed': 'SMS one-time codes were removed.',
};

function recoveryCodeList(codes: readonly string[]): Html {
  return html`<h2>Your recovery codes</h2>
    <p>Store these codes somewhere safe. Each works once, and they will not be shown again.</p>
    <ul class="codes" aria-label="Recovery codes">
      ${codes.map((code) => html`<li><code>${code}</code></li>`)}
    </ul>`;
}

function backLink(): Html {
  return html`<div class="links"><a href="${ACCOUNT_PATHS.console}">Back to security settings</a></div>`;
}
