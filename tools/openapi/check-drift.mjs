// Fails when the committed OpenAPI document or the generated portal client no longer matches the code.
// Expects the API to be built (dist/apps/api); the test command builds it first.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const COMMITTED_DOCUMENT = 'apps/api/openapi.json';
const COMMITTED_CLIENT = 'libs/portal/api-client/src/generated';
const EXPORTER = 'dist/apps/api/export-openapi.js';

function filesUnder(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

function differences(expectedDir, actualDir) {
  const expected = new Set(filesUnder(expectedDir).map((file) => relative(expectedDir, file)));
  const actual = new Set(filesUnder(actualDir).map((file) => relative(actualDir, file)));
  const problems = [];
  for (const file of expected) {
    if (!actual.has(file)) problems.push(`missing from the committed client: ${file}`);
    else if (!readFileSync(join(expectedDir, file)).equals(readFileSync(join(actualDir, file))))
      problems.push(`stale: ${file}`);
  }
  for (const file of actual) if (!expected.has(file)) problems.push(`no longer generated: ${file}`);
  return problems;
}

const work = mkdtempSync(join(tmpdir(), 'aidial-openapi-'));
const problems = [];
try {
  if (!existsSync(EXPORTER)) throw new Error(`${EXPORTER} is missing: build the API first (npx nx run api:build)`);
  const freshDocument = join(work, 'openapi.json');
  execFileSync(process.execPath, [EXPORTER, freshDocument], { stdio: 'pipe' });
  if (!existsSync(COMMITTED_DOCUMENT) || !readFileSync(COMMITTED_DOCUMENT).equals(readFileSync(freshDocument))) {
    problems.push(`${COMMITTED_DOCUMENT} does not match the controllers and DTOs`);
  }
  const freshClient = join(work, 'client');
  execFileSync(
    process.execPath,
    ['tools/openapi/generate-client.mjs', '--input', freshDocument, '--output', freshClient],
    {
      stdio: 'pipe',
    },
  );
  problems.push(...differences(freshClient, COMMITTED_CLIENT).map((problem) => `${COMMITTED_CLIENT}: ${problem}`));
} finally {
  rmSync(work, { recursive: true, force: true });
}

if (problems.length > 0) {
  process.stderr.write(
    `OpenAPI drift:\n${problems.map((p) => `- ${p}\n`).join('')}Run \`npm run openapi:generate\` and commit the result.\n`,
  );
  process.exit(1);
}
process.stdout.write('OpenAPI document and portal client are up to date.\n');
