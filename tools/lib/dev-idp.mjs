// The local identity provider (apps/dev-idp) for the scripts under tools/ and the browser tests: started as its own
// Node 24 process with the portal registered as its client. Development, demos and tests only.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { startStandIn } from './stand-in-process.mjs';

// Callers run from the repository root (npm scripts, Nx targets). No import.meta here: Playwright loads this file
// through its own CommonJS transform when the browser tests' global setup imports it.
const ROOT = resolve(process.cwd());
const READY = /\[dev-idp\] ready: issuer=(\S+)/;

function ignore() {
  // Output is dropped unless the caller asks for it.
}

/**
 * The portal at the local identity provider, as an operator sets it up in ZITADEL: the web application (client id and
 * secret) in its project, and the service account (a machine user with instance-wide rights: a personal access token
 * for the user and session APIs, a client secret for the platform token). The API gets the same values through its
 * environment.
 */
export const LOCAL_CLIENT = {
  clientId: 'aidial-portal',
  clientSecret: 'local-portal-client-secret-demo-only',
  projectId: '280000000000000001',
  serviceToken: 'local-service-token',
  serviceClientId: 'aidial-service-account',
  serviceClientSecret: 'local-service-account-secret-demo-only',
};

/**
 * Starts dev-idp on `port` for an application at `appUrl` and resolves once it is ready:
 * `{ issuer, stop() }`. Its output goes to `log` (a function taking each chunk), or is dropped.
 */
export async function startDevIdp({ port, appUrl, log = ignore, backchannelLogout = false }) {
  const {
    match,
    stop,
    process: child,
  } = await startStandIn({
    name: 'dev-idp',
    cwd: ROOT,
    args: ['apps/dev-idp/src/main.ts', '--host', '127.0.0.1', '--port', String(port)],
    env: {
      DEV_IDP_CLIENT_ID: LOCAL_CLIENT.clientId,
      DEV_IDP_CLIENT_SECRET: LOCAL_CLIENT.clientSecret,
      DEV_IDP_PROJECT_ID: LOCAL_CLIENT.projectId,
      DEV_IDP_SERVICE_TOKEN: LOCAL_CLIENT.serviceToken,
      DEV_IDP_MACHINE_CLIENT_ID: LOCAL_CLIENT.serviceClientId,
      DEV_IDP_MACHINE_CLIENT_SECRET: LOCAL_CLIENT.serviceClientSecret,
      // As docs/operators.md asks: the platform verifies JWTs, and ZITADEL's default access token type is opaque.
      DEV_IDP_MACHINE_ACCESS_TOKEN_TYPE: 'jwt',
      DEV_IDP_REDIRECT_URIS: `${appUrl}/api/auth/callback`,
      DEV_IDP_POST_LOGOUT_REDIRECT_URIS: `${appUrl}/sign-in?signed_out=1`,
      // As ZITADEL with its back-channel logout feature on and the app's URI set (docs/operators.md).
      ...(backchannelLogout ? { DEV_IDP_BACKCHANNEL_LOGOUT_URI: `${appUrl}/api/auth/backchannel-logout` } : {}),
    },
    ready: READY,
    log,
  });
  return { issuer: match, stop, process: child };
}

/** Writes the demo tenants, projects, users and memberships (tools/demo/seed.json) with the built seed command. */
export function seedDemoData(databaseUrl) {
  execFileSync(process.execPath, ['dist/apps/api/demo-seed.js', 'tools/demo/seed.json'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: 'pipe',
  });
}
