import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';

const MAIN = resolve(__dirname, '../../../../../apps/dev-idp/src/main.ts');
const READY = /\[dev-idp\] ready: issuer=(\S+)/;

/** A dev-idp process of the test's own, on a free loopback port, with a portal client the tests play. */
export interface DevIdp {
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly redirectUri: string;
  readonly postLogoutRedirectUri: string;
  readonly serviceToken: string;
  readonly projectId: string;
  readonly machineClientId: string;
  readonly machineClientSecret: string;
  readonly orgServiceToken: string;
  readonly orgServiceTokenOrg: string;
  /** Everything the process printed, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

export const TEST_CLIENT = {
  clientId: 'portal-under-test',
  clientSecret: 'portal-under-test-client-secret-0123456789',
  // Never contacted: the test browser stops where the provider sends it back to the application.
  redirectUri: 'http://127.0.0.1:9/api/auth/callback',
  postLogoutRedirectUri: 'http://127.0.0.1:9/sign-in',
  serviceToken: 'service-token-under-test',
  projectId: '280000000000000001',
  machineClientId: 'service-account-under-test',
  machineClientSecret: 'service-account-under-test-client-secret-0123',
  /** A service account whose only membership is ORG_OWNER of Acme Health (tools/demo/seed.json). */
  orgServiceToken: 'org-service-token-under-test',
  orgServiceTokenOrg: '290000000000000101',
} as const;

/** Starts `node apps/dev-idp/src/main.ts` (Node 24, the Node running Jest) and resolves once it says it is ready. */
export async function startDevIdp(env: Record<string, string> = {}): Promise<DevIdp> {
  const child = spawn(process.execPath, [MAIN, '--host', '127.0.0.1', '--port', '0'], {
    env: {
      ...process.env,
      DEV_IDP_CLIENT_ID: TEST_CLIENT.clientId,
      DEV_IDP_CLIENT_SECRET: TEST_CLIENT.clientSecret,
      DEV_IDP_REDIRECT_URIS: TEST_CLIENT.redirectUri,
      DEV_IDP_POST_LOGOUT_REDIRECT_URIS: TEST_CLIENT.postLogoutRedirectUri,
      DEV_IDP_SERVICE_TOKEN: TEST_CLIENT.serviceToken,
      // The service account's access token type set to JWT, as docs/operators.md asks (ZITADEL's default is opaque).
      DEV_IDP_MACHINE_ACCESS_TOKEN_TYPE: 'jwt',
      DEV_IDP_PROJECT_ID: TEST_CLIENT.projectId,
      DEV_IDP_MACHINE_CLIENT_ID: TEST_CLIENT.machineClientId,
      DEV_IDP_MACHINE_CLIENT_SECRET: TEST_CLIENT.machineClientSecret,
      DEV_IDP_ORG_SERVICE_TOKENS: `${TEST_CLIENT.orgServiceToken}@${TEST_CLIENT.orgServiceTokenOrg}`,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const issuer = await new Promise<string>((resolveIssuer, reject) => {
    const timer = setTimeout(() => reject(new Error(`dev-idp did not start within 20 s:\n${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const ready = READY.exec(output);
      if (ready) {
        clearTimeout(timer);
        resolveIssuer(ready[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`dev-idp exited with ${code} before it was ready:\n${output}`));
    });
  });
  return { ...TEST_CLIENT, issuer, output: () => output, stop: () => stop(child) };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}
