// `npm test`: everything CI checks, in order, with one summary at the end. Exits non-zero if any step failed.
// Steps run even after a failure, so one run shows every problem. Nx's cache is skipped in every step, builds included:
// it lives outside the workspace (~/.nx), a test command must run the tests, not recall them, and a build restored
// from it was made from whatever the tree held when it was cached, which need not be this clone.
import { spawnSync } from 'node:child_process';

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

const results = [];
for (const [name, [command, ...args]] of STEPS) {
  process.stdout.write(`\n=== ${name} ===\n`);
  const started = Date.now();
  const { status } = spawnSync(command, args, {
    stdio: 'inherit',
    env: { ...process.env, NX_DAEMON: 'false', FORCE_COLOR: '0' },
  });
  results.push({ name, ok: status === 0, seconds: Math.round((Date.now() - started) / 1000) });
}

process.stdout.write('\n=== summary ===\n');
for (const { name, ok, seconds } of results) process.stdout.write(`${ok ? 'PASS' : 'FAIL'}  ${name} (${seconds} s)\n`);
const failed = results.filter((result) => !result.ok).length;
process.stdout.write(`steps: ${results.length - failed} passed, ${failed} failed\n`);
process.exit(failed === 0 ? 0 : 1);
