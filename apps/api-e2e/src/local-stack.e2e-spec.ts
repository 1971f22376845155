import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from '@aidial/api/testing';

const ROOT = resolve(__dirname, '../../..');

/** Processes whose command line mentions `needle` (the stack's own folder), read from /proc. */
function processesMentioning(needle: string): string[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .flatMap((pid) => {
      try {
        const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
        return command.includes(needle) ? [`${pid}: ${command}`] : [];
      } catch {
        return [];
      }
    });
}

async function waitForOutput(
  child: ChildProcess,
  text: string,
  output: () => string,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!output().includes(text)) {
    if (child.exitCode !== null) throw new Error(`npm start exited early:\n${output()}`);
    if (Date.now() > deadline) throw new Error(`timed out waiting for "${text}":\n${output()}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

describe('npm start (the local stack)', () => {
  let localDir: string;
  let stack: ChildProcess;
  let output = '';
  let port: number;
  let idpPort: number;

  beforeAll(async () => {
    localDir = mkdtempSync(join(tmpdir(), 'aidial-local-'));
    // As root, PostgreSQL runs as the `postgres` user, which must be able to enter the folder (as it can `.local`).
    chmodSync(localDir, 0o755);
    port = await freePort();
    idpPort = await freePort();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: String(port),
      EMBEDDED_PG_PORT: String(await freePort()),
      AIDIAL_LOCAL_DIR: localDir,
      DEV_IDP_PORT: String(idpPort),
    };
    // The embedded default: no database configured.
    delete env['DATABASE_URL'];
    stackEnv = env;
    stack = startStack();
    await waitForOutput(stack, 'AiDial Access is running at', () => output, 90_000);
  });

  let stackEnv: NodeJS.ProcessEnv;
  function startStack(): ChildProcess {
    output = '';
    const child = spawn(process.execPath, ['tools/local-stack/start.mjs', '--no-build'], {
      cwd: ROOT,
      env: stackEnv,
      stdio: 'pipe',
    });
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    return child;
  }

  afterAll(() => {
    if (stack.exitCode === null) stack.kill('SIGKILL');
    rmSync(localDir, { recursive: true, force: true });
  });

  it('prints the URL and serves the portal, its health and the API description there', async () => {
    expect(output).toContain(`AiDial Access is running at http://localhost:${port}`);
    const portal = await fetch(`http://localhost:${port}/status`);
    expect(portal.status).toBe(200);
    expect(await portal.text()).toContain('<aidial-portal');
    const ready = await fetch(`http://localhost:${port}/health/ready`);
    expect(await ready.json()).toMatchObject({ status: 'ok', checks: { database: { status: 'up' } } });
    expect((await fetch(`http://localhost:${port}/docs`)).status).toBe(200);
  });

  it('starts the local identity provider, loads the demo data and prints the demo accounts', async () => {
    expect(output).toContain(`identity provider:  http://127.0.0.1:${idpPort}`);
    expect(output).toContain('amelia.hart@acme-health.example');
    const login = await fetch(`http://localhost:${port}/api/auth/login?email=amelia.hart%40acme-health.example`, {
      redirect: 'manual',
    });
    expect(login.status).toBe(302);
    expect(login.headers.get('location')).toMatch(
      new RegExp(`^http://127\\.0\\.0\\.1:${idpPort}/oauth/v2/authorize\\?`),
    );
  });

  it('writes the API configuration explicitly, with every required variable', () => {
    const envFile = readFileSync(join(localDir, 'api.env'), 'utf8');
    for (const name of [
      'SESSION_SECRET',
      'PUBLIC_URL',
      'AIDIAL_API_BASE_URL',
      'AIDIAL_API_TIMEOUT_MS',
      'ZITADEL_ISSUER',
      'ZITADEL_CLIENT_ID',
      'ZITADEL_CLIENT_SECRET',
      'ZITADEL_PROJECT_ID',
      'ZITADEL_SERVICE_TOKEN',
      'ZITADEL_SERVICE_CLIENT_ID',
      'ZITADEL_SERVICE_CLIENT_SECRET',
      'DATABASE_URL',
      'API_KEY_PEPPER',
    ]) {
      expect(envFile).toMatch(new RegExp(`^${name}=.+$`, 'm'));
    }
  });

  it('stops the API and PostgreSQL on Ctrl-C and leaves no process behind', async () => {
    expect(processesMentioning(localDir).length).toBeGreaterThanOrEqual(2);
    const exited = new Promise<number | null>((done) => stack.once('exit', (code) => done(code)));
    stack.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(output).toContain('stopped.');
    expect(processesMentioning(localDir)).toEqual([]);
    await expect(fetch(`http://localhost:${port}/health/live`)).rejects.toThrow();
    await expect(fetch(`http://127.0.0.1:${idpPort}/.well-known/openid-configuration`)).rejects.toThrow();
  });

  // The usual case on a developer's machine: the second `npm start` finds the PostgreSQL folder of the first.
  it('starts again on the data of the first run, and stops again', async () => {
    stack = startStack();
    await waitForOutput(stack, 'AiDial Access is running at', () => output, 90_000);
    const ready = await fetch(`http://localhost:${port}/health/ready`);
    expect(await ready.json()).toMatchObject({ status: 'ok', checks: { database: { status: 'up' } } });
    const exited = new Promise<number | null>((done) => stack.once('exit', (code) => done(code)));
    stack.kill('SIGINT');
    expect({ code: await exited, output }).toEqual({ code: 0, output: expect.stringContaining('stopped.') });
    // Every process went with it: the next start finds its ports free.
    expect(processesMentioning(localDir)).toEqual([]);
    await expect(fetch(`http://127.0.0.1:${idpPort}/.well-known/openid-configuration`)).rejects.toThrow();
  });
});
