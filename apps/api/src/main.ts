import type { INestApplication } from '@nestjs/common';
import { AppLogger, flushLog, loadAppConfig } from '@aidial/api/core';
import { createApp } from './app/create-app';

/** How long in-flight requests get to finish after SIGTERM/SIGINT before the process gives up on them. */
const SHUTDOWN_GRACE_MS = 10_000;

/**
 * Stops accepting connections, lets in-flight requests finish, closes the database pool, then lets the process end on
 * its own so buffered log lines reach a piped stdout (re-raising the signal, as Nest's shutdown hooks do, can lose them).
 */
function closeOnSignals(app: INestApplication): void {
  const logger = app.get(AppLogger);
  const shutdown = (signal: NodeJS.Signals) => {
    logger.log(`${signal} received: shutting down`, 'Shutdown');
    setTimeout(() => {
      logger.error('in-flight requests did not finish in time; exiting', 'Shutdown');
      process.exit(1);
    }, SHUTDOWN_GRACE_MS).unref();
    app.close().catch((error: unknown) => {
      logger.error({ err: error }, 'shutdown failed', 'Shutdown');
      process.exitCode = 1;
    });
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

async function main(): Promise<void> {
  const loaded = loadAppConfig(process.env);
  if (!loaded.ok) {
    process.stderr.write(
      `AiDial Access API cannot start; fix its configuration:\n${loaded.problems.map((p) => `- ${p}\n`).join('')}`,
    );
    process.exit(1);
  }
  const app = await createApp(loaded.config);
  closeOnSignals(app);
  await app.listen(loaded.config.port);
  // Log lines leave in batches (logger-options.ts): the start-up lines, "successfully started" last, go out now.
  flushLog();
}

main().catch((error: unknown) => {
  process.stderr.write(
    `AiDial Access API failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
