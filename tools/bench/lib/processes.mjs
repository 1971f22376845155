// Child processes of the bench: pinned to a core, spoken to over IPC, always stopped (SIGTERM, then SIGKILL).
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';

/** Every child still running, so the harness can stop them all on any way out (error, Ctrl-C, SIGTERM). */
const running = new Set();

/**
 * Starts `process.execPath` (the pinned Node.js the harness runs on) with `args` under `taskset -c core`. taskset execs
 * Node.js, so the child's pid is the server's and the IPC channel reaches it. stdout/stderr go to `output` (a file
 * descriptor, 'ignore' or 'inherit'), never to a pipe the harness would have to drain. The environment is only what
 * the caller passes (PATH by default): NODE_OPTIONS from the shell (an IDE's debugger auto-attach, --inspect, a
 * --require) never reaches a measured process.
 */
export function spawnPinned({ name, core, args, env = { PATH: process.env['PATH'] }, output = 'ignore', cwd }) {
  const child = spawn('taskset', ['-c', String(core), process.execPath, ...args], {
    cwd,
    env,
    stdio: ['ignore', output, output, 'ipc'],
  });
  const entry = { name, child, exited: false, exitCode: null, signal: null };
  running.add(entry);
  entry.exit = once(child, 'exit').then(([code, signal]) => {
    entry.exited = true;
    entry.exitCode = code;
    entry.signal = signal;
    running.delete(entry);
  });
  // A spawn failure surfaces as the callers' timeouts (run.mjs checks for taskset up front).
  child.on('error', () => undefined);
  return entry;
}

let nextId = 1;

/** Sends `message` with a fresh id and waits for the reply with the same id (or the child's exit, or `timeoutMs`). */
export async function request(entry, message, replyTypes, timeoutMs) {
  if (entry.exited || !entry.child.connected) throw new Error(`${entry.name} is not running`);
  const id = nextId++;
  const { child } = entry;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => finish(new Error(`${entry.name} did not answer ${message.type} within ${timeoutMs} ms`)),
      timeoutMs,
    );
    const onMessage = (reply) => {
      if (reply && reply.id === id && replyTypes.includes(reply.type)) finish(null, reply);
    };
    const onExit = (code, signal) =>
      finish(new Error(`${entry.name} exited (${signal ?? code}) while handling ${message.type}`));
    function finish(error, reply) {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      if (error) reject(error);
      else resolve(reply);
    }
    child.on('message', onMessage);
    child.once('exit', onExit);
    child.send({ ...message, id });
  });
}

/** Waits for a message of `type` sent without being asked (a worker's `ready`). */
export async function waitForMessage(entry, type, timeoutMs) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => finish(new Error(`${entry.name} sent no ${type} within ${timeoutMs} ms`)),
      timeoutMs,
    );
    const onMessage = (message) => {
      if (message && message.type === type) finish(null, message);
    };
    const onExit = (code, signal) =>
      finish(new Error(`${entry.name} exited (${signal ?? code}) before sending ${type}`));
    function finish(error, message) {
      clearTimeout(timer);
      entry.child.off('message', onMessage);
      entry.child.off('exit', onExit);
      if (error) reject(error);
      else resolve(message);
    }
    entry.child.on('message', onMessage);
    entry.child.once('exit', onExit);
  });
}

/** SIGTERM, then SIGKILL after `graceMs`; resolves once the child is gone. */
export async function stop(entry, graceMs = 3_000) {
  if (entry.exited) return;
  entry.child.kill('SIGTERM');
  const gone = await Promise.race([entry.exit.then(() => true), sleep(graceMs).then(() => false)]);
  if (!gone) {
    entry.child.kill('SIGKILL');
    await Promise.race([entry.exit, sleep(2_000)]);
  }
}

export async function stopAll() {
  await Promise.all([...running].map((entry) => stop(entry)));
}

/** Polls `url` until it answers 2xx, the child exits, or `timeoutMs` passes. */
export async function waitForHttp(entry, url, timeoutMs, headers = {}) {
  const deadline = Date.now() + timeoutMs;
  let lastProblem = 'no answer';
  while (Date.now() < deadline) {
    if (entry.exited)
      throw new Error(`${entry.name} exited (${entry.signal ?? entry.exitCode}) before answering ${url}`);
    try {
      const response = await fetch(url, { headers, signal: AbortSignal.timeout(1_000) });
      await response.arrayBuffer();
      if (response.ok) return;
      lastProblem = `status ${response.status}`;
    } catch (error) {
      lastProblem = error instanceof Error ? error.message : String(error);
    }
    await sleep(100);
  }
  throw new Error(`${entry.name} did not answer ${url} with 2xx within ${timeoutMs} ms (${lastProblem})`);
}
