import { resolve } from 'node:path';

/** Where the repository's demo data lives, relative to this file (apps/dev-idp/src). */
const DEFAULT_SEED_FILE = resolve(import.meta.dirname, '../../../tools/demo/seed.json');

export interface DevIdpConfig {
  /** Interface to bind; loopback by default, because the pages accept public demo passwords. */
  readonly host: string;
  /** 0 picks a free port; the issuer then follows the port actually bound unless DEV_IDP_ISSUER is set. */
  readonly port: number;
  /** Origin only (no path), like a Zitadel instance's issuer. Undefined means http://localhost:<bound port>. */
  readonly issuer: string | undefined;
  readonly portalClient: {
    readonly id: string;
    readonly secret: string;
    readonly redirectUris: readonly string[];
    readonly postLogoutRedirectUris: readonly string[];
    /**
     * The app's back-channel logout URI (ZITADEL's OIDC app setting `backChannelLogoutUri`); undefined: none
     * registered, and no logout token is sent (as ZITADEL, which sends them only to apps with one).
     */
    readonly backchannelLogoutUri: string | undefined;
  };
  /** The personal access token of the instance-wide service account (an IAM_OWNER membership) for the REST API. */
  readonly serviceToken: string;
  /** Personal access tokens of service accounts whose only membership is ORG_OWNER of one organisation. */
  readonly orgServiceTokens: readonly OrgServiceToken[];
  /** The machine user (service account) that may use the client-credentials grant, as Zitadel allows only those. */
  readonly machineClient: {
    readonly id: string;
    readonly secret: string;
    /**
     * The machine user's access token type (ZITADEL's per-user `AccessTokenType`, which client credentials use:
     * client_credentials.go `tokenType: user.Machine.AccessTokenType`): `bearer`, ZITADEL's default, is opaque.
     */
    readonly accessTokenType: MachineAccessTokenType;
  };
  /** Zitadel project id, used in the project-scoped roles claim `urn:zitadel:iam:org:project:{id}:roles`. */
  readonly projectId: string;
  readonly seedFile: string;
  /** A JSON Web Key Set with private keys; created with a fresh RS256 key when the file does not exist. */
  readonly keysFile: string | undefined;
  /** Zitadel's lockout policy: failed passwords (`maxPasswordAttempts`) and failed OTP checks (`maxOTPAttempts`). */
  readonly lockout: { readonly maxFailedPasswords: number; readonly maxFailedOtps: number };
  readonly smsCodeTtlSeconds: number;
  /** The instance's SMS provider, as the admin API lists it (`none`: no provider configured). */
  readonly smsProvider: SmsProviderState;
  /** Anything but `none` makes every text message fail that way when it is sent, from the start. */
  readonly smsFactorFault: SmsFactorFault;
  /** Which Zitadel login the instance uses: `v2` (sessions readable at /v2/sessions) or `v1` (the old login). */
  readonly loginUi: LoginUi;
  /** Lifetime of access tokens (the portal's JWTs and the service account's). */
  readonly accessTokenTtlSeconds: number;
}

export interface OrgServiceToken {
  readonly token: string;
  readonly organizationId: string;
}

/**
 * How sending a text message fails at the provider: `unavailable`, the provider is down; `delivery_failed`, the
 * provider rejected the message; `carrier_blocked`, the recipient opted out (STOP).
 */
export const SMS_FACTOR_FAULTS = ['none', 'unavailable', 'delivery_failed', 'carrier_blocked'] as const;

export type SmsFactorFault = (typeof SMS_FACTOR_FAULTS)[number];

export function isSmsFactorFault(value: unknown): value is SmsFactorFault {
  return typeof value === 'string' && (SMS_FACTOR_FAULTS as readonly string[]).includes(value);
}

/** The instance's SMS provider: configured and active, configured but deactivated, or none configured. */
export const SMS_PROVIDER_STATES = ['active', 'inactive', 'none'] as const;

export type SmsProviderState = (typeof SMS_PROVIDER_STATES)[number];

export function isSmsProviderState(value: unknown): value is SmsProviderState {
  return typeof value === 'string' && (SMS_PROVIDER_STATES as readonly string[]).includes(value);
}

export const MACHINE_ACCESS_TOKEN_TYPES = ['bearer', 'jwt'] as const;

export type MachineAccessTokenType = (typeof MACHINE_ACCESS_TOKEN_TYPES)[number];

export const LOGIN_UIS = ['v2', 'v1'] as const;

export type LoginUi = (typeof LOGIN_UIS)[number];

/** Every setting, its environment variable, its command-line flag and its default (README.md lists the same). */
const SETTINGS = {
  host: { env: 'DEV_IDP_HOST', flag: 'host', fallback: '127.0.0.1' },
  port: { env: 'DEV_IDP_PORT', flag: 'port', fallback: '4011' },
  issuer: { env: 'DEV_IDP_ISSUER', flag: 'issuer', fallback: '' },
  clientId: { env: 'DEV_IDP_CLIENT_ID', flag: 'client-id', fallback: 'aidial-portal' },
  clientSecret: {
    env: 'DEV_IDP_CLIENT_SECRET',
    flag: 'client-secret',
    fallback: 'local-portal-client-secret-demo-only',
  },
  redirectUris: {
    env: 'DEV_IDP_REDIRECT_URIS',
    flag: 'redirect-uris',
    fallback: 'http://localhost:3000/api/auth/callback',
  },
  postLogoutRedirectUris: {
    env: 'DEV_IDP_POST_LOGOUT_REDIRECT_URIS',
    flag: 'post-logout-redirect-uris',
    fallback: 'http://localhost:3000/sign-in',
  },
  backchannelLogoutUri: {
    env: 'DEV_IDP_BACKCHANNEL_LOGOUT_URI',
    flag: 'backchannel-logout-uri',
    fallback: '',
  },
  serviceToken: { env: 'DEV_IDP_SERVICE_TOKEN', flag: 'service-token', fallback: 'local-service-token' },
  orgServiceTokens: { env: 'DEV_IDP_ORG_SERVICE_TOKENS', flag: 'org-service-tokens', fallback: '' },
  machineClientId: { env: 'DEV_IDP_MACHINE_CLIENT_ID', flag: 'machine-client-id', fallback: 'aidial-service-account' },
  machineClientSecret: {
    env: 'DEV_IDP_MACHINE_CLIENT_SECRET',
    flag: 'machine-client-secret',
    fallback: 'local-service-account-secret-demo-only',
  },
  projectId: { env: 'DEV_IDP_PROJECT_ID', flag: 'project-id', fallback: '280000000000000001' },
  seedFile: { env: 'DEV_IDP_SEED_FILE', flag: 'seed-file', fallback: DEFAULT_SEED_FILE },
  keysFile: { env: 'DEV_IDP_KEYS_FILE', flag: 'keys-file', fallback: '' },
  lockoutThreshold: { env: 'DEV_IDP_LOCKOUT_THRESHOLD', flag: 'lockout-threshold', fallback: '5' },
  otpLockoutThreshold: { env: 'DEV_IDP_OTP_LOCKOUT_THRESHOLD', flag: 'otp-lockout-threshold', fallback: '5' },
  smsCodeTtlSeconds: { env: 'DEV_IDP_SMS_CODE_TTL_SECONDS', flag: 'sms-code-ttl-seconds', fallback: '300' },
  smsProvider: { env: 'DEV_IDP_SMS_PROVIDER', flag: 'sms-provider', fallback: 'active' },
  smsFactorFault: { env: 'DEV_IDP_SMS_FACTOR_FAULT', flag: 'sms-factor-fault', fallback: 'none' },
  loginUi: { env: 'DEV_IDP_LOGIN_UI', flag: 'login-ui', fallback: 'v2' },
  machineAccessTokenType: {
    env: 'DEV_IDP_MACHINE_ACCESS_TOKEN_TYPE',
    flag: 'machine-access-token-type',
    fallback: 'bearer',
  },
  accessTokenTtlSeconds: {
    env: 'DEV_IDP_ACCESS_TOKEN_TTL_SECONDS',
    flag: 'access-token-ttl-seconds',
    fallback: '3600',
  },
} as const;

type SettingName = keyof typeof SETTINGS;

/** Reads `--flag=value` / `--flag value` arguments (they win) and DEV_IDP_* variables; throws naming every bad value. */
export function loadConfig(argv: readonly string[], env: NodeJS.ProcessEnv): DevIdpConfig {
  const flags = parseFlags(argv);
  const problems: string[] = [];
  const raw = (name: SettingName): string => {
    const { env: variable, flag, fallback } = SETTINGS[name];
    return (flags.get(flag) ?? env[variable] ?? fallback).trim();
  };
  const integer = (name: SettingName, min: number): number => {
    const value = Number(raw(name));
    if (!Number.isInteger(value) || value < min) {
      problems.push(`${SETTINGS[name].env} (--${SETTINGS[name].flag}) must be an integer ≥ ${min}`);
    }
    return value;
  };
  const urls = (name: SettingName): string[] => {
    const list = raw(name)
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean);
    for (const url of list) {
      if (!URL.canParse(url)) problems.push(`${SETTINGS[name].env} (--${SETTINGS[name].flag}): not a URL: ${url}`);
    }
    return list;
  };

  const issuer = raw('issuer') || undefined;
  if (issuer !== undefined) {
    const parsed = URL.parse(issuer);
    if (!parsed || parsed.origin === 'null' || `${parsed.origin}` !== issuer.replace(/\/$/, '')) {
      problems.push(
        'DEV_IDP_ISSUER (--issuer) must be an origin such as http://localhost:4011 (no path), like Zitadel',
      );
    }
  }
  const smsFactorFault = raw('smsFactorFault');
  if (!isSmsFactorFault(smsFactorFault)) {
    problems.push(
      `DEV_IDP_SMS_FACTOR_FAULT (--sms-factor-fault) must be one of ${SMS_FACTOR_FAULTS.map((fault) => `\`${fault}\``).join(', ')}`,
    );
  }
  const oneOf = <T extends string>(name: SettingName, values: readonly T[]): T => {
    const value = raw(name);
    if ((values as readonly string[]).includes(value)) return value as T;
    problems.push(
      `${SETTINGS[name].env} (--${SETTINGS[name].flag}) must be one of ${values.map((item) => `\`${item}\``).join(', ')}`,
    );
    return values[0];
  };
  for (const name of ['clientId', 'clientSecret', 'serviceToken', 'machineClientId', 'machineClientSecret'] as const) {
    if (!raw(name)) problems.push(`${SETTINGS[name].env} (--${SETTINGS[name].flag}) must not be empty`);
  }
  const orgServiceTokens = raw('orgServiceTokens')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)
    .map((pair) => {
      const at = pair.lastIndexOf('@');
      if (at <= 0 || at === pair.length - 1) {
        problems.push(
          `DEV_IDP_ORG_SERVICE_TOKENS (--org-service-tokens): \`${pair}\` is not <token>@<organisation id>`,
        );
      }
      return { token: pair.slice(0, at), organizationId: pair.slice(at + 1) };
    });

  const config: DevIdpConfig = {
    host: raw('host'),
    port: integer('port', 0),
    issuer: issuer?.replace(/\/$/, ''),
    portalClient: {
      id: raw('clientId'),
      secret: raw('clientSecret'),
      redirectUris: urls('redirectUris'),
      postLogoutRedirectUris: urls('postLogoutRedirectUris'),
      backchannelLogoutUri: urls('backchannelLogoutUri')[0],
    },
    serviceToken: raw('serviceToken'),
    orgServiceTokens,
    machineClient: {
      id: raw('machineClientId'),
      secret: raw('machineClientSecret'),
      accessTokenType: oneOf('machineAccessTokenType', MACHINE_ACCESS_TOKEN_TYPES),
    },
    projectId: raw('projectId'),
    seedFile: resolve(raw('seedFile')),
    keysFile: raw('keysFile') ? resolve(raw('keysFile')) : undefined,
    lockout: {
      maxFailedPasswords: integer('lockoutThreshold', 1),
      maxFailedOtps: integer('otpLockoutThreshold', 1),
    },
    smsCodeTtlSeconds: integer('smsCodeTtlSeconds', 1),
    smsProvider: oneOf('smsProvider', SMS_PROVIDER_STATES),
    smsFactorFault: isSmsFactorFault(smsFactorFault) ? smsFactorFault : 'none',
    loginUi: oneOf('loginUi', LOGIN_UIS),
    accessTokenTtlSeconds: integer('accessTokenTtlSeconds', 1),
  };
  if (config.portalClient.redirectUris.length === 0) problems.push('DEV_IDP_REDIRECT_URIS needs at least one URI');
  if (problems.length > 0) throw new Error(`dev-idp configuration:\n  - ${problems.join('\n  - ')}`);
  return config;
}

function parseFlags(argv: readonly string[]): Map<string, string> {
  const flags = new Map<string, string>();
  const known = new Set<string>(Object.values(SETTINGS).map((setting) => setting.flag));
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index];
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(argument);
    if (!match || !known.has(match[1]))
      throw new Error(`dev-idp: unknown argument ${argument} (see apps/dev-idp/README.md)`);
    if (match[2] !== undefined) {
      flags.set(match[1], match[2]);
    } else {
      const value = argv[index + 1];
      if (value === undefined) throw new Error(`dev-idp: --${match[1]} needs a value`);
      flags.set(match[1], value);
      index += 1;
    }
  }
  return flags;
}
