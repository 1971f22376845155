// `npm test`: everything CI checks, in order, with one summary at the end. Exits non-zero if any step failed.
// Steps run even after a failure, so one run shows every problem. Nx's cache is skipped in every step, builds included:
// a test command must run the tests, not recall them, and a build restored from the cache (`.nx/`, git-ignored) was
// made from whatever the tree held when it was cached, which need not be this clone. `npm run check` is the cached loop.
import { spawn } from 'node:child_process';

const STEPS = [
  ['format', ['npx', 'prettier', '--check', '.']],
  // The scripts under tools/ belong to no Nx project, so Nx's lint targets do not reach them.
  ['lint tools/', ['npx', 'eslint', 'tools']],
  [
    'lint, type-check, unit tests, builds',
    ['npx', 'nx', 'run-many', '-t', 'lint', 'typecheck', 'test', 'build', '--outputStyle=static', '--skip-nx-cache'],
  ],
  ['OpenAPI drift', ['node', 'tools/openapi/check-drift.mjs']],
  [
    'integration tests (real PostgreSQL, real HTTP)',
    ['npx', 'nx', 'run', 'api:integration', '--outputStyle=static', '--skip-nx-cache'],
  ],
  [
    'end-to-end: the local stack and the portal in Chromium',
    ['npx', 'nx', 'run-many', '-t', 'e2e', '--outputStyle=static', '--skip-nx-cache'],
  ],
];

/** Lines that name a failure in Jest, Playwright, Nx, ESLint, Prettier or tsc output. */
const FAILURE_LINE =
  /(●|✘|✕|^\s*FAIL\s|^\s+\d+\) |Tests:.*failed|error TS\d+|\d+:\d+\s+error\s|\[warn\]|Failed tasks|^\s+- \S+:\S+$)/;
const KEPT_FAILURE_LINES = 60;

/** Runs one step with its output shown live, and keeps the lines that name a failure for the closing summary. */
function run(command, args) {
  return new Promise((done) => {
    const child = spawn(command, args, {
      stdio: ['inherit', 'pipe', 'pipe'],
      env: { ...process.env, NX_DAEMON: 'false', FORCE_COLOR: '0' },
    });
    const failures = [];
    let partial = '';
    const collect = (chunk) => {
      const lines = (partial + chunk.toString()).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines)
        if (FAILURE_LINE.test(line) && failures.length < KEPT_FAILURE_LINES) failures.push(line);
    };
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      collect(chunk);
    });
    child.stderr.on('data', (chunk) => {
      process.stderr.write(chunk);
      collect(chunk);
    });
    child.on('close', (status) => done({ status, failures }));
  });
}

const results = [];
for (const [name, [command, ...args]] of STEPS) {
  process.stdout.write(`\n=== ${name} ===\n`);
  const started = Date.now();
  const { status, failures } = await run(command, args);
  results.push({ name, ok: status === 0, failures, seconds: Math.round((Date.now() - started) / 1000) });
}

// What failed, again at the very end: a CI log is often read from its tail.
for (const { name, ok, failures } of results) {
  if (ok) continue;
  process.stdout.write(`\n=== what failed in: ${name} ===\n`);
  process.stdout.write(
    failures.length ? `${failures.join('\n')}\n` : '(no failure line recognised; see the step above)\n',
  );
}
process.stdout.write('\n=== summary ===\n');
for (const { name, ok, seconds } of results) process.stdout.write(`${ok ? 'PASS' : 'FAIL'}  ${name} (${seconds} s)\n`);
const failed = results.filter((result) => !result.ok).length;
process.stdout.write(`steps: ${results.length - failed} passed, ${failed} failed\n`);
process.exit(failed === 0 ? 0 : 1);
