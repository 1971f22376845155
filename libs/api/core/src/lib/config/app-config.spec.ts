import { REQUIRED_VARIABLES, loadAppConfig } from './app-config';

const VALID_ENV = {
  SESSION_SECRET: 'x'.repeat(48),
  PUBLIC_URL: 'http://localhost:3000',
  AIDIAL_API_BASE_URL: 'http://127.0.0.1:4010',
  AIDIAL_API_TIMEOUT_MS: '5000',
  ZITADEL_ISSUER: 'http://127.0.0.1:4020',
  ZITADEL_CLIENT_ID: 'portal',
  ZITADEL_CLIENT_SECRET: 'client-secret-of-at-least-32-characters',
  ZITADEL_PROJECT_ID: '280000000000000001',
  ZITADEL_SERVICE_TOKEN: 'service-token',
  ZITADEL_SERVICE_CLIENT_ID: 'aidial-service-account',
  ZITADEL_SERVICE_CLIENT_SECRET: 'service-client-secret-of-at-least-32-chars',
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/aidial',
  API_KEY_PEPPER: 'p'.repeat(40),
};

function problemsOf(env: Record<string, string | undefined>): string[] {
  const result = loadAppConfig(env);
  return result.ok ? [] : result.problems;
}

describe('loadAppConfig', () => {
  it('accepts a complete environment and applies the documented optional defaults', () => {
    const result = loadAppConfig(VALID_ENV);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config).toMatchObject({
      aidialApiTimeoutMs: 5000,
      sessionIdleMinutes: 30,
      sessionAbsoluteHours: 12,
      port: 3000,
      logLevel: 'info',
      trustedProxies: [],
      redisUrl: undefined,
      auditRetentionDays: 400,
      auditRetentionIntervalMinutes: 60,
      sessionHistoryDays: 90,
      sessionCleanupIntervalMinutes: 15,
      stepUpMaxAgeMinutes: 10,
      zitadelLoginUi: 'v2',
    });
    expect(result.config.zitadelIssuer.href).toBe('http://127.0.0.1:4020/');
  });

  it.each(REQUIRED_VARIABLES)('names %s when it is missing', (name) => {
    expect(problemsOf({ ...VALID_ENV, [name]: undefined })).toEqual([`${name} is required but not set`]);
  });

  it.each(REQUIRED_VARIABLES)('treats a blank %s as missing', (name) => {
    expect(problemsOf({ ...VALID_ENV, [name]: '   ' })).toEqual([`${name} is required but not set`]);
  });

  it('lists every problem at once, one line each', () => {
    expect(problemsOf({})).toHaveLength(REQUIRED_VARIABLES.length);
  });

  it.each([
    ['PUBLIC_URL', 'not a url', 'PUBLIC_URL is not a valid URL'],
    ['ZITADEL_ISSUER', 'ftp://idp.example', 'ZITADEL_ISSUER must be a http or https URL'],
    ['DATABASE_URL', 'mysql://db/aidial', 'DATABASE_URL must be a postgres or postgresql URL'],
    ['AIDIAL_API_TIMEOUT_MS', '0', 'AIDIAL_API_TIMEOUT_MS must be a whole number from 1 to 120000'],
    ['AIDIAL_API_TIMEOUT_MS', '5s', 'AIDIAL_API_TIMEOUT_MS must be a whole number from 1 to 120000'],
    ['SESSION_SECRET', 'short', 'SESSION_SECRET must be at least 32 characters long'],
    ['API_KEY_PEPPER', 'p'.repeat(31), 'API_KEY_PEPPER must be at least 32 bytes long'],
    ['ZITADEL_CLIENT_SECRET', 'x', 'ZITADEL_CLIENT_SECRET must be at least 32 characters long'],
    ['ZITADEL_CLIENT_SECRET', 's'.repeat(31), 'ZITADEL_CLIENT_SECRET must be at least 32 characters long'],
    [
      'ZITADEL_SERVICE_CLIENT_SECRET',
      's'.repeat(31),
      'ZITADEL_SERVICE_CLIENT_SECRET must be at least 32 characters long',
    ],
    ['PORT', '70000', 'PORT must be a whole number from 0 to 65535'],
    ['LOG_LEVEL', 'loud', 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent'],
    ['ZITADEL_PROJECT_ID', 'aidial-portal', 'ZITADEL_PROJECT_ID must be a ZITADEL project id (digits)'],
    ['ZITADEL_LOGIN_UI', 'v3', 'ZITADEL_LOGIN_UI must be one of v1, v2'],
    ['REDIS_URL', 'http://cache', 'REDIS_URL must be a redis or rediss URL'],
    [
      'TRUSTED_PROXIES',
      '10.0.0.1, example.com',
      'TRUSTED_PROXIES has an entry that is not an IP address or CIDR: "example.com"',
    ],
    ['AUDIT_RETENTION_DAYS', '0', 'AUDIT_RETENTION_DAYS must be a whole number from 1 to 36500'],
    ['AUDIT_RETENTION_DAYS', '1 year', 'AUDIT_RETENTION_DAYS must be a whole number from 1 to 36500'],
    [
      'AUDIT_RETENTION_INTERVAL_MINUTES',
      '20000',
      'AUDIT_RETENTION_INTERVAL_MINUTES must be a whole number from 1 to 10080',
    ],
    ['TRUSTED_PROXIES', '10.0.0.0/33', 'TRUSTED_PROXIES has an entry that is not an IP address or CIDR: "10.0.0.0/33"'],
  ])('rejects a malformed %s (%s)', (name, value, problem) => {
    expect(problemsOf({ ...VALID_ENV, [name]: value })).toEqual([problem]);
  });

  it('accepts IPv4 and IPv6 proxies with and without a prefix', () => {
    const result = loadAppConfig({ ...VALID_ENV, TRUSTED_PROXIES: '127.0.0.1, 10.0.0.0/8, ::1, fd00::/8' });
    expect(result.ok && result.config.trustedProxies).toEqual(['127.0.0.1', '10.0.0.0/8', '::1', 'fd00::/8']);
  });

  it('accepts `loopback`, the name Express gives 127.0.0.0/8 and ::1', () => {
    const result = loadAppConfig({ ...VALID_ENV, TRUSTED_PROXIES: 'loopback, 10.0.0.0/8' });
    expect(result.ok && result.config.trustedProxies).toEqual(['loopback', '10.0.0.0/8']);
  });

  it('reads the abuse limits, with their defaults', () => {
    const defaults = loadAppConfig(VALID_ENV);
    expect(
      defaults.ok && [
        defaults.config.signInStartsPerMinute,
        defaults.config.failedSessionLookupsPerMinute,
        defaults.config.v1RequestsPerMinute,
      ],
    ).toEqual([30, 60, 600]);
    expect(problemsOf({ ...VALID_ENV, V1_REQUESTS_PER_MINUTE: '0' })).toEqual([
      'V1_REQUESTS_PER_MINUTE must be a whole number from 1 to 1000000',
    ]);
  });

  it('reads the audit retention settings', () => {
    const result = loadAppConfig({ ...VALID_ENV, AUDIT_RETENTION_DAYS: '90', AUDIT_RETENTION_INTERVAL_MINUTES: '5' });
    expect(result.ok && [result.config.auditRetentionDays, result.config.auditRetentionIntervalMinutes]).toEqual([
      90, 5,
    ]);
  });
  describe('SMTP for security notices', () => {
    const SMTP = { SMTP_HOST: 'smtp.example.com', NOTICE_FROM: 'AiDial Access <no-reply@example.com>' };

    it('turns notices off when SMTP_HOST is not set', () => {
      const result = loadAppConfig(VALID_ENV);
      expect(result.ok && result.config.smtp).toBeNull();
    });

    it('reads the relay with STARTTLS required on 587 by default', () => {
      const result = loadAppConfig({ ...VALID_ENV, ...SMTP, SMTP_USER: 'mailer', SMTP_PASSWORD: 'secret' });
      expect(result.ok && result.config.smtp).toEqual({
        host: 'smtp.example.com',
        port: 587,
        tls: 'starttls',
        user: 'mailer',
        password: 'secret',
        from: 'AiDial Access <no-reply@example.com>',
        deliveryIntervalSeconds: 10,
      });
    });

    it('needs NOTICE_FROM, a valid TLS mode, and the user and password together', () => {
      expect(problemsOf({ ...VALID_ENV, SMTP_HOST: 'smtp.example.com' })).toEqual([
        'NOTICE_FROM is required when SMTP_HOST is set',
      ]);
      expect(problemsOf({ ...VALID_ENV, ...SMTP, SMTP_TLS: 'maybe', SMTP_USER: 'mailer' })).toEqual([
        'SMTP_TLS must be one of starttls, implicit, none',
        'SMTP_USER and SMTP_PASSWORD are set together or not at all',
      ]);
      expect(problemsOf({ ...VALID_ENV, ...SMTP, NOTICE_FROM: 'nobody' })).toEqual([
        'NOTICE_FROM must be an e-mail address, optionally with a name: Name <address@example.com>',
      ]);
    });

    it('refuses clear-text SMTP to anything but loopback', () => {
      expect(problemsOf({ ...VALID_ENV, ...SMTP, SMTP_TLS: 'none' })).toEqual([
        'SMTP_TLS=none is allowed only for a loopback SMTP_HOST (localhost, 127.0.0.1, ::1)',
      ]);
      expect(problemsOf({ ...VALID_ENV, ...SMTP, SMTP_HOST: '127.0.0.1', SMTP_TLS: 'none' })).toEqual([]);
    });
  });
});
