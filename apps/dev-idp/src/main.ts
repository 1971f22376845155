// The dev-idp process: `node apps/dev-idp/src/main.ts [--flag value ...]` on Node 24 (type stripping, no build step).
// Configuration: DEV_IDP_* variables or flags, README.md lists them. Stops cleanly on SIGINT/SIGTERM.
import { loadConfig } from './config.ts';
import { startDevIdp } from './server.ts';

const log = (line: string) => process.stdout.write(`[dev-idp] ${line}\n`);

try {
  const config = loadConfig(process.argv.slice(2), process.env);
  const idp = await startDevIdp(config, log);
  log(`portal client ${config.portalClient.id}, redirect URIs ${config.portalClient.redirectUris.join(', ')}`);
  log(`demo accounts: ${idp.issuer}/ (from ${config.seedFile}); SMS outbox: ${idp.issuer}/dev/outbox`);
  // Test harnesses wait for this exact line and read the issuer from it.
  log(`ready: issuer=${idp.issuer}`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping`);
    void idp.close().then(() => process.exit(0));
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
} catch (error) {
  process.stderr.write(`[dev-idp] ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
