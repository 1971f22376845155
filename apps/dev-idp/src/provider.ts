import { randomUUID } from 'node:crypto';
import Provider, { type Account, type Configuration, type KoaContext, type OidcContext } from 'oidc-provider';
import type { DevIdpConfig, LoginUi } from './config.ts';
import type { Directory, UserAccount } from './directory.ts';
import { html, sendPage } from './html.ts';
import { signRs256 } from './jwt.ts';
import type { MemoryStorage } from './memory-adapter.ts';
import type { SigningKey } from './signing-keys.ts';

/** Zitadel's OIDC paths under the issuer (DESIGN.md §12); discovery stays at /.well-known/openid-configuration. */
export const ROUTES = {
  authorization: '/oauth/v2/authorize',
  token: '/oauth/v2/token',
  introspection: '/oauth/v2/introspect',
  revocation: '/oauth/v2/revoke',
  jwks: '/oauth/v2/keys',
  userinfo: '/oidc/v1/userinfo',
  end_session: '/oidc/v1/end_session',
} as const;

/**
 * The hosted sign-in pages live under the instance's login (v2: /ui/v2/login, v1: /ui/login), one path per
 * interaction (so its cookie is scoped to it).
 */
export function interactionPath(loginUi: LoginUi): string {
  return loginUi === 'v2' ? '/ui/v2/login/interaction' : '/ui/login/interaction';
}

/** The provider's own console signs users in like any application, as Zitadel's console does. */
export const CONSOLE_CLIENT_ID = 'dev-idp-console';
export const CONSOLE_CALLBACK_PATH = '/ui/console/auth/callback';

/** Scopes that make Zitadel add its own claims (reserved scopes in Zitadel's documentation). */
export const ROLES_SCOPE = 'urn:zitadel:iam:org:projects:roles';
export const RESOURCE_OWNER_SCOPE = 'urn:zitadel:iam:user:resourceowner';
export const ROLES_CLAIM = 'urn:zitadel:iam:org:project:roles';

export interface ProviderDependencies {
  readonly config: DevIdpConfig;
  readonly issuer: string;
  readonly directory: Directory;
  readonly signingKey: SigningKey;
  readonly cookieKeys: readonly string[];
  readonly storage: MemoryStorage;
}

export function createProvider({
  config,
  issuer,
  directory,
  signingKey,
  cookieKeys,
  storage,
}: ProviderDependencies): Provider {
  const projectRolesClaim = `urn:zitadel:iam:org:project:${config.projectId}:roles`;

  const configuration: Configuration = {
    adapter: storage.adapterFor,
    routes: ROUTES,
    clients: [
      {
        client_id: config.portalClient.id,
        client_secret: config.portalClient.secret,
        redirect_uris: config.portalClient.redirectUris,
        post_logout_redirect_uris: config.portalClient.postLogoutRedirectUris,
        response_types: ['code'],
        grant_types: ['authorization_code', 'refresh_token'],
        token_endpoint_auth_method: 'client_secret_post',
        id_token_signed_response_alg: 'RS256',
        // ZITADEL's OIDC app setting `backChannelLogoutUri`; it always sends `sid` (back_channel_logout_worker.go).
        ...(config.portalClient.backchannelLogoutUri
          ? {
              backchannel_logout_uri: config.portalClient.backchannelLogoutUri,
              backchannel_logout_session_required: true,
            }
          : {}),
      },
      {
        client_id: CONSOLE_CLIENT_ID,
        redirect_uris: [`${issuer}${CONSOLE_CALLBACK_PATH}`],
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: 'none',
      },
    ],
    jwks: { keys: [signingKey.jwk] },
    cookies: {
      keys: cookieKeys,
      long: { signed: true, httpOnly: true, sameSite: 'lax' },
      short: { signed: true, httpOnly: true, sameSite: 'lax' },
    },
    responseTypes: ['code'],
    scopes: ['openid', 'offline_access'],
    claims: {
      acr: null,
      sid: null,
      auth_time: null,
      iss: null,
      amr: null,
      // `amr` and `auth_time` ride on `openid`, so every ID token carries them; userinfo never does (they are not
      // account claims), which is where Zitadel puts them too.
      openid: ['sub', 'auth_time', 'amr'],
      email: ['email', 'email_verified'],
      profile: ['name', 'given_name', 'family_name', 'preferred_username', 'locale', 'updated_at'],
      phone: ['phone_number', 'phone_number_verified'],
      [ROLES_SCOPE]: [ROLES_CLAIM, projectRolesClaim],
      [RESOURCE_OWNER_SCOPE]: [
        'urn:zitadel:iam:user:resourceowner:id',
        'urn:zitadel:iam:user:resourceowner:name',
        'urn:zitadel:iam:user:resourceowner:primary_domain',
      ],
    },
    // Zitadel's "User Info inside ID Token": the scope's claims go into the ID token as well as userinfo.
    conformIdTokenClaims: false,
    pkce: { required: (_ctx: KoaContext, client: { clientAuthMethod: string }) => client.clientAuthMethod === 'none' },
    features: {
      devInteractions: { enabled: false },
      introspection: { enabled: true, allowedPolicy: async () => true },
      revocation: {
        enabled: true,
        allowedPolicy: async (_ctx: KoaContext, client: { clientId: string }, token: { clientId: string }) =>
          token.clientId === client.clientId,
      },
      rpInitiatedLogout: { enabled: true, logoutSource, postLogoutSuccessSource },
      // ZITADEL's instance feature `enable_back_channel_logout` (on here): discovery then advertises
      // backchannel_logout_supported and backchannel_logout_session_supported, as ZITADEL's does.
      backchannelLogout: { enabled: true },
      pushedAuthorizationRequests: { enabled: false },
      userinfo: { enabled: true },
    },
    // Zitadel issues a refresh token to an application allowed the grant that asks for offline_access, without a
    // consent prompt; oidc-provider would drop offline_access without prompt=consent, so issue it whenever allowed.
    issueRefreshToken: async (_ctx: KoaContext, client: { grantTypeAllowed(type: string): boolean }) =>
      client.grantTypeAllowed('refresh_token'),
    interactions: {
      url: (_ctx: KoaContext, interaction: { uid: string }) => `${interactionPath(config.loginUi)}/${interaction.uid}`,
    },
    loadExistingGrant,
    findAccount: async (_ctx: KoaContext, sub: string): Promise<Account | undefined> => {
      const user = directory.findById(sub);
      return user ? { accountId: user.id, claims: async () => accountClaims(user, projectRolesClaim) } : undefined;
    },
    clientBasedCORS: () => false,
    renderError,
    ttl: {
      AccessToken: config.accessTokenTtlSeconds,
      AuthorizationCode: 60,
      IdToken: 60 * 60,
      RefreshToken: 24 * 60 * 60,
      Interaction: 60 * 60,
      Session: 12 * 60 * 60,
      Grant: 12 * 60 * 60,
    },
  };
  const provider = new Provider(issuer, configuration);
  // Zitadel always puts `sid` in the ID token; oidc-provider does so only for clients with back-channel logout sessions
  // or when the claims parameter asks for it. This is the one oidc-provider internal the dev-idp overrides.
  Object.defineProperty(provider.Client.prototype, 'includeSid', { value: () => true });
  // The logout token as ZITADEL mints it, not as oidc-provider would (`typ: logout+jwt`, two minutes): see
  // sendLogoutToken. The second oidc-provider internal the dev-idp overrides.
  Object.defineProperty(provider.Client.prototype, 'backchannelLogout', {
    value(this: { clientId: string; backchannelLogoutUri: string }, sub: string, sid: string) {
      return sendLogoutToken({ issuer, signingKey, clientId: this.clientId, uri: this.backchannelLogoutUri, sub, sid });
    },
  });
  return provider;
}

/** ZITADEL's default logout-token lifetime (`BackChannelLogoutWorkerConfig.TokenLifetime`, "15min after the issued at time" in its guide). */
const LOGOUT_TOKEN_LIFETIME_SECONDS = 15 * 60;

/**
 * One back-channel logout request as ZITADEL sends it (internal/notification/handlers/back_channel_logout_worker.go
 * `logoutToken`, zitadel/oidc pkg/oidc/token.go `NewLogoutTokenClaims`): a JWT signed with the instance key and
 * header `typ: JWT` (internal/api/oidc/sign/signer.go), claims `iss`, `sub`, `aud` = [client id], `iat` = now − 1 s,
 * `exp`, `jti`, `events` = {back-channel logout: {}}, `sid`; posted as the form field `logout_token`.
 */
async function sendLogoutToken(request: {
  issuer: string;
  signingKey: SigningKey;
  clientId: string;
  uri: string;
  sub: string;
  sid: string;
}): Promise<void> {
  const now = Math.floor(Date.now() / 1000);
  const token = signRs256(
    { typ: 'JWT' },
    {
      iss: request.issuer,
      sub: request.sub,
      aud: [request.clientId],
      iat: now - 1,
      exp: now + LOGOUT_TOKEN_LIFETIME_SECONDS,
      jti: randomUUID(),
      events: { 'http://schemas.openid.net/event/backchannel-logout': {} },
      sid: request.sid,
    },
    request.signingKey,
  );
  const response = await fetch(request.uri, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ logout_token: token }),
  });
  await response.arrayBuffer();
  if (response.status < 200 || response.status > 299) {
    throw new Error(`back-channel logout to ${request.uri} answered ${response.status}`);
  }
}

function accountClaims(user: UserAccount, projectRolesClaim: string): Record<string, unknown> {
  // Zitadel's shape (the code, not the documentation's array): { roleKey: { orgId: orgDomain } }.
  const roles = user.role === null ? {} : { [user.role]: { [user.organization.id]: user.organization.domain } };
  return {
    sub: user.id,
    email: user.email,
    email_verified: true,
    name: user.displayName,
    given_name: user.givenName,
    family_name: user.familyName,
    preferred_username: user.email,
    locale: 'en',
    updated_at: Math.floor(user.changedAt.getTime() / 1000),
    ...(user.phone ? { phone_number: user.phone.number, phone_number_verified: user.phone.verified } : {}),
    [ROLES_CLAIM]: roles,
    [projectRolesClaim]: roles,
    'urn:zitadel:iam:user:resourceowner:id': user.organization.id,
    'urn:zitadel:iam:user:resourceowner:name': user.organization.name,
    'urn:zitadel:iam:user:resourceowner:primary_domain': user.organization.domain,
  };
}

/** No consent screen: the grant always holds every scope and claim asked for (Zitadel does not ask either). */
async function loadExistingGrant(ctx: KoaContext) {
  const oidc = ctx.oidc as OidcContext;
  // oidc-provider calls this only once the session has an account.
  const accountId = oidc.account?.accountId ?? oidc.session.accountId ?? '';
  const clientId = oidc.client?.clientId ?? '';
  const existingId = oidc.result?.consent?.grantId ?? oidc.session.grantIdFor(clientId);
  let grant = existingId ? await oidc.provider.Grant.find(existingId) : undefined;
  if (!grant || grant.accountId !== accountId) grant = new oidc.provider.Grant({ accountId, clientId });
  grant.addOIDCScope([...oidc.requestParamOIDCScopes].join(' '));
  if (oidc.requestParamClaims.size > 0) grant.addOIDCClaims([...oidc.requestParamClaims]);
  await grant.save();
  return grant;
}

/** Zitadel does not ask "do you want to sign out?": the confirmation form submits itself (and ends the whole session). */
async function logoutSource(ctx: KoaContext, form: string): Promise<void> {
  const autoSubmitting = form
    .replace('<form id="op.logoutForm"', '<form id="op.logoutForm" data-autosubmit')
    .replace(
      '</form>',
      '<input type="hidden" name="logout" value="yes"><button type="submit">Continue signing out</button></form>',
    );
  sendPage(ctx, {
    title: 'Signing out…',
    body: html`<p>You are being signed out.</p>
      ${{ html: autoSubmitting }}`,
  });
}

async function postLogoutSuccessSource(ctx: KoaContext): Promise<void> {
  sendPage(ctx, { title: 'Signed out', body: html`<p>You are signed out of the identity provider.</p>` });
}

async function renderError(ctx: KoaContext, out: Record<string, string>): Promise<void> {
  sendPage(ctx, {
    title: 'Sign-in error',
    status: ctx.status,
    body: html`<p class="alert" role="alert">${out.error_description ?? out.error}</p>
      <p class="hint">Error code: <code>${out.error}</code>. Go back to the application and start again.</p>`,
  });
}
