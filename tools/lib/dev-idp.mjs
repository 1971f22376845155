// The local identity provider (apps/dev-idp) for the scripts under tools/ and the browser tests: started as its own
// Node 24 process with the portal registered as its client. Development, demos and tests only.
import { execFileSync, spawn } from 'node:child_process';
import { resolve } from 'node:path';

// Callers run from the repository root (npm scripts, Nx targets). No import.meta here: Playwright loads this file
// through its own CommonJS transform when the browser tests' global setup imports it.
const ROOT = resolve(process.cwd());
const READY = /\[dev-idp\] ready: issuer=(\S+)/;

function ignore() {
  // Output is dropped unless the caller asks for it.
}

/** The portal's client at the local identity provider; the API gets the same values through its environment. */
export const LOCAL_CLIENT = {
  clientId: 'aidial-portal',
  clientSecret: 'local-client-secret',
  serviceToken: 'local-service-token',
};

/**
 * Starts dev-idp on `port` for an application at `appUrl` and resolves once it is ready:
 * `{ issuer, stop() }`. Its output goes to `log` (a function taking each chunk), or is dropped.
 */
export async function startDevIdp({ port, appUrl, log = ignore }) {
  const child = spawn(process.execPath, ['apps/dev-idp/src/main.ts', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      DEV_IDP_CLIENT_ID: LOCAL_CLIENT.clientId,
      DEV_IDP_CLIENT_SECRET: LOCAL_CLIENT.clientSecret,
      DEV_IDP_SERVICE_TOKEN: LOCAL_CLIENT.serviceToken,
      DEV_IDP_REDIRECT_URIS: `${appUrl}/api/auth/callback`,
      DEV_IDP_POST_LOGOUT_REDIRECT_URIS: `${appUrl}/sign-in?signed_out=1`,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const issuer = await new Promise((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`dev-idp did not start within 20 s:\n${output}`)), 20_000);
    const onData = (chunk) => {
      output += chunk;
      log(String(chunk));
      const ready = READY.exec(output);
      if (ready) {
        clearTimeout(timer);
        done(ready[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`dev-idp exited (${code}) before it was ready:\n${output}`));
    });
  });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((done) => child.once('exit', done));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  };
  return { issuer, stop, process: child };
}

/** Writes the demo tenants, projects, users and memberships (tools/demo/seed.json) with the built seed command. */
export function seedDemoData(databaseUrl) {
  execFileSync(process.execPath, ['dist/apps/api/demo-seed.js', 'tools/demo/seed.json'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: 'pipe',
  });
}
