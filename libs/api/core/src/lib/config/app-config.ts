import { isIP } from 'node:net';

/**
 * The API's configuration, validated once at boot (DESIGN.md §8). Required variables have no default anywhere in code:
 * with one missing or malformed the process prints one line per problem and exits non-zero.
 */
export interface AppConfig {
  readonly sessionSecret: string;
  /** The server-side pepper of API-key hashes (HMAC-SHA-256 key); changing it invalidates every key. */
  readonly apiKeyPepper: string;
  readonly publicUrl: URL;
  readonly aidialApiBaseUrl: URL;
  readonly aidialApiTimeoutMs: number;
  readonly zitadelIssuer: URL;
  readonly zitadelClientId: string;
  readonly zitadelClientSecret: string;
  /**
   * The ZITADEL project the portal's application belongs to. ZITADEL puts its id in every ID token's `aud` beside the
   * client id (trusted, with `azp` equal to the client id), and the platform API accepts tokens for this project.
   */
  readonly zitadelProjectId: string;
  /** The service account's personal access token, for ZITADEL's user, session and admin APIs (instance-wide rights). */
  readonly zitadelServiceToken: string;
  /** The service account's own client credentials: the platform token for API-key calls (client_credentials grant). */
  readonly zitadelServiceClientId: string;
  readonly zitadelServiceClientSecret: string;
  /** Which ZITADEL login UI the instance runs: it decides the MFA setup page and whether v2 sessions can be read. */
  readonly zitadelLoginUi: ZitadelLoginUi;
  readonly databaseUrl: string;
  readonly redisUrl: string | undefined;
  readonly trustedProxies: readonly string[];
  readonly sessionIdleMinutes: number;
  readonly sessionAbsoluteHours: number;
  readonly port: number;
  readonly logLevel: LogLevel;
  /** Folder of the built portal; when set, the API serves it from the same origin. */
  readonly portalDir: string | undefined;
  /** Audit events older than this many days are deleted by the retention job (a chain checkpoint keeps verification working). */
  readonly auditRetentionDays: number;
  /** How often the retention job runs. */
  readonly auditRetentionIntervalMinutes: number;
  /** Ended sessions stay in their user's history this many days, then the cleanup job deletes them. */
  readonly sessionHistoryDays: number;
  /** How often the session cleanup job runs (expired sessions recorded as ended, old history and sign-in attempts deleted). */
  readonly sessionCleanupIntervalMinutes: number;
  /** A sensitive action (a route declared with `stepUp`) needs a sign-in at most this many minutes old (docs/sessions.md). */
  readonly stepUpMaxAgeMinutes: number;
  /** Sign-in starts (`GET /api/auth/login`) one client address (an IPv6 /64) may make a minute (docs/rate-limits.md). */
  readonly signInStartsPerMinute: number;
  /** Requests whose session cookie resolves to no session one client address (an IPv6 /64) may make a minute. */
  readonly failedSessionLookupsPerMinute: number;
  /** Requests one API key may make to `/v1` a minute (docs/integrations.md). */
  readonly v1RequestsPerMinute: number;
  /** Where security notices are sent from (docs/operators.md, "Security notices"); null when SMTP_HOST is unset: notices are off. */
  readonly smtp: SmtpSettings | null;
}

/** How the API reaches its mail relay for security notices. */
export interface SmtpSettings {
  readonly host: string;
  readonly port: number;
  /** `starttls` (required, the default), `implicit` (TLS from the first byte, usually port 465) or `none` (loopback only). */
  readonly tls: SmtpTls;
  readonly user: string | null;
  readonly password: string | null;
  /** The From header, e.g. `AiDial Access <no-reply@example.com>`. */
  readonly from: string;
  /** How often each instance looks for notices to deliver. */
  readonly deliveryIntervalSeconds: number;
}

export const SMTP_TLS_MODES = ['starttls', 'implicit', 'none'] as const;
export type SmtpTls = (typeof SMTP_TLS_MODES)[number];

export const ZITADEL_LOGIN_UIS = ['v1', 'v2'] as const;
export type ZitadelLoginUi = (typeof ZITADEL_LOGIN_UIS)[number];

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * The shortest client secret accepted (ZITADEL_CLIENT_SECRET, ZITADEL_SERVICE_CLIENT_SECRET). ZITADEL generates 64
 * characters (`SecretGenerators.ClientSecretGenerator.Length` in its system defaults); half of that still leaves a
 * secret no one guesses, and a one-character value set by mistake stops the API at boot.
 */
export const CLIENT_SECRET_MIN_LENGTH = 32;

export const REQUIRED_VARIABLES = [
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
] as const;

/** Optional variables and the defaults the operator guide documents. */
export const OPTIONAL_DEFAULTS = {
  REDIS_URL: undefined,
  TRUSTED_PROXIES: '',
  SESSION_IDLE_MINUTES: '30',
  SESSION_ABSOLUTE_HOURS: '12',
  PORT: '3000',
  LOG_LEVEL: 'info',
  ZITADEL_LOGIN_UI: 'v2',
  PORTAL_DIR: undefined,
  AUDIT_RETENTION_DAYS: '400',
  AUDIT_RETENTION_INTERVAL_MINUTES: '60',
  SESSION_HISTORY_DAYS: '90',
  SESSION_CLEANUP_INTERVAL_MINUTES: '15',
  STEP_UP_MAX_AGE_MINUTES: '10',
  SIGN_IN_STARTS_PER_MINUTE: '30',
  FAILED_SESSION_LOOKUPS_PER_MINUTE: '60',
  V1_REQUESTS_PER_MINUTE: '600',
  SMTP_HOST: undefined,
  SMTP_PORT: '587',
  SMTP_TLS: 'starttls',
  SMTP_USER: undefined,
  SMTP_PASSWORD: undefined,
  NOTICE_FROM: undefined,
  NOTICE_DELIVERY_INTERVAL_SECONDS: '10',
} as const;

export type ConfigResult = { ok: true; config: AppConfig } | { ok: false; problems: string[] };

type Env = Readonly<Record<string, string | undefined>>;

class Reader {
  readonly problems: string[] = [];

  constructor(private readonly env: Env) {}

  private raw(name: string): string | undefined {
    const value = this.env[name]?.trim();
    return value === '' ? undefined : value;
  }

  required(name: string): string {
    const value = this.raw(name);
    if (value === undefined) this.problems.push(`${name} is required but not set`);
    return value ?? '';
  }

  optional(name: keyof typeof OPTIONAL_DEFAULTS): string | undefined {
    return this.raw(name) ?? OPTIONAL_DEFAULTS[name];
  }

  secret(name: string, minLength: number): string {
    const value = this.required(name);
    if (value && value.length < minLength) this.problems.push(`${name} must be at least ${minLength} characters long`);
    return value;
  }

  /** A key for a MAC: at least `minBytes` bytes of UTF-8 (a random base64url string of that length is plenty). */
  secretBytes(name: string, minBytes: number): string {
    const value = this.required(name);
    if (value && Buffer.byteLength(value, 'utf8') < minBytes)
      this.problems.push(`${name} must be at least ${minBytes} bytes long`);
    return value;
  }

  url(name: string, protocols: readonly string[], value = this.required(name)): URL {
    if (!value) return new URL('about:blank');
    try {
      const url = new URL(value);
      if (!protocols.includes(url.protocol)) {
        this.problems.push(`${name} must be a ${protocols.map((p) => p.replace(':', '')).join(' or ')} URL`);
      }
      return url;
    } catch {
      this.problems.push(`${name} is not a valid URL`);
      return new URL('about:blank');
    }
  }

  integer(name: string, value: string | undefined, min: number, max: number): number {
    if (value === undefined) return 0;
    const parsed = /^\d+$/.test(value) ? Number(value) : Number.NaN;
    if (!Number.isSafeInteger(parsed) || parsed < min || parsed > max) {
      this.problems.push(`${name} must be a whole number from ${min} to ${max}`);
      return 0;
    }
    return parsed;
  }
}

function parseTrustedProxies(reader: Reader, value: string): string[] {
  const entries = value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  for (const entry of entries) {
    // Express's name for 127.0.0.0/8 and ::1 (configure-http.ts trusts both for any loopback entry anyway).
    if (entry === 'loopback') continue;
    const [address, prefix] = entry.split('/');
    const family = isIP(address ?? '');
    const maxPrefix = family === 6 ? 128 : 32;
    const prefixOk = prefix === undefined || (/^\d+$/.test(prefix) && Number(prefix) <= maxPrefix);
    if (family === 0 || !prefixOk)
      reader.problems.push(`TRUSTED_PROXIES has an entry that is not an IP address or CIDR: "${entry}"`);
  }
  return entries;
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

/** SMTP for security notices: all of it or none of it (no SMTP_HOST: notices are off, and the API says so at boot). */
function parseSmtp(read: Reader): SmtpSettings | null {
  const host = read.optional('SMTP_HOST');
  if (!host) return null;
  const tls = read.optional('SMTP_TLS') ?? 'starttls';
  if (!(SMTP_TLS_MODES as readonly string[]).includes(tls)) {
    read.problems.push(`SMTP_TLS must be one of ${SMTP_TLS_MODES.join(', ')}`);
  } else if (tls === 'none' && !LOOPBACK_HOSTS.has(host.toLowerCase())) {
    // Notices name people and what changed on their account: never in clear text across a network.
    read.problems.push('SMTP_TLS=none is allowed only for a loopback SMTP_HOST (localhost, 127.0.0.1, ::1)');
  }
  const user = read.optional('SMTP_USER') ?? null;
  const password = read.optional('SMTP_PASSWORD') ?? null;
  if ((user === null) !== (password === null))
    read.problems.push('SMTP_USER and SMTP_PASSWORD are set together or not at all');
  const from = read.optional('NOTICE_FROM');
  if (!from) read.problems.push('NOTICE_FROM is required when SMTP_HOST is set');
  else if (!/^[^<>@\s]+@[^<>@\s]+$|<[^<>@\s]+@[^<>@\s]+>$/.test(from) || /[\r\n]/.test(from))
    read.problems.push('NOTICE_FROM must be an e-mail address, optionally with a name: Name <address@example.com>');
  return {
    host,
    port: read.integer('SMTP_PORT', read.optional('SMTP_PORT'), 1, 65_535),
    tls: tls as SmtpTls,
    user,
    password,
    from: from ?? '',
    deliveryIntervalSeconds: read.integer(
      'NOTICE_DELIVERY_INTERVAL_SECONDS',
      read.optional('NOTICE_DELIVERY_INTERVAL_SECONDS'),
      1,
      3_600,
    ),
  };
}

export function loadAppConfig(env: Env): ConfigResult {
  const read = new Reader(env);
  const databaseUrl = read.required('DATABASE_URL');
  read.url('DATABASE_URL', ['postgres:', 'postgresql:'], databaseUrl);
  const redisUrl = read.optional('REDIS_URL');
  if (redisUrl) read.url('REDIS_URL', ['redis:', 'rediss:'], redisUrl);
  const logLevel = read.optional('LOG_LEVEL') ?? 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) {
    read.problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);
  }
  const loginUi = read.optional('ZITADEL_LOGIN_UI') ?? 'v2';
  if (!(ZITADEL_LOGIN_UIS as readonly string[]).includes(loginUi)) {
    read.problems.push(`ZITADEL_LOGIN_UI must be one of ${ZITADEL_LOGIN_UIS.join(', ')}`);
  }
  const projectId = read.required('ZITADEL_PROJECT_ID');
  // ZITADEL's resource ids are decimal snowflakes; anything else is a typo (an app's client id, a project name).
  if (projectId && !/^\d{6,32}$/.test(projectId))
    read.problems.push('ZITADEL_PROJECT_ID must be a ZITADEL project id (digits)');

  const config: AppConfig = {
    sessionSecret: read.secret('SESSION_SECRET', 32),
    apiKeyPepper: read.secretBytes('API_KEY_PEPPER', 32),
    publicUrl: read.url('PUBLIC_URL', ['http:', 'https:']),
    aidialApiBaseUrl: read.url('AIDIAL_API_BASE_URL', ['http:', 'https:']),
    aidialApiTimeoutMs: read.integer(
      'AIDIAL_API_TIMEOUT_MS',
      read.required('AIDIAL_API_TIMEOUT_MS') || undefined,
      1,
      120_000,
    ),
    zitadelIssuer: read.url('ZITADEL_ISSUER', ['http:', 'https:']),
    zitadelClientId: read.required('ZITADEL_CLIENT_ID'),
    zitadelClientSecret: read.secret('ZITADEL_CLIENT_SECRET', CLIENT_SECRET_MIN_LENGTH),
    zitadelProjectId: projectId,
    zitadelServiceToken: read.required('ZITADEL_SERVICE_TOKEN'),
    zitadelServiceClientId: read.required('ZITADEL_SERVICE_CLIENT_ID'),
    zitadelServiceClientSecret: read.secret('ZITADEL_SERVICE_CLIENT_SECRET', CLIENT_SECRET_MIN_LENGTH),
    zitadelLoginUi: loginUi as ZitadelLoginUi,
    databaseUrl,
    redisUrl,
    trustedProxies: parseTrustedProxies(read, read.optional('TRUSTED_PROXIES') ?? ''),
    sessionIdleMinutes: read.integer('SESSION_IDLE_MINUTES', read.optional('SESSION_IDLE_MINUTES'), 1, 24 * 60),
    sessionAbsoluteHours: read.integer('SESSION_ABSOLUTE_HOURS', read.optional('SESSION_ABSOLUTE_HOURS'), 1, 24 * 30),
    port: read.integer('PORT', read.optional('PORT'), 0, 65_535),
    logLevel: logLevel as LogLevel,
    portalDir: read.optional('PORTAL_DIR'),
    auditRetentionDays: read.integer('AUDIT_RETENTION_DAYS', read.optional('AUDIT_RETENTION_DAYS'), 1, 36_500),
    auditRetentionIntervalMinutes: read.integer(
      'AUDIT_RETENTION_INTERVAL_MINUTES',
      read.optional('AUDIT_RETENTION_INTERVAL_MINUTES'),
      1,
      7 * 24 * 60,
    ),
    sessionHistoryDays: read.integer('SESSION_HISTORY_DAYS', read.optional('SESSION_HISTORY_DAYS'), 1, 3_650),
    sessionCleanupIntervalMinutes: read.integer(
      'SESSION_CLEANUP_INTERVAL_MINUTES',
      read.optional('SESSION_CLEANUP_INTERVAL_MINUTES'),
      1,
      24 * 60,
    ),
    stepUpMaxAgeMinutes: read.integer('STEP_UP_MAX_AGE_MINUTES', read.optional('STEP_UP_MAX_AGE_MINUTES'), 1, 24 * 60),
    signInStartsPerMinute: read.integer(
      'SIGN_IN_STARTS_PER_MINUTE',
      read.optional('SIGN_IN_STARTS_PER_MINUTE'),
      1,
      10_000,
    ),
    failedSessionLookupsPerMinute: read.integer(
      'FAILED_SESSION_LOOKUPS_PER_MINUTE',
      read.optional('FAILED_SESSION_LOOKUPS_PER_MINUTE'),
      1,
      100_000,
    ),
    v1RequestsPerMinute: read.integer('V1_REQUESTS_PER_MINUTE', read.optional('V1_REQUESTS_PER_MINUTE'), 1, 1_000_000),
    smtp: parseSmtp(read),
  };
  return read.problems.length === 0 ? { ok: true, config } : { ok: false, problems: read.problems };
}
