import { Browser, type DevIdp, demoUsers, jose, signIn, startDevIdp } from '@aidial/stand-ins/testing';

const SCOPE_MISSING =
  'The scope of your request is missing. Please ensure some scopes are requested. If you have any questions, you may contact the administrator of the application.';

let idp: DevIdp;

beforeAll(async () => {
  idp = await startDevIdp();
});

afterAll(async () => {
  await idp.stop();
});

function basic(id: string, secret: string): string {
  return `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`;
}

async function tokenRequest(
  fields: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(new URL('/oauth/v2/token', idp.issuer), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(fields),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function verified(token: string): Promise<jose.JWTPayload> {
  const keys = jose.createRemoteJWKSet(new URL('/oauth/v2/keys', idp.issuer));
  return (await jose.jwtVerify(token, keys, { issuer: idp.issuer, algorithms: ['RS256'] })).payload;
}

const projectAudience = () => `urn:zitadel:iam:org:project:id:${idp.projectId}:aud`;

describe('the client-credentials grant (the machine user only)', () => {
  it('issues the service account a signed JWT whose aud is the project asked for by scope (client_secret_basic)', async () => {
    const answer = await tokenRequest(
      { grant_type: 'client_credentials', scope: `openid ${projectAudience()}` },
      { authorization: basic(idp.machineClientId, idp.machineClientSecret) },
    );

    expect(answer).toEqual({
      status: 200,
      body: { access_token: expect.any(String), token_type: 'Bearer', expires_in: 3600 },
    });
    const claims = await verified(String(answer.body.access_token));
    expect(claims).toEqual({
      iss: idp.issuer,
      sub: expect.stringMatching(/^\d{18}$/),
      aud: [idp.projectId],
      exp: expect.any(Number),
      iat: expect.any(Number),
      nbf: expect.any(Number),
      jti: expect.any(String),
      client_id: idp.machineClientId,
    });
  });

  it('accepts client_secret_post too', async () => {
    const answer = await tokenRequest({
      grant_type: 'client_credentials',
      client_id: idp.machineClientId,
      client_secret: idp.machineClientSecret,
      scope: projectAudience(),
    });

    expect(answer.status).toBe(200);
  });

  it.each([
    ['openid only', 'openid', (machine: string) => [machine]],
    ['the ZITADEL project', 'openid urn:zitadel:iam:org:project:id:zitadel:aud', () => ['270000000000000002']],
  ])('leaves the project out of aud for %s', async (_label, scope, expected) => {
    const answer = await tokenRequest(
      { grant_type: 'client_credentials', scope },
      { authorization: basic(idp.machineClientId, idp.machineClientSecret) },
    );

    expect((await verified(String(answer.body.access_token))).aud).toEqual(expected(idp.machineClientId));
  });

  it('answers the portal web app asking for client credentials with invalid_client "client not found"', async () => {
    expect(
      await tokenRequest({
        grant_type: 'client_credentials',
        client_id: idp.clientId,
        client_secret: idp.clientSecret,
        scope: 'openid',
      }),
    ).toEqual({ status: 401, body: { error: 'invalid_client', error_description: 'client not found' } });
  });

  it('answers a wrong machine secret with invalid_request', async () => {
    expect(
      await tokenRequest(
        { grant_type: 'client_credentials', scope: 'openid' },
        { authorization: basic(idp.machineClientId, 'not-the-secret') },
      ),
    ).toEqual({
      status: 400,
      body: { error: 'invalid_request', error_description: 'Errors.User.Machine.Secret.Invalid' },
    });
  });

  it.each([
    ['no scope', {}],
    ['an empty scope', { scope: '' }],
  ])('answers %s with invalid_request and zitadel/oidc’s description', async (_label, scope) => {
    expect(
      await tokenRequest(
        { grant_type: 'client_credentials', ...scope },
        { authorization: basic(idp.machineClientId, idp.machineClientSecret) },
      ),
    ).toEqual({ status: 400, body: { error: 'invalid_request', error_description: SCOPE_MISSING } });
  });
});

describe('the portal’s access tokens (the app’s JWT access-token type)', () => {
  it('are RS256 JWTs for the client and the project, for the signed-in user', async () => {
    const user = demoUsers.clientStaff;
    const { tokens } = await signIn(idp, new Browser(idp.issuer), user);

    expect(await verified(tokens.access_token)).toEqual({
      iss: idp.issuer,
      sub: user.sub,
      aud: [idp.clientId, idp.projectId],
      exp: expect.any(Number),
      iat: expect.any(Number),
      nbf: expect.any(Number),
      jti: expect.any(String),
      client_id: idp.clientId,
    });
  });

  it('stop working at userinfo once revoked', async () => {
    const { tokens } = await signIn(idp, new Browser(idp.issuer), demoUsers.partnerUser);
    const userinfo = () =>
      fetch(new URL('/oidc/v1/userinfo', idp.issuer), { headers: { authorization: `Bearer ${tokens.access_token}` } });
    expect((await userinfo()).status).toBe(200);

    const revoked = await fetch(new URL('/oauth/v2/revoke', idp.issuer), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        token: tokens.access_token,
        client_id: idp.clientId,
        client_secret: idp.clientSecret,
      }),
    });

    expect(revoked.status).toBe(200);
    expect((await userinfo()).status).toBe(401);
  });
});

describe("the machine user's access token type (ZITADEL's default is opaque)", () => {
  let opaque: DevIdp;
  beforeAll(async () => {
    opaque = await startDevIdp({ DEV_IDP_MACHINE_ACCESS_TOKEN_TYPE: 'bearer' });
  });
  afterAll(() => opaque.stop());

  it('issues an opaque token, not a JWT, unless the machine user is set to JWT', async () => {
    const response = await fetch(new URL('/oauth/v2/token', opaque.issuer), {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: basic(opaque.machineClientId, opaque.machineClientSecret),
      },
      body: new URLSearchParams({ grant_type: 'client_credentials', scope: `openid ${projectAudience()}` }),
    });
    expect(response.status).toBe(200);
    const { access_token: token } = (await response.json()) as { access_token: string };
    expect(token.split('.')).toHaveLength(1);
  });
});
