import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';

const MAIN = resolve(__dirname, '../../../../../apps/dev-platform/src/main.ts');
const READY = /\[dev-platform\] ready: url=(\S+)/;

/** The Zitadel project id the platform requires in `aud` (dev-idp's DEV_IDP_PROJECT_ID in its tests). */
export const PROJECT_ID = '280000000000000001';

/** A dev-platform process of the test's own, on a free loopback port, with its test controls. */
export interface DevPlatform {
  readonly url: string;
  /** What the last platform request carried (method, path, query, headers). */
  lastRequest(): Promise<{
    method: string;
    path: string;
    query: Record<string, string>;
    headers: Record<string, string | undefined>;
  } | null>;
  fault(fault: {
    kind: 'none' | 'delay' | 'status' | 'oversized' | 'set_cookie';
    ms?: number;
    status?: number;
    bytes?: number;
  }): Promise<void>;
  reset(): Promise<void>;
  output(): string;
  stop(): Promise<void>;
}

/** Starts `node apps/dev-platform/src/main.ts` (Node 24, the Node running Jest) trusting `issuer`'s tokens. */
export async function startDevPlatform(issuer: string, env: Record<string, string> = {}): Promise<DevPlatform> {
  const child = spawn(process.execPath, [MAIN, '--host', '127.0.0.1', '--port', '0', '--issuer', issuer], {
    env: { ...process.env, DEV_PLATFORM_PROJECT_ID: PROJECT_ID, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`dev-platform did not start within 20 s:\n${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const ready = READY.exec(output);
      if (ready) {
        clearTimeout(timer);
        resolveUrl(ready[1] ?? '');
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`dev-platform exited with ${code} before it was ready:\n${output}`));
    });
  });
  const control = async (path: string, init?: RequestInit) => {
    const response = await fetch(`${url}${path}`, init);
    if (!response.ok) throw new Error(`dev-platform ${path} answered ${response.status}`);
    return response.json() as Promise<Record<string, unknown>>;
  };
  return {
    url,
    lastRequest: async () => (await control('/dev/last-request'))['request'] as never,
    fault: async (fault) => {
      await control('/dev/faults', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(fault),
      });
    },
    reset: async () => {
      await control('/dev/reset', { method: 'POST' });
    },
    output: () => output,
    stop: () => stop(child),
  };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}
