// The API's environment for the scripts under tools/: every required variable set explicitly (the API has no defaults).
// The identity provider is the local dev-idp (tools/lib/dev-idp.mjs); the platform API is its stand-in
// (tools/lib/dev-platform.mjs) when the caller passes its URL, else a closed port.
import { randomBytes } from 'node:crypto';
import { LOCAL_CLIENT } from './dev-idp.mjs';

export function scriptApiEnv({
  databaseUrl,
  port,
  publicUrl,
  portalDir,
  zitadelIssuer = 'http://127.0.0.1:9',
  logLevel = 'info',
  sessionSecret,
  // A fresh pepper unless the caller keeps one (the local stack does, so its keys survive a restart).
  apiKeyPepper = randomBytes(32).toString('base64url'),
  platformUrl = 'http://127.0.0.1:9',
  // A loopback SMTP relay for security notices (the local stack's mail sink), or none: notices off.
  smtpPort = null,
}) {
  return {
    SESSION_SECRET: sessionSecret,
    PUBLIC_URL: publicUrl,
    AIDIAL_API_BASE_URL: platformUrl,
    AIDIAL_API_TIMEOUT_MS: '5000',
    ZITADEL_ISSUER: zitadelIssuer,
    ZITADEL_CLIENT_ID: LOCAL_CLIENT.clientId,
    ZITADEL_CLIENT_SECRET: LOCAL_CLIENT.clientSecret,
    ZITADEL_PROJECT_ID: LOCAL_CLIENT.projectId,
    ZITADEL_SERVICE_TOKEN: LOCAL_CLIENT.serviceToken,
    ZITADEL_SERVICE_CLIENT_ID: LOCAL_CLIENT.serviceClientId,
    ZITADEL_SERVICE_CLIENT_SECRET: LOCAL_CLIENT.serviceClientSecret,
    DATABASE_URL: databaseUrl,
    API_KEY_PEPPER: apiKeyPepper,
    PORT: String(port),
    LOG_LEVEL: logLevel,
    ...(portalDir ? { PORTAL_DIR: portalDir } : {}),
    ...(smtpPort
      ? {
          SMTP_HOST: '127.0.0.1',
          SMTP_PORT: String(smtpPort),
          SMTP_TLS: 'none',
          NOTICE_FROM: 'AiDial Access <notices@aidial.localhost>',
          NOTICE_DELIVERY_INTERVAL_SECONDS: '2',
        }
      : {}),
  };
}
