// The stand-in for the AiDial platform API (apps/dev-platform) for the scripts under tools/ and the browser tests:
// its own Node 24 process, trusting the tokens of the local identity provider. Development, demos and tests only.
import { resolve } from 'node:path';
import { LOCAL_CLIENT } from './dev-idp.mjs';
import { startStandIn } from './stand-in-process.mjs';

// Callers run from the repository root (npm scripts, Nx targets). No import.meta: Playwright may load this file
// through its CommonJS transform.
const ROOT = resolve(process.cwd());
const READY = /\[dev-platform\] ready: url=(\S+)/;

function ignore() {
  // Output is dropped unless the caller asks for it.
}

/**
 * Starts dev-platform on `port` (0: a free one), trusting tokens of `issuer` for the portal's ZITADEL project (its id
 * in `aud`, as ZITADEL puts it there), and resolves once it is ready: `{ url, stop() }`. Point AIDIAL_API_BASE_URL at
 * `url`.
 */
export async function startDevPlatform({ port = 0, issuer, log = ignore }) {
  const {
    match,
    stop,
    process: child,
  } = await startStandIn({
    name: 'dev-platform',
    cwd: ROOT,
    args: ['apps/dev-platform/src/main.ts', '--host', '127.0.0.1', '--port', String(port), '--issuer', issuer],
    env: { DEV_PLATFORM_PROJECT_ID: LOCAL_CLIENT.projectId },
    ready: READY,
    log,
  });
  return { url: match, stop, process: child };
}
