import type { ChildProcess } from 'node:child_process';
import { DataSource } from 'typeorm';
import { cloneTestDatabase, freePort, testApiEnv } from '@aidial/api/testing';
import { type DevIdp, startDevIdp } from '@aidial/stand-ins/testing';
import { seedDemoData } from '../../src/database/demo-seed';
import { type RunResult, spawnBuiltApi } from './built-api';
import { DEMO_SEED, type SignInStack, identityProviderEnv } from './sign-in-flow';

/** Two built API processes on one database (as behind a load balancer), with a dev-idp that signs people in through A. */
export interface ApiPair {
  readonly urls: readonly [string, string];
  readonly db: DataSource;
  /** Enough of a sign-in stack for the sign-in helpers: instance A's address and the provider. */
  readonly signInVia: SignInStack;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

async function untilLive(url: string, child: ChildProcess, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the API at ${url} exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/health/live`)).status === 200) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error(`the API at ${url} did not start in time`);
}

export async function startApiPair(
  env: Record<string, string> = {},
  options: { readonly idpEnv?: (urls: readonly [string, string]) => Record<string, string> } = {},
): Promise<ApiPair> {
  const database = await cloneTestDatabase();
  const ports = [await freePort(), await freePort()] as const;
  const urls = [`http://127.0.0.1:${ports[0]}`, `http://127.0.0.1:${ports[1]}`] as const;
  let idp: DevIdp | undefined;
  let db: DataSource | undefined;
  const instances: Array<{ child: ChildProcess; result: Promise<RunResult> }> = [];
  const close = async () => {
    for (const instance of instances) instance.child.kill('SIGTERM');
    await Promise.all(instances.map((instance) => instance.result));
    await db?.destroy();
    await idp?.stop();
    await database.drop();
  };
  try {
    idp = await startDevIdp({ DEV_IDP_REDIRECT_URIS: `${urls[0]}/api/auth/callback`, ...options.idpEnv?.(urls) });
    db = await new DataSource({ type: 'postgres', url: database.url }).initialize();
    await seedDemoData(db, DEMO_SEED as never);
    for (const [index, url] of urls.entries()) {
      const started = spawnBuiltApi(
        testApiEnv(database.url, {
          PORT: String(ports[index]),
          PUBLIC_URL: url,
          ...identityProviderEnv(idp),
          LOG_LEVEL: 'warn',
          ...env,
        }),
      );
      instances.push(started);
      await untilLive(url, started.child);
    }
  } catch (error) {
    await close();
    throw error;
  }
  return { urls, db, signInVia: { api: { baseUrl: urls[0] }, idp } as unknown as SignInStack, close };
}
