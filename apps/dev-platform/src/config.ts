import { resolve } from 'node:path';

const DEFAULT_SEED_FILE = resolve(import.meta.dirname, '../../../tools/demo/seed.json');

export interface DevPlatformConfig {
  /** Loopback by default: this is sample data behind test controls. */
  readonly host: string;
  /** 0 picks a free port. */
  readonly port: number;
  /** The identity provider whose JWKS signs the bearer tokens (dev-idp's issuer, or Zitadel's). */
  readonly issuer: string;
  /**
   * The Zitadel project id the access tokens must carry in `aud`: user tokens of the portal app get it always (the
   * project's audience), the service account's only when it asked for `urn:zitadel:iam:org:project:id:{id}:aud`.
   */
  readonly projectId: string;
  readonly seedFile: string;
}

/** Every setting, its variable, its flag and its default (README.md lists the same). */
const SETTINGS = {
  host: { env: 'DEV_PLATFORM_HOST', flag: 'host', fallback: '127.0.0.1' },
  port: { env: 'DEV_PLATFORM_PORT', flag: 'port', fallback: '4012' },
  issuer: { env: 'DEV_PLATFORM_ISSUER', flag: 'issuer', fallback: '' },
  projectId: { env: 'DEV_PLATFORM_PROJECT_ID', flag: 'project-id', fallback: '280000000000000001' },
  seedFile: { env: 'DEV_PLATFORM_SEED_FILE', flag: 'seed-file', fallback: DEFAULT_SEED_FILE },
} as const;

export function loadConfig(argv: readonly string[], env: NodeJS.ProcessEnv): DevPlatformConfig {
  const flags = new Map<string, string>();
  for (let index = 0; index < argv.length; index += 1) {
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(argv[index] ?? '');
    const known = Object.values(SETTINGS).some((setting) => setting.flag === match?.[1]);
    if (!match || !known)
      throw new Error(`dev-platform: unknown argument ${argv[index]} (see apps/dev-platform/README.md)`);
    const value = match[2] ?? argv[++index];
    if (value === undefined) throw new Error(`dev-platform: --${match[1]} needs a value`);
    flags.set(match[1] ?? '', value);
  }
  const raw = (name: keyof typeof SETTINGS) =>
    (flags.get(SETTINGS[name].flag) ?? env[SETTINGS[name].env] ?? SETTINGS[name].fallback).trim();
  const problems: string[] = [];
  const port = Number(raw('port'));
  if (!Number.isInteger(port) || port < 0 || port > 65_535) problems.push('DEV_PLATFORM_PORT must be a port number');
  const issuer = raw('issuer').replace(/\/$/, '');
  if (!URL.canParse(issuer)) problems.push('DEV_PLATFORM_ISSUER (--issuer) must be the identity provider’s issuer URL');
  if (!raw('projectId')) problems.push('DEV_PLATFORM_PROJECT_ID (--project-id) must not be empty');
  if (problems.length > 0) throw new Error(`dev-platform configuration:\n  - ${problems.join('\n  - ')}`);
  return { host: raw('host'), port, issuer, projectId: raw('projectId'), seedFile: resolve(raw('seedFile')) };
}
