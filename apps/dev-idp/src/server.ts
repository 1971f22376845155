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
import { withFault } from './id-token-faults.ts';
import { MemoryStorage } from './memory-adapter.ts';
import { ROUTES, createProvider } from './provider.ts';
import { loadSeed } from './seed.ts';
import { signInRoutes } from './sign-in-pages.ts';
import { SignInSessions } from './sign-in-sessions.ts';
import { type SigningKey, loadOrCreateSigningKey } from './signing-keys.ts';
import { SmsOutbox } from './sms-outbox.ts';
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
  const faults = new Faults(config.smsFactorFault);
  const signingKey = loadOrCreateSigningKey(config.keysFile);
  const cookieKeys = [randomBytes(32).toString('base64url')];
  const storage = new MemoryStorage();
  const provider = createProvider({ config, issuer, directory, signingKey, cookieKeys, storage });

  provider.on('authorization_code.saved', (code: AuthorizationCodeEntity) => {
    if (code.sid && code.authTime !== undefined) sessions.bindSid(code.sid, code.accountId, code.authTime);
  });
  provider.on('server_error', (_ctx: KoaContext, error: Error) => log(`server error: ${error.stack ?? error.message}`));

  const smsCodeTtlSeconds = config.smsCodeTtlSeconds;
  provider.use(errorPage(log));
  provider.use(idTokenFaults(faults, signingKey, config.portalClient.secret, clock));
  provider.use(
    zitadelApi({ directory, sessions, outbox, faults, serviceToken: config.serviceToken, smsCodeTtlSeconds, clock }),
  );
  provider.use(
    routes([
      ...devControlRoutes({ directory, sessions, outbox, faults, storage, issuer }),
      ...signInRoutes({ provider, directory, sessions, outbox, faults, smsCodeTtlSeconds, clock }),
      ...accountRoutes({
        provider,
        directory,
        outbox,
        faults,
        issuer,
        smsCodeTtlSeconds,
        csrfKey: cookieKeys[0],
        clock,
      }),
    ]),
  );
  server.on('request', provider.callback());

  return { issuer, port, close: () => close(server) };
}

/** Applies an armed fault (POST /dev/next-id-token-fault) to the next token response that carries an ID token. */
function idTokenFaults(faults: Faults, signingKey: SigningKey, clientSecret: string, clock: Clock): Middleware {
  return async (ctx, next) => {
    await next();
    if (ctx.path !== ROUTES.token || ctx.method !== 'POST' || ctx.status !== 200) return;
    const body = ctx.body as { id_token?: unknown } | undefined;
    if (typeof body?.id_token !== 'string') return;
    const fault = faults.takeIdTokenFault();
    if (fault) ctx.body = { ...body, id_token: withFault(body.id_token, fault, { signingKey, clientSecret, clock }) };
  };
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
