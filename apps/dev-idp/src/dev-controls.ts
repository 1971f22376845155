import type { KoaContext } from 'oidc-provider';
import { ACCOUNT_PATHS } from './account-pages.ts';
import { SMS_FACTOR_FAULTS, SMS_PROVIDER_STATES, isSmsFactorFault, isSmsProviderState } from './config.ts';
import type { Directory, UserAccount } from './directory.ts';
import { ID_TOKEN_FAULTS, type Faults, REST_API_FAULTS, isIdTokenFault, isRestApiFault } from './faults.ts';
import { html, sendPage } from './html.ts';
import {
  BadRequest,
  type Handler,
  type Route,
  isDirectLoopback,
  queryValue,
  readJsonObject,
  sendJson,
} from './http.ts';
import type { MemoryStorage } from './memory-adapter.ts';
import { ROUTES } from './provider.ts';
import type { SignInSessions } from './sign-in-sessions.ts';
import type { SmsOutbox } from './sms-outbox.ts';

export interface DevControlDependencies {
  readonly directory: Directory;
  readonly sessions: SignInSessions;
  readonly outbox: SmsOutbox;
  readonly faults: Faults;
  readonly storage: MemoryStorage;
  readonly issuer: string;
}

/**
 * Test and demo controls: the SMS outbox, fault switches, reset, and an index of the demo accounts. Answered only for
 * requests straight from this machine; anything else gets the same 404 as an unknown path.
 */
export function devControlRoutes(deps: DevControlDependencies): Route[] {
  const { directory, sessions, outbox, faults, storage } = deps;
  const local =
    (handler: Handler): Handler =>
    async (ctx, params) => {
      if (!isDirectLoopback(ctx)) {
        ctx.status = 404;
        ctx.body = 'Not Found';
        return;
      }
      try {
        await handler(ctx, params);
      } catch (error) {
        if (!(error instanceof BadRequest)) throw error;
        sendJson(ctx, 400, { error: error.message });
      }
    };
  const faultState = () => ({
    smsProvider: faults.smsProvider,
    smsProviders: SMS_PROVIDER_STATES,
    smsFactor: faults.smsFactor,
    smsFactorFaults: SMS_FACTOR_FAULTS,
    restApi: faults.restApi,
    restApiFaults: REST_API_FAULTS,
    nextIdTokenFault: faults.nextIdTokenFault ?? null,
    idTokenFaults: ID_TOKEN_FAULTS,
  });

  return [
    { method: 'GET', path: '/', handler: local(async (ctx) => showIndex(ctx, deps)) },
    {
      method: 'GET',
      path: '/dev/outbox',
      handler: local(async (ctx) => {
        const messages = outbox.list(queryValue(ctx, 'to'));
        sendPage(ctx, {
          title: 'SMS outbox',
          wide: true,
          body: html`<p>Every text message the identity provider "sent", newest first. Nothing leaves this machine.</p>
            ${
              messages.length === 0
                ? html`<p>No messages yet.</p>`
                : html`<table>
                    <thead>
                      <tr>
                        <th scope="col">Sent</th>
                        <th scope="col">To</th>
                        <th scope="col">Message</th>
                      </tr>
                    </thead>
                    <tbody>
                      ${messages.map(
                        (message) =>
                          html`<tr>
                            <td>${message.sentAt.toISOString()}</td>
                            <td>${message.to}</td>
                            <td>${message.text}</td>
                          </tr>`,
                      )}
                    </tbody>
                  </table>`
            }`,
        });
      }),
    },
    {
      method: 'GET',
      path: '/dev/outbox.json',
      handler: local(async (ctx) => sendJson(ctx, 200, { messages: outbox.list(queryValue(ctx, 'to')) })),
    },
    { method: 'GET', path: '/dev/faults', handler: local(async (ctx) => sendJson(ctx, 200, faultState())) },
    {
      method: 'POST',
      path: '/dev/faults',
      handler: local(async (ctx) => {
        const body = await readJsonObject(ctx);
        if (body.smsProvider !== undefined && !isSmsProviderState(body.smsProvider)) {
          throw new BadRequest(`smsProvider must be one of: ${SMS_PROVIDER_STATES.join(', ')}`);
        }
        if (body.smsProvider !== undefined) faults.smsProvider = body.smsProvider;
        if (body.smsFactor !== undefined) {
          if (!isSmsFactorFault(body.smsFactor)) {
            throw new BadRequest(`smsFactor must be one of: ${SMS_FACTOR_FAULTS.join(', ')}`);
          }
          faults.smsFactor = body.smsFactor;
        }
        if (body.restApi !== undefined) {
          if (!isRestApiFault(body.restApi)) {
            throw new BadRequest(`restApi must be one of: ${REST_API_FAULTS.join(', ')}`);
          }
          faults.restApi = body.restApi;
        }
        sendJson(ctx, 200, faultState());
      }),
    },
    {
      method: 'POST',
      path: '/dev/next-id-token-fault',
      handler: local(async (ctx) => {
        const { fault } = await readJsonObject(ctx);
        if (!isIdTokenFault(fault)) throw new BadRequest(`fault must be one of: ${ID_TOKEN_FAULTS.join(', ')}`);
        faults.nextIdTokenFault = fault;
        sendJson(ctx, 200, faultState());
      }),
    },
    {
      method: 'DELETE',
      path: '/dev/next-id-token-fault',
      handler: local(async (ctx) => {
        faults.nextIdTokenFault = undefined;
        sendJson(ctx, 200, faultState());
      }),
    },
    {
      method: 'POST',
      path: '/dev/reset',
      handler: local(async (ctx) => {
        directory.reset();
        storage.clear();
        sessions.reset();
        outbox.clear();
        faults.reset();
        sendJson(ctx, 200, { reset: true });
      }),
    },
  ];
}

function showIndex(ctx: KoaContext, { directory, issuer }: DevControlDependencies): void {
  const factors = (user: UserAccount) =>
    [
      user.totp && 'TOTP',
      user.otpSms && 'SMS',
      user.recoveryCodeHashes.size > 0 && `${user.recoveryCodeHashes.size} recovery codes`,
    ]
      .filter(Boolean)
      .join(', ') || 'password only';
  sendPage(ctx, {
    title: 'AiDial development identity provider',
    wide: true,
    body: html`<p>
        Issuer <code>${issuer}</code>. A stand-in for Zitadel for development, demos and tests. Passwords and codes
        below are public demo values.
      </p>
      <ul>
        <li><a href="/.well-known/openid-configuration">Discovery document</a>, <a href="${ROUTES.jwks}">keys</a></li>
        <li><a href="/dev/outbox">SMS outbox</a></li>
        <li><a href="${ACCOUNT_PATHS.console}">Security settings (MFA management)</a></li>
      </ul>
      <h2>Demo accounts</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">Email</th>
            <th scope="col">Name</th>
            <th scope="col">Role</th>
            <th scope="col">Organisation</th>
            <th scope="col">Factors</th>
          </tr>
        </thead>
        <tbody>
          ${directory.all().map(
            (user) =>
              html`<tr>
                <td>${user.email}</td>
                <td>${user.displayName}</td>
                <td>${user.role ?? '(none)'}</td>
                <td>${user.organization.name}</td>
                <td>${factors(user)}</td>
              </tr>`,
          )}
        </tbody>
      </table>
      <p class="hint">Passwords, TOTP secrets and recovery codes: tools/demo/seed.json and apps/dev-idp/README.md.</p>`,
  });
}
