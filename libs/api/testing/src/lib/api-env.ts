/**
 * A complete API environment for tests: every required variable set to a well-formed value. Tests remove or break one
 * variable at a time from here. The identity provider and platform URLs point at closed ports until those capabilities
 * bring their stand-ins.
 */
export function testApiEnv(
  databaseUrl: string,
  overrides: Record<string, string | undefined> = {},
): Record<string, string> {
  const env: Record<string, string | undefined> = {
    SESSION_SECRET: 'test-session-secret-0123456789abcdef0123456789',
    PUBLIC_URL: 'http://127.0.0.1:3000',
    AIDIAL_API_BASE_URL: 'http://127.0.0.1:9',
    AIDIAL_API_TIMEOUT_MS: '2000',
    ZITADEL_ISSUER: 'http://127.0.0.1:9',
    ZITADEL_CLIENT_ID: 'aidial-portal',
    ZITADEL_CLIENT_SECRET: 'test-client-secret-at-least-32-characters',
    ZITADEL_PROJECT_ID: '280000000000000001',
    ZITADEL_SERVICE_TOKEN: 'test-service-token',
    ZITADEL_SERVICE_CLIENT_ID: 'test-service-account',
    ZITADEL_SERVICE_CLIENT_SECRET: 'test-service-client-secret-at-least-32-chars',
    DATABASE_URL: databaseUrl,
    API_KEY_PEPPER: 'test-api-key-pepper-0123456789abcdef0123456789',
    LOG_LEVEL: 'silent',
    PORT: '0',
    // The request throttles (docs/rate-limits.md) out of the way of suites that sign in many times from one address;
    // the abuse-limit suite sets its own.
    SIGN_IN_STARTS_PER_MINUTE: '10000',
    FAILED_SESSION_LOOKUPS_PER_MINUTE: '100000',
    ...overrides,
  };
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined));
}
