import { randomBytes } from 'node:crypto';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AuthorizationCodeEntity, KoaContext, Middleware } from 'oidc-provider';
import { accountRoutes } from './account-pages.ts';
import type { DevIdpConfig } from './config.ts';
import { devControlRoutes } from './dev-controls.ts';
import { type Clock, Directory } from './directory.ts';
import { Faults } from './faults.ts';
import { html, sendPage } from './html.ts';
import { routes } from './http.ts';
import { MemoryStorage } from './memory-adapter.ts';
import { createProvider } from './provider.ts';
import { loadSeed } from './seed.ts';
import { ServiceAccounts } from './service-accounts.ts';
import { signInRoutes } from './sign-in-pages.ts';
import { SignInSessions } from './sign-in-sessions.ts';
import { loadOrCreateSigningKey } from './signing-keys.ts';
import { SmsOutbox } from './sms-outbox.ts';
import { tokenEndpoint, tokensTakenBack } from './token-endpoint.ts';
import { zitadelApi } from './zitadel-api.ts';

export interface RunningDevIdp {
  readonly issuer: string;
  readonly port: number;
  close(): Promise<void>;
}

export type Log = (line: string) => void;

/** Binds the port first (0 picks one), so the issuer can name the port actually bound, then builds everything. */
export async function startDevIdp(config: DevIdpConfig, log: Log, clock: Clock = Date.now): Promise<RunningDevIdp> {
  const seed = loadSeed(config.seedFile);
  const instanceOrganization = (seed.tenants.find((tenant) => tenant.kind === 'internal') ?? seed.tenants[0])
    .idpOrganization.id;
  const serviceAccounts = new ServiceAccounts(
    config,
    instanceOrganization,
    new Set(seed.tenants.map((tenant) => tenant.idpOrganization.id)),
  );
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const issuer = config.issuer ?? `http://${urlHost(config.host)}:${port}`;

  const directory = new Directory(seed, { lockout: config.lockout }, clock);
  const sessions = new SignInSessions(clock);
  const outbox = new SmsOutbox(clock);
  const faults = new Faults(config.smsProvider, config.smsFactorFault);
  const signingKey = loadOrCreateSigningKey(config.keysFile);
  const cookieKeys = [randomBytes(32).toString('base64url')];
  const storage = new MemoryStorage();
  const provider = createProvider({ config, issuer, directory, signingKey, cookieKeys, storage });

  provider.on('authorization_code.saved', (code: AuthorizationCodeEntity) => {
    if (code.sid && code.authTime !== undefined) sessions.bindSid(code.sid, code.accountId, code.authTime);
  });
  provider.on('server_error', (_ctx: KoaContext, error: Error) => log(`server error: ${error.stack ?? error.message}`));
  provider.on('backchannel.error', (_ctx: KoaContext, error: Error) =>
    log(`back-channel logout failed: ${error.message}`),
  );
  provider.on('backchannel.success', (_ctx: KoaContext, client: { clientId: string }) =>
    log(`back-channel logout sent to ${client.clientId}`),
  );

  const smsCodeTtlSeconds = config.smsCodeTtlSeconds;
  provider.use(errorPage(log));
  provider.use(tokensTakenBack(storage));
  provider.use(tokenEndpoint({ config, issuer, signingKey, faults, storage, serviceAccounts, clock }));
  provider.use(zitadelApi({ directory, sessions, outbox, faults, serviceAccounts, smsCodeTtlSeconds, clock }));
  provider.use(
    routes([
      ...devControlRoutes({ directory, sessions, outbox, faults, storage, issuer }),
      ...signInRoutes({
        provider,
        directory,
        sessions,
        outbox,
        faults,
        smsCodeTtlSeconds,
        loginUi: config.loginUi,
        clock,
      }),
      ...accountRoutes({
        provider,
        directory,
        outbox,
        faults,
        issuer,
        smsCodeTtlSeconds,
        csrfKey: cookieKeys[0],
        portalClientId: config.portalClient.id,
        loginUi: config.loginUi,
        clock,
      }),
    ]),
  );
  server.on('request', provider.callback());

  return { issuer, port, close: () => close(server) };
}

/** Errors from the dev-idp's own pages become a plain page and a log line; oidc-provider handles its own routes. */
function errorPage(log: Log): Middleware {
  return async (ctx, next) => {
    try {
      await next();
    } catch (error) {
      log(
        `error on ${ctx.method} ${ctx.path}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      sendPage(ctx, {
        title: 'Something went wrong',
        status: 500,
        body: html`<p class="alert" role="alert">The request failed. See the dev-idp log.</p>`,
      });
    }
  };
}

function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::' || host === '') return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
