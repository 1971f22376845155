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

/** Every process below `pid` (children, their children, …), from /proc: its PostgreSQL, stand-ins and API. */
function descendantsOf(pid: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      // `pid (comm) state ppid …`; comm may hold spaces, so read after its closing parenthesis.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // gone meanwhile
    }
  }
  const found: number[] = [];
  for (let queue = [pid]; queue.length > 0;) {
    const parent = queue.shift();
    const children = [...parents].filter(([, ppid]) => ppid === parent).map(([child]) => child);
    found.push(...children);
    queue = [...queue, ...children];
  }
  return found;
}

/** Those of `pids` still running (a zombie has stopped). */
function running(pids: number[]): number[] {
  return pids.filter((pid) => {
    try {
      return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
    } catch {
      return false;
    }
  });
}

async function portIsOpen(port: number): Promise<boolean> {
  return fetch(`http://127.0.0.1:${port}/`).then(
    () => true,
    () => false,
  );
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
  let platformPort: number;
  let postgresPort: number;
  let mailPort: number;

  beforeAll(async () => {
    localDir = mkdtempSync(join(tmpdir(), 'aidial-local-'));
    // As root, PostgreSQL runs as the `postgres` user, which must be able to enter the folder (as it can `.local`).
    chmodSync(localDir, 0o755);
    port = await freePort();
    idpPort = await freePort();
    platformPort = await freePort();
    postgresPort = await freePort();
    mailPort = await freePort();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: String(port),
      EMBEDDED_PG_PORT: String(postgresPort),
      AIDIAL_LOCAL_DIR: localDir,
      DEV_IDP_PORT: String(idpPort),
      DEV_PLATFORM_PORT: String(platformPort),
      DEV_MAIL_PORT: String(mailPort),
      DEV_SMTP_PORT: String(await freePort()),
    };
    // The embedded default: no database configured.
    delete env['DATABASE_URL'];
    delete env['DATABASE_MIGRATION_URL'];
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
    // The local mail sink for security notices, which the API is configured to send to.
    expect(output).toContain(`security notices (e-mail): http://localhost:${mailPort}`);
    expect(await (await fetch(`http://localhost:${mailPort}/`)).text()).toContain(
      'Security notices sent by the local API',
    );
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
    // The API runs as its own role, never as the owner or the superuser (docs/operators.md, "Database roles").
    expect(envFile).toMatch(/^DATABASE_URL=postgres:\/\/aidial_app:/m);
  });

  /**
   * A process manager signals the process it started, and only that one: unlike Ctrl-C in a terminal, no child hears
   * it. The stack must still stop its PostgreSQL, identity provider, platform stand-in and API.
   */
  async function stopsEverythingOn(signal: NodeJS.Signals): Promise<void> {
    const children = descendantsOf(stack.pid ?? -1);
    expect(children.length).toBeGreaterThanOrEqual(4);
    for (const open of [port, idpPort, platformPort]) expect(await portIsOpen(open)).toBe(true);
    const exited = new Promise<number | null>((done) => stack.once('exit', (code) => done(code)));
    stack.kill(signal);
    expect({ code: await exited, output }).toEqual({ code: 0, output: expect.stringContaining('stopped.') });
    expect(running(children)).toEqual([]);
    expect(processesMentioning(localDir)).toEqual([]);
    for (const closed of [port, idpPort, platformPort, postgresPort]) expect(await portIsOpen(closed)).toBe(false);
  }

  it('stops PostgreSQL, the stand-ins and the API on a SIGTERM to its own process alone', async () => {
    await stopsEverythingOn('SIGTERM');
  });

  // The usual case on a developer's machine: the second `npm start` finds the PostgreSQL folder of the first.
  it('starts again on the data of the first run, and stops everything on a SIGINT to its own process alone', async () => {
    stack = startStack();
    await waitForOutput(stack, 'AiDial Access is running at', () => output, 90_000);
    const ready = await fetch(`http://localhost:${port}/health/ready`);
    expect(await ready.json()).toMatchObject({ status: 'ok', checks: { database: { status: 'up' } } });
    await stopsEverythingOn('SIGINT');
  });

  it('stops everything when a signal sent to `npm start` alone ends npm without reaching the stack', async () => {
    stack = spawn('npm', ['start', '--', '--no-build'], { cwd: ROOT, env: stackEnv, stdio: 'pipe' });
    output = '';
    stack.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    stack.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await waitForOutput(stack, 'AiDial Access is running at', () => output, 90_000);
    const children = descendantsOf(stack.pid ?? -1);
    stack.kill('SIGTERM');
    const deadline = Date.now() + 30_000;
    while (running(children).length > 0 && Date.now() < deadline) await new Promise((done) => setTimeout(done, 200));
    expect(running(children)).toEqual([]);
    for (const closed of [port, idpPort, platformPort, postgresPort]) expect(await portIsOpen(closed)).toBe(false);
  });
});
