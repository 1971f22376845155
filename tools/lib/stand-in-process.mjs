// Starting and stopping a local stand-in (apps/dev-idp, apps/dev-platform) as its own Node 24 process.
import { spawn } from 'node:child_process';

/**
 * Runs `node <args>` from `cwd` with only `env` (plus PATH), and resolves once a line of its output matches `ready`:
 * `{ match, stop(), process }`, where `match` is the pattern's first group (the URL it announced). Fails with the
 * output so far when the process exits first or 20 s pass. `log` receives each chunk of output.
 */
export async function startStandIn({ name, cwd, args, env, ready, log }) {
  const child = spawn(process.execPath, args, {
    cwd,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const match = await new Promise((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`${name} did not start within 20 s:\n${output}`)), 20_000);
    const onData = (chunk) => {
      output += chunk;
      log(String(chunk));
      const found = ready.exec(output);
      if (found) {
        clearTimeout(timer);
        done(found[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`${name} exited (${code}) before it was ready:\n${output}`));
    });
  });
  /** SIGTERM, then SIGKILL after 5 s; resolves once the process is gone. */
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((done) => child.once('exit', done));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  };
  return { match, stop, process: child };
}
