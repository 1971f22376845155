import type Provider from 'oidc-provider';
import type { InteractionDetails, KoaContext } from 'oidc-provider';
import { type SignInFactor, amrFor } from './amr.ts';
import { type Clock, type Directory, type UserAccount, maskPhone, newOneTimeCode } from './directory.ts';
import type { Faults } from './faults.ts';
import { type Html, alert, html, sendPage } from './html.ts';
import { type Params, type Route, queryValue, readForm, seeOther } from './http.ts';
import type { LoginUi } from './config.ts';
import { interactionPath } from './provider.ts';
import type { SignInProgress, SignInSessions } from './sign-in-sessions.ts';
import type { SmsOutbox } from './sms-outbox.ts';

export interface SignInDependencies {
  readonly provider: Provider;
  readonly directory: Directory;
  readonly sessions: SignInSessions;
  readonly outbox: SmsOutbox;
  readonly faults: Faults;
  readonly smsCodeTtlSeconds: number;
  readonly loginUi: LoginUi;
  readonly clock: Clock;
}

type SecondFactorStep = 'totp' | 'sms' | 'recovery-code';

const MESSAGES = {
  unknownUser: 'User could not be found. Check the email address.',
  // Zitadel's login v2 (apps/login src/lib/server/password.ts sendPassword, errors.failedToAuthenticate).
  wrongPassword: (failed: number, max: number) => `Failed to authenticate. ${failed} of ${max} attempts used.`,
  // Zitadel's login v2 errors.accountLockedContactAdmin: the lock lasts until an administrator unlocks the user.
  locked: 'Account locked, please contact admin',
  wrongTotp: 'The code is incorrect. Enter the current 6-digit code from your authenticator app.',
  wrongSms: 'The code is incorrect. Check the latest text message and try again.',
  expiredSms: 'This code has expired. Send a new code and enter it.',
  smsNotSent: 'We could not send a text message right now. Use another way to verify.',
  wrongRecoveryCode: 'This recovery code is not valid or has already been used.',
  expired:
    'This sign-in request has expired or was started in another browser. Go back to the application and sign in again.',
} as const;

/**
 * The hosted sign-in: email → password → second factor (when the user has one) → back to oidc-provider with the
 * factors as `amr`. Each step is a page under /ui/v2/login/interaction/{uid}; the interaction cookie oidc-provider set
 * for that path proves the browser is the one that started the request.
 */
export function signInRoutes(deps: SignInDependencies): Route[] {
  const base = `${interactionPath(deps.loginUi)}/:uid`;
  const step = (handler: StepHandler) => withInteraction(deps, handler);
  return [
    { method: 'GET', path: base, handler: step(showCurrentStep) },
    { method: 'POST', path: `${base}/login-name`, handler: step(submitLoginName) },
    { method: 'POST', path: `${base}/password`, handler: step(submitPassword) },
    { method: 'POST', path: `${base}/totp`, handler: step(submitTotp) },
    { method: 'POST', path: `${base}/sms`, handler: step(submitSmsCode) },
    { method: 'POST', path: `${base}/sms/send`, handler: step(resendSmsCode) },
    { method: 'POST', path: `${base}/recovery-code`, handler: step(submitRecoveryCode) },
    { method: 'POST', path: `${base}/restart`, handler: step(restart) },
  ];
}

interface Step {
  readonly ctx: KoaContext;
  readonly deps: SignInDependencies;
  readonly details: InteractionDetails;
  readonly progress: SignInProgress;
  readonly url: string;
}

type StepHandler = (step: Step) => Promise<void>;

function withInteraction(deps: SignInDependencies, handler: StepHandler) {
  return async (ctx: KoaContext, params: Params): Promise<void> => {
    let details: InteractionDetails;
    try {
      details = await deps.provider.interactionDetails(ctx.req, ctx.res);
    } catch {
      sendPage(ctx, { title: 'Sign in', status: 400, body: alert(MESSAGES.expired) });
      return;
    }
    if (details.uid !== params.uid) {
      sendPage(ctx, { title: 'Sign in', status: 400, body: alert(MESSAGES.expired) });
      return;
    }
    const url = `${interactionPath(deps.loginUi)}/${details.uid}`;
    await handler({ ctx, deps, details, progress: deps.sessions.progress(details.uid), url });
  };
}

async function showCurrentStep(step: Step): Promise<void> {
  const { ctx, progress, deps } = step;
  if (step.details.prompt.name === 'consent') return grantEverything(step);
  const user = progress.userId ? deps.directory.findById(progress.userId) : undefined;
  if (!user) return renderLoginName(step);
  if (!progress.factors.password) return renderPassword(step, user);
  const factorStep = secondFactorStep(user, queryValue(ctx, 'factor'));
  if (factorStep && !hasSecondFactor(progress)) return renderSecondFactor(step, user, factorStep);
  return finish(step, user);
}

async function submitLoginName(step: Step): Promise<void> {
  const form = await readForm(step.ctx);
  const loginName = form.get('loginName') ?? '';
  const user = step.deps.directory.findByLoginName(loginName);
  if (!user) return renderLoginName(step, MESSAGES.unknownUser, loginName);
  step.deps.sessions.restart(step.progress);
  step.progress.userId = user.id;
  step.progress.userVerifiedAt = new Date(step.deps.clock());
  seeOther(step.ctx, step.url);
}

async function submitPassword(step: Step): Promise<void> {
  const user = identifiedUser(step);
  if (!user) return seeOther(step.ctx, step.url);
  const form = await readForm(step.ctx);
  const check = step.deps.directory.checkPassword(user, form.get('password') ?? '');
  if (check.outcome === 'locked') return renderPassword(step, user, MESSAGES.locked);
  if (check.outcome === 'wrong') {
    return renderPassword(step, user, MESSAGES.wrongPassword(check.failedAttempts, check.maxAttempts));
  }
  step.progress.factors.password = new Date(step.deps.clock());
  seeOther(step.ctx, step.url);
}

async function submitTotp(step: Step): Promise<void> {
  const user = userPastPassword(step);
  if (!user?.totp) return seeOther(step.ctx, step.url);
  const form = await readForm(step.ctx);
  const { directory } = step.deps;
  const secret = user.totp.secret;
  const check = directory.checkOneTimeCode(user, () => directory.verifyTotp(secret, form.get('code') ?? ''));
  if (check.outcome === 'locked') return renderSecondFactor(step, user, 'totp', MESSAGES.locked);
  if (check.outcome === 'wrong') return renderSecondFactor(step, user, 'totp', MESSAGES.wrongTotp);
  step.progress.factors.totp = new Date(step.deps.clock());
  seeOther(step.ctx, step.url);
}

async function submitSmsCode(step: Step): Promise<void> {
  const user = userPastPassword(step);
  if (!user?.otpSms) return seeOther(step.ctx, step.url);
  const form = await readForm(step.ctx);
  const challenge = step.progress.smsChallenge;
  const expired = !challenge || challenge.expiresAt <= step.deps.clock();
  const check = step.deps.directory.checkOneTimeCode(
    user,
    () => !expired && (form.get('code') ?? '').trim() === challenge.code,
  );
  if (check.outcome === 'locked')
    return renderSecondFactor(step, user, 'sms', MESSAGES.locked, { sendIfNeeded: false });
  if (check.outcome === 'wrong') {
    const message = expired ? MESSAGES.expiredSms : MESSAGES.wrongSms;
    return renderSecondFactor(step, user, 'sms', message, { sendIfNeeded: false });
  }
  step.progress.smsChallenge = undefined;
  step.progress.factors.otpSms = new Date(step.deps.clock());
  seeOther(step.ctx, step.url);
}

async function resendSmsCode(step: Step): Promise<void> {
  const user = userPastPassword(step);
  if (!user?.otpSms || !user.phone) return seeOther(step.ctx, step.url);
  if (!sendSignInCode(step, user)) {
    return renderSecondFactor(step, user, 'sms', MESSAGES.smsNotSent, { sendIfNeeded: false });
  }
  seeOther(step.ctx, `${step.url}?factor=sms&sent=1`);
}

async function submitRecoveryCode(step: Step): Promise<void> {
  const user = userPastPassword(step);
  if (!user) return seeOther(step.ctx, step.url);
  const form = await readForm(step.ctx);
  const { directory } = step.deps;
  const check = directory.checkOneTimeCode(user, () => directory.redeemRecoveryCode(user, form.get('code') ?? ''));
  if (check.outcome === 'locked') return renderSecondFactor(step, user, 'recovery-code', MESSAGES.locked);
  if (check.outcome === 'wrong') return renderSecondFactor(step, user, 'recovery-code', MESSAGES.wrongRecoveryCode);
  step.progress.factors.recoveryCode = new Date(step.deps.clock());
  seeOther(step.ctx, step.url);
}

async function restart(step: Step): Promise<void> {
  step.deps.sessions.restart(step.progress);
  seeOther(step.ctx, step.url);
}

async function finish(step: Step, user: UserAccount): Promise<void> {
  const { deps, progress, ctx } = step;
  const ts = Math.floor(deps.clock() / 1000);
  const used = new Set(Object.keys(progress.factors) as SignInFactor[]);
  deps.sessions.recordAuthentication({
    userId: user.id,
    authTime: ts,
    userVerifiedAt: progress.userVerifiedAt ?? new Date(deps.clock()),
    factors: { ...progress.factors },
    userAgent: ctx.get('user-agent') || undefined,
  });
  deps.sessions.finish(step.details.uid);
  await deps.provider.interactionFinished(
    ctx.req,
    ctx.res,
    { login: { accountId: user.id, amr: amrFor(used), ts, remember: true } },
    { mergeWithLastSubmission: false },
  );
  ctx.respond = false;
}

/**
 * Not reached in practice: loadExistingGrant already grants every requested scope, so oidc-provider never asks for
 * consent. Kept so a request that still does (a claim the grant lacks) passes instead of stalling on a page.
 */
async function grantEverything({ ctx, deps, details }: Step): Promise<void> {
  const accountId = details.session?.accountId ?? '';
  const clientId = details.params.client_id ?? '';
  const grant =
    (details.grantId ? await deps.provider.Grant.find(details.grantId) : undefined) ??
    new deps.provider.Grant({ accountId, clientId });
  grant.addOIDCScope(details.params.scope ?? 'openid');
  const missingClaims = details.prompt.details.missingOIDCClaims;
  if (Array.isArray(missingClaims)) grant.addOIDCClaims(missingClaims.map(String));
  const grantId = await grant.save();
  await deps.provider.interactionFinished(
    ctx.req,
    ctx.res,
    { consent: { grantId } },
    { mergeWithLastSubmission: true },
  );
  ctx.respond = false;
}

function identifiedUser(step: Step): UserAccount | undefined {
  return step.progress.userId ? step.deps.directory.findById(step.progress.userId) : undefined;
}

function userPastPassword(step: Step): UserAccount | undefined {
  return step.progress.factors.password ? identifiedUser(step) : undefined;
}

function hasSecondFactor(progress: SignInProgress): boolean {
  const { totp, otpSms, recoveryCode } = progress.factors;
  return Boolean(totp ?? otpSms ?? recoveryCode);
}

/** The second-factor page to show, or undefined when the user has no second factor. TOTP first, like Zitadel. */
function secondFactorStep(user: UserAccount, asked: string | undefined): SecondFactorStep | undefined {
  const available = availableSecondFactors(user);
  if (!user.totp && !user.otpSms) return undefined;
  return available.find((candidate) => candidate === asked) ?? available[0];
}

function availableSecondFactors(user: UserAccount): SecondFactorStep[] {
  const steps: SecondFactorStep[] = [];
  if (user.totp) steps.push('totp');
  if (user.otpSms && user.phone) steps.push('sms');
  if (user.recoveryCodeHashes.size > 0 && (user.totp || user.otpSms)) steps.push('recovery-code');
  return steps;
}

/**
 * Texts a new sign-in code; says whether it went out. With no active SMS provider, or a provider fault switched on,
 * nothing arrives (Zitadel's notification worker fails to send it).
 */
function sendSignInCode(step: Step, user: UserAccount): boolean {
  const { deps } = step;
  if (deps.faults.smsSendFailure()) return false;
  const challenge = newOneTimeCode(deps.clock(), deps.smsCodeTtlSeconds);
  step.progress.smsChallenge = challenge;
  deps.outbox.send(user.phone?.number ?? '', 'sign-in', challenge.code, deps.smsCodeTtlSeconds);
  return true;
}

function renderLoginName(step: Step, error?: string, typed?: string): void {
  const { details, deps, url } = step;
  const sessionUser = details.session ? deps.directory.findById(details.session.accountId) : undefined;
  const value = typed ?? details.params.login_hint ?? sessionUser?.email ?? '';
  sendPage(step.ctx, {
    title: 'Sign in',
    status: error ? 400 : 200,
    body: html`${alert(error)}
      <form method="post" action="${url}/login-name">
        <label for="loginName">Email</label>
        <input
          id="loginName"
          name="loginName"
          type="email"
          autocomplete="username"
          required
          value="${value}"
          autofocus
        />
        <button type="submit">Continue</button>
      </form>`,
  });
}

function renderPassword(step: Step, user: UserAccount, error?: string): void {
  const { url } = step;
  const message = error ?? (user.locked ? MESSAGES.locked : undefined);
  sendPage(step.ctx, {
    title: 'Enter your password',
    status: message ? 400 : 200,
    body: html`${identity(user, url)}${alert(message)}
      <form method="post" action="${url}/password">
        <input type="hidden" name="username" value="${user.email}" autocomplete="username" />
        <label for="password">Password</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required autofocus />
        <button type="submit">Sign in</button>
      </form>`,
  });
}

function renderSecondFactor(
  step: Step,
  user: UserAccount,
  factor: SecondFactorStep,
  error?: string,
  { sendIfNeeded = true } = {},
): void {
  const { url, ctx, deps, progress } = step;
  let lead: Html;
  let field: Html;
  let notice: Html = html``;
  if (factor === 'totp') {
    lead = html`<p>Enter the 6-digit code from your authenticator app.</p>`;
    field = codeField('Authenticator code', 'one-time-code', 'numeric');
  } else if (factor === 'sms') {
    const current = progress.smsChallenge;
    const needsCode = !current || current.expiresAt <= deps.clock();
    if (sendIfNeeded && needsCode && !sendSignInCode(step, user)) error ??= MESSAGES.smsNotSent;
    lead = progress.smsChallenge
      ? html`<p>We sent a 6-digit code by text message to <strong>${maskPhone(user.phone?.number ?? '')}</strong>.</p>`
      : html``;
    field = codeField('SMS code', 'one-time-code', 'numeric');
    if (queryValue(ctx, 'sent')) notice = html`<p class="notice" role="status">A new code was sent.</p>`;
  } else {
    lead = html`<p>Enter one of your recovery codes. Each code works once.</p>`;
    field = codeField('Recovery code', 'off', 'text');
  }
  const others = availableSecondFactors(user).filter((other) => other !== factor);
  const action = factor === 'recovery-code' ? 'recovery-code' : factor;
  sendPage(ctx, {
    title: TITLES[factor],
    status: error ? 400 : 200,
    body: html`${identity(user, url)}${notice}${alert(error)}${lead}
      <form method="post" action="${url}/${action}">${field}<button type="submit">Verify</button></form>
      ${factor === 'sms' ? html`<form method="post" action="${url}/sms/send"><button type="submit" class="secondary">Send a new code</button></form>` : ''}
      <div class="links">
        ${others.map((other) => html`<a href="${url}?factor=${other}">${SWITCH_LABELS[other]}</a>`)}
      </div>`,
  });
}

const TITLES: Record<SecondFactorStep, string> = {
  totp: 'Verify with your authenticator app',
  sms: 'Verify with a text message',
  'recovery-code': 'Use a recovery code',
};

const SWITCH_LABELS: Record<SecondFactorStep, string> = {
  totp: 'Use your authenticator app instead',
  sms: 'Send a code by text message instead',
  'recovery-code': 'Lost your device? Use a recovery code',
};

function codeField(label: string, autocomplete: string, inputmode: string): Html {
  return html`<label for="code">${label}</label>
    <input
      id="code"
      name="code"
      type="text"
      inputmode="${inputmode}"
      autocomplete="${autocomplete}"
      required
      autofocus
    />`;
}

function identity(user: UserAccount, url: string): Html {
  return html`<p>Signing in as <strong>${user.email}</strong></p>
    <form method="post" action="${url}/restart" class="inline">
      <button type="submit" class="secondary">Use another account</button>
    </form>`;
}
