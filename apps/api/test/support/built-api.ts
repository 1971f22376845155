import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';

/** The bundled API (`nx run api:build`), started as its own process the way `npm start` and the image run it. */
export const BUILT_MAIN = resolve(__dirname, '../../../../dist/apps/api/main.js');
export const BUILT_MIGRATE = resolve(__dirname, '../../../../dist/apps/api/migrate.js');

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export function spawnBuiltApi(env: Record<string, string>): { child: ChildProcess; result: Promise<RunResult> } {
  const child = spawn(process.execPath, [BUILT_MAIN], {
    env: { PATH: process.env['PATH'] ?? '', ...env },
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
