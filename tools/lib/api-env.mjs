// The API's environment for the scripts under tools/: every required variable set explicitly (the API has no defaults).
// The identity provider is the local dev-idp (tools/lib/dev-idp.mjs); the platform API URL points at a closed port until
// the proxy capability brings its stand-in.
import { LOCAL_CLIENT } from './dev-idp.mjs';

export function scriptApiEnv({
  databaseUrl,
  port,
  publicUrl,
  portalDir,
  zitadelIssuer = 'http://127.0.0.1:9',
  logLevel = 'info',
  sessionSecret,
}) {
  return {
    SESSION_SECRET: sessionSecret,
    PUBLIC_URL: publicUrl,
    AIDIAL_API_BASE_URL: 'http://127.0.0.1:9',
    AIDIAL_API_TIMEOUT_MS: '5000',
    ZITADEL_ISSUER: zitadelIssuer,
    ZITADEL_CLIENT_ID: LOCAL_CLIENT.clientId,
    ZITADEL_CLIENT_SECRET: LOCAL_CLIENT.clientSecret,
    ZITADEL_SERVICE_TOKEN: LOCAL_CLIENT.serviceToken,
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    LOG_LEVEL: logLevel,
    ...(portalDir ? { PORTAL_DIR: portalDir } : {}),
  };
}
