// The dev-platform process: `node apps/dev-platform/src/main.ts --issuer <dev-idp issuer> [--port 4012]` on Node 24
// (type stripping, no build step). A stand-in for the AiDial platform API: development, demos and tests only.
import { loadConfig } from './config.ts';
import { startDevPlatform } from './server.ts';

const log = (line: string) => process.stdout.write(`[dev-platform] ${line}\n`);

try {
  const config = loadConfig(process.argv.slice(2), process.env);
  const platform = await startDevPlatform(config, log);
  log(`tokens from ${config.issuer} (project ${config.projectId} in aud); sample data from ${config.seedFile}`);
  // Test harnesses wait for this exact line and read the URL from it.
  log(`ready: url=${platform.url}`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping`);
    void platform.close().then(() => process.exit(0));
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
} catch (error) {
  process.stderr.write(`[dev-platform] ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
