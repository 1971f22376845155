// The API's environment for the scripts under tools/: every required variable set explicitly (the API has no defaults).
// The identity provider and platform URLs point at closed ports until those capabilities bring their stand-ins.
export function scriptApiEnv({ databaseUrl, port, publicUrl, portalDir, logLevel = 'info', sessionSecret }) {
  return {
    SESSION_SECRET: sessionSecret,
    PUBLIC_URL: publicUrl,
    AIDIAL_API_BASE_URL: 'http://127.0.0.1:9',
    AIDIAL_API_TIMEOUT_MS: '5000',
    ZITADEL_ISSUER: 'http://127.0.0.1:9',
    ZITADEL_CLIENT_ID: 'aidial-portal',
    ZITADEL_CLIENT_SECRET: 'local-client-secret',
    ZITADEL_SERVICE_TOKEN: 'local-service-token',
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    LOG_LEVEL: logLevel,
    ...(portalDir ? { PORTAL_DIR: portalDir } : {}),
  };
}
