import {
  type Authorization,
  Browser,
  type DevIdp,
  authorization,
  demoUsers,
  exchange,
  jose,
  startDevIdp,
} from '@aidial/stand-ins/testing';

/** The faults of DESIGN.md §2.1, by the name POST /dev/next-id-token-fault takes. */
const FAULTS = [
  'wrong_iss',
  'wrong_aud',
  'extra_aud',
  'aud_without_azp',
  'wrong_azp',
  'expired',
  'stale_iat',
  'missing_sub',
  'missing_nonce',
  'wrong_nonce',
  'alg_none',
  'hs256_client_secret',
  'bad_signature',
  'unknown_kid',
  'stale_auth_time',
] as const;

let idp: DevIdp;
let jwks: jose.JSONWebKeySet;

beforeAll(async () => {
  idp = await startDevIdp();
  jwks = (await (await fetch(new URL('/oauth/v2/keys', idp.issuer))).json()) as jose.JSONWebKeySet;
});

afterAll(async () => {
  await idp.stop();
});

async function armFault(fault: string): Promise<Response> {
  return fetch(new URL('/dev/next-id-token-fault', idp.issuer), { method: 'POST', body: JSON.stringify({ fault }) });
}

/** A complete password sign-in; returns the ID token the token endpoint answered with, and the request's nonce. */
async function freshIdToken(): Promise<{ idToken: string; request: Authorization }> {
  const user = demoUsers.clientManager;
  const browser = new Browser(idp.issuer);
  const request = authorization(idp, { loginHint: user.email });
  let page = await browser.open(request.url);
  page = await browser.submit(page, '/login-name', { loginName: user.email });
  page = await browser.submit(page, '/password', { password: user.password });
  return { idToken: (await exchange(idp, page, request)).id_token, request };
}

/**
 * Every relying-party check of DESIGN.md §2.1 that an ID token can fail, each answered independently, so a token
 * with exactly one defect yields exactly one name.
 */
async function defectsOf(idToken: string, nonce: string): Promise<string[]> {
  const defects: string[] = [];
  const header = jose.decodeProtectedHeader(idToken);
  const claims = jose.decodeJwt(idToken);
  const now = Math.floor(Date.now() / 1000);

  if (header.alg === 'none') {
    defects.push('alg_none');
  } else if (header.alg === 'HS256') {
    await jose.compactVerify(idToken, new TextEncoder().encode(idp.clientSecret));
    defects.push('hs256_client_secret');
  } else {
    const key = jwks.keys.find((candidate) => candidate.kid === header.kid);
    if (!key) {
      defects.push('unknown_kid');
    } else {
      try {
        await jose.compactVerify(idToken, jose.createLocalJWKSet(jwks), { algorithms: ['RS256'] });
      } catch {
        defects.push('bad_signature');
      }
    }
  }
  if (claims.iss !== idp.issuer) defects.push('wrong_iss');
  const audience = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (!audience.includes(idp.clientId)) defects.push('wrong_aud');
  else if (JSON.stringify(audience) !== JSON.stringify([idp.clientId, idp.projectId])) defects.push('extra_aud');
  if (claims.azp === undefined) defects.push('aud_without_azp');
  else if (claims.azp !== idp.clientId) defects.push('wrong_azp');
  if (typeof claims.exp !== 'number' || claims.exp <= now) defects.push('expired');
  if (typeof claims.iat !== 'number' || claims.iat < now - 10 * 60) defects.push('stale_iat');
  if (claims.sub === undefined) defects.push('missing_sub');
  if (claims.nonce === undefined) defects.push('missing_nonce');
  else if (claims.nonce !== nonce) defects.push('wrong_nonce');
  // The sign-in just happened; a kept provider session from an hour ago is a defect only against a step-up's max_age.
  if (typeof claims.auth_time !== 'number' || claims.auth_time < now - 10 * 60) defects.push('stale_auth_time');
  return defects;
}

/** What jose does with each fault when configured as the backend will be (DESIGN.md §2.1). */
async function joseVerdict(idToken: string): Promise<string> {
  try {
    await jose.jwtVerify(idToken, jose.createRemoteJWKSet(new URL('/oauth/v2/keys', idp.issuer)), {
      issuer: idp.issuer,
      audience: idp.clientId,
      algorithms: ['RS256'],
      requiredClaims: ['sub', 'nonce', 'auth_time'],
      maxTokenAge: '10 minutes',
    });
    return 'accepted';
  } catch (error) {
    const { code, claim } = error as { code?: string; claim?: string };
    return claim ? `${code}:${claim}` : String(code);
  }
}

describe('the audience of every ID token, as Zitadel sets it', () => {
  it('puts the client and the project in aud, and the client in azp, on the code grant and the refresh grant', async () => {
    const user = demoUsers.clientManager;
    const browser = new Browser(idp.issuer);
    const request = authorization(idp, { loginHint: user.email, scope: 'openid profile email offline_access' });
    let page = await browser.open(request.url);
    page = await browser.submit(page, '/login-name', { loginName: user.email });
    page = await browser.submit(page, '/password', { password: user.password });
    const tokens = (await exchange(idp, page, request)) as Awaited<ReturnType<typeof exchange>> & {
      refresh_token: string;
    };

    expect(jose.decodeJwt(tokens.id_token)).toMatchObject({ aud: [idp.clientId, idp.projectId], azp: idp.clientId });
    const refreshed = await fetch(new URL('/oauth/v2/token', idp.issuer), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: tokens.refresh_token,
        client_id: idp.clientId,
        client_secret: idp.clientSecret,
      }),
    });
    expect(refreshed.status).toBe(200);
    const again = (await refreshed.json()) as { id_token: string; access_token: string };
    const { payload } = await jose.jwtVerify(again.id_token, jose.createLocalJWKSet(jwks), {
      issuer: idp.issuer,
      audience: idp.clientId,
      algorithms: ['RS256'],
    });
    expect(payload).toMatchObject({ aud: [idp.clientId, idp.projectId], azp: idp.clientId, sub: user.sub });
    expect(jose.decodeJwt(again.access_token)).toMatchObject({ aud: [idp.clientId, idp.projectId], sub: user.sub });
  });
});

describe('bad ID tokens on request (POST /dev/next-id-token-fault)', () => {
  it('mints a correct ID token when no fault is armed', async () => {
    const { idToken, request } = await freshIdToken();

    expect(await defectsOf(idToken, request.nonce)).toEqual([]);
    expect(await joseVerdict(idToken)).toBe('accepted');
  });

  it.each(FAULTS)('mints the next ID token with %s and nothing else wrong', async (fault) => {
    expect((await armFault(fault)).status).toBe(200);

    const { idToken, request } = await freshIdToken();

    expect(await defectsOf(idToken, request.nonce)).toEqual([fault]);
  });

  it.each([
    ['wrong_iss', 'ERR_JWT_CLAIM_VALIDATION_FAILED:iss'],
    ['wrong_aud', 'ERR_JWT_CLAIM_VALIDATION_FAILED:aud'],
    ['expired', 'ERR_JWT_EXPIRED:exp'],
    // jose reports a token older than maxTokenAge as expired, naming iat.
    ['stale_iat', 'ERR_JWT_EXPIRED:iat'],
    ['missing_sub', 'ERR_JWT_CLAIM_VALIDATION_FAILED:sub'],
    ['missing_nonce', 'ERR_JWT_CLAIM_VALIDATION_FAILED:nonce'],
    ['alg_none', 'ERR_JOSE_ALG_NOT_ALLOWED'],
    ['hs256_client_secret', 'ERR_JOSE_ALG_NOT_ALLOWED'],
    ['bad_signature', 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED'],
    ['unknown_kid', 'ERR_JWKS_NO_MATCHING_KEY'],
    // These pass a library check: the relying party must compare aud, azp and nonce itself.
    ['extra_aud', 'accepted'],
    ['aud_without_azp', 'accepted'],
    ['wrong_azp', 'accepted'],
    ['wrong_nonce', 'accepted'],
    // Only a request that asked for a max_age refuses it (openid-client's maxAge check).
    ['stale_auth_time', 'accepted'],
  ])('%s: jose configured as the backend will be answers %s', async (fault, verdict) => {
    await armFault(fault);

    const { idToken } = await freshIdToken();

    expect(await joseVerdict(idToken)).toBe(verdict);
  });

  it('spends an armed fault on one token only', async () => {
    await armFault('wrong_iss');
    await freshIdToken();

    const { idToken, request } = await freshIdToken();

    expect(await defectsOf(idToken, request.nonce)).toEqual([]);
  });

  it('refuses an unknown fault with 400, naming the ones it knows', async () => {
    const response = await armFault('slightly_off');

    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toBe(`fault must be one of: ${FAULTS.join(', ')}`);
  });
});
