// Run after any `npm install` that changes package-lock.json (README, "Working on it").
//
// Why: the npm registry this project installs from serves only the Linux builds of packages that ship one prebuilt
// binary per platform (@swc/core-darwin-arm64, @esbuild/win32-x64, …). npm then leaves those optional dependencies out
// of package-lock.json, and `npm ci` refuses the lock as "not in sync". This adds each missing entry back with its
// version, `optional: true` and the os/cpu its name declares, so `npm ci` accepts the lock and skips the entry as
// platform-incompatible without fetching it, exactly as it would with a lock written against the full registry.
import { readFileSync, writeFileSync } from 'node:fs';

const LOCK = 'package-lock.json';
const lock = JSON.parse(readFileSync(LOCK, 'utf8'));
const packages = lock.packages;

const OS = ['darwin', 'win32', 'linux', 'android', 'freebsd', 'openbsd', 'netbsd', 'sunos', 'aix', 'openharmony'];
const CPU = [
  ['arm64', /(?:^|[-_])(arm64|aarch64)(?:[-_]|$)/],
  ['x64', /(?:^|[-_])(x64|x86_64|amd64)(?:[-_]|$)/],
  ['ia32', /(?:^|[-_])(ia32|x86|i686)(?:[-_]|$)/],
  ['arm', /(?:^|[-_])(arm|armv7|arm-gnueabihf|arm-musleabihf)(?:[-_]|$)/],
  ['ppc64', /(?:^|[-_])ppc64(?:le)?(?:[-_]|$)/],
  ['s390x', /(?:^|[-_])s390x(?:[-_]|$)/],
  ['riscv64', /(?:^|[-_])riscv64(?:[-_]|$)/],
  ['loong64', /(?:^|[-_])loong64(?:[-_]|$)/],
  ['mips64el', /(?:^|[-_])mips64el(?:[-_]|$)/],
  ['wasm32', /(?:^|[-_])wasm32(?:[-_]|$)/],
];

function platformOf(name) {
  // Another version of the same package already in the lock knows its own platform best.
  const sibling = Object.entries(packages).find(
    ([path, entry]) => path.endsWith(`node_modules/${name}`) && (entry.os || entry.cpu),
  );
  if (sibling) {
    const { os, cpu, libc } = sibling[1];
    return { ...(os ? { os } : {}), ...(cpu ? { cpu } : {}), ...(libc ? { libc } : {}) };
  }
  const base = name.split('/').pop();
  const os = OS.find((candidate) => base.split(/[-_]/).includes(candidate));
  const cpu = CPU.find(([, pattern]) => pattern.test(base))?.[0];
  return { ...(os ? { os: [os] } : {}), ...(cpu ? { cpu: [cpu] } : {}) };
}

/**
 * Whether `name` resolves for the package at `from` (its own node_modules, then each ancestor's, the first found
 * winning, as in Node) to an entry of the wanted version. Platform binaries are pinned to exact versions.
 */
function resolves(from, name, version) {
  let dir = from;
  for (;;) {
    const found = packages[`${dir ? `${dir}/` : ''}node_modules/${name}`];
    if (found) return !/^\d+\.\d+\.\d+/.test(version) || found.version === version;
    if (!dir) return false;
    const index = dir.lastIndexOf('/node_modules/');
    dir = index === -1 ? '' : dir.slice(0, index);
  }
}

let added = 0;
for (const [path, entry] of Object.entries(packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    if (resolves(path, name, version)) continue;
    const platform = platformOf(name);
    if (!platform.os && !platform.cpu) {
      process.stderr.write(`cannot tell the platform of ${name}; leaving it out\n`);
      continue;
    }
    const target = packages[`node_modules/${name}`] ? `${path}/node_modules/${name}` : `node_modules/${name}`;
    // Keys in the order npm writes them (version first, then alphabetical), so npm's next rewrite changes nothing.
    const fields = { ...(entry.dev ? { dev: true } : {}), optional: true, ...platform };
    packages[target] = {
      version,
      ...Object.fromEntries(Object.entries(fields).sort(([a], [b]) => a.localeCompare(b))),
    };
    added++;
  }
}

const sorted = Object.fromEntries(
  Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))),
);
lock.packages = sorted;
writeFileSync(LOCK, `${JSON.stringify(lock, null, 2)}\n`);
process.stdout.write(`package-lock.json: ${added} platform-specific optional entries restored\n`);
