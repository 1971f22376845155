import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { holdTestsToCommittedDocument, watchExchangeLog } from './openapi-contract';

holdTestsToCommittedDocument();

/** The bundled API (`nx run api:build`), started as its own process the way `npm start` and the image run it. */
export const BUILT_MAIN = resolve(__dirname, '../../../../dist/apps/api/main.js');
export const BUILT_MIGRATE = resolve(__dirname, '../../../../dist/apps/api/migrate.js');

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Loaded into the built API with `--require`: it logs every answer for the contract check (openapi-contract.ts). */
const EXCHANGE_RECORDER = resolve(__dirname, 'openapi-exchange-recorder.ts');

/**
 * The built API as its own process. Every answer it gives is held to the committed OpenAPI document, as the in-process
 * app's are (test-app.ts).
 */
export function spawnBuiltApi(env: Record<string, string>): { child: ChildProcess; result: Promise<RunResult> } {
  const exchangeLog = join(mkdtempSync(join(tmpdir(), 'aidial-exchanges-')), 'exchanges.jsonl');
  watchExchangeLog(exchangeLog);
  const child = spawn(process.execPath, ['--require', EXCHANGE_RECORDER, BUILT_MAIN], {
    env: { PATH: process.env['PATH'] ?? '', ...env, OPENAPI_EXCHANGE_LOG: exchangeLog },
    stdio: 'pipe',
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const result = new Promise<RunResult>((done) =>
    child.on('exit', (code, signal) => setImmediate(() => done({ code, signal, stdout, stderr }))),
  );
  return { child, result };
}

/** Resolves once the process logs that it listens (the API logs JSON lines to stdout). */
export async function waitForListening(child: ChildProcess, timeoutMs = 15_000): Promise<void> {
  await new Promise<void>((done, fail) => {
    const timer = setTimeout(() => fail(new Error('the API did not start in time')), timeoutMs);
    const onData = (chunk: Buffer) => {
      if (chunk.toString().includes('Nest application successfully started')) {
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        done();
      }
    };
    child.stdout?.on('data', onData);
    child.once('exit', () => fail(new Error('the API exited before it listened')));
  });
}
