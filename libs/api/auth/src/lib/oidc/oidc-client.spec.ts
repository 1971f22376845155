import { ClientError, ResponseBodyError } from 'openid-client';
import {
  IdTokenRejectedError,
  IdentityProviderUnavailableError,
  checkAudience,
  checkIdToken,
  classifyProviderError,
} from './oidc-client';

const TRUSTED = { clientId: '280000000000000002', projectId: '280000000000000001' };

describe('checkAudience (ZITADEL: every application of the project plus the project, azp the client)', () => {
  it.each([
    [
      'the project audience with azp, as ZITADEL mints it',
      { aud: [TRUSTED.clientId, TRUSTED.projectId], azp: TRUSTED.clientId },
    ],
    ['the client id alone with azp', { aud: TRUSTED.clientId, azp: TRUSTED.clientId }],
    ['the client id alone in a list with azp', { aud: [TRUSTED.clientId], azp: TRUSTED.clientId }],
  ])('accepts %s', (_, payload) => {
    expect(() => checkAudience(payload, TRUSTED)).not.toThrow();
  });

  it.each([
    ['another audience only', { aud: 'another-client' }, 'not meant for this client'],
    [
      'the project without the client',
      { aud: [TRUSTED.projectId], azp: TRUSTED.clientId },
      'not meant for this client',
    ],
    [
      'an untrusted extra audience',
      { aud: [TRUSTED.clientId, TRUSTED.projectId, 'another-client'], azp: TRUSTED.clientId },
      'does not trust',
    ],
    ['several audiences without azp', { aud: [TRUSTED.clientId, TRUSTED.projectId] }, 'no azp'],
    // ZITADEL always sets azp: a token without one was not minted by it for this client.
    ['the client id alone without azp', { aud: TRUSTED.clientId }, 'no azp'],
    [
      'azp naming another client',
      { aud: [TRUSTED.clientId, TRUSTED.projectId], azp: 'another-client' },
      'azp is another client',
    ],
    ['azp naming the project', { aud: [TRUSTED.clientId, TRUSTED.projectId], azp: TRUSTED.projectId }, 'azp'],
  ])('refuses %s', (_, payload, reason) => {
    expect(() => checkAudience(payload, TRUSTED)).toThrow(IdTokenRejectedError);
    expect(() => checkAudience(payload, TRUSTED)).toThrow(reason);
  });
});

/** A compact JWS with this header; checkIdToken reads only the header (openid-client has verified the signature). */
function tokenWithHeader(header: Record<string, unknown>): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${encode(header)}.${encode({})}.c2ln`;
}

describe('checkIdToken (the checks openid-client does not make)', () => {
  const now = Date.UTC(2026, 11, 7, 12, 0, 0);
  const seconds = Math.floor(now / 1000);
  const good = {
    aud: [TRUSTED.clientId, TRUSTED.projectId],
    azp: TRUSTED.clientId,
    iat: seconds - 5,
    auth_time: seconds - 30,
  };

  it('accepts a fresh RS256 token for this client and its project', () => {
    expect(() => checkIdToken(tokenWithHeader({ alg: 'RS256', kid: 'k' }), good, TRUSTED, now)).not.toThrow();
  });

  it.each([
    ['alg none', { alg: 'none' }, good, 'not accepted'],
    ['HS256 keyed with the client secret', { alg: 'HS256' }, good, 'not accepted'],
    ['no alg', {}, good, 'not accepted'],
    ['an untrusted extra audience', { alg: 'RS256' }, { ...good, aud: [TRUSTED.clientId, 'x'] }, 'does not trust'],
    ['an iat older than ten minutes', { alg: 'RS256' }, { ...good, iat: seconds - 601 }, 'too long ago'],
    ['no auth_time', { alg: 'ES256' }, { ...good, auth_time: undefined }, 'auth_time'],
    ['an auth_time in the future', { alg: 'EdDSA' }, { ...good, auth_time: seconds + 120 }, 'auth_time'],
  ])('refuses %s', (_, header, claims, reason) => {
    expect(() => checkIdToken(tokenWithHeader(header), claims, TRUSTED, now)).toThrow(IdTokenRejectedError);
    expect(() => checkIdToken(tokenWithHeader(header), claims, TRUSTED, now)).toThrow(reason);
  });
});

describe('classifyProviderError (unavailable versus refused)', () => {
  const fetchFailed = Object.assign(new TypeError('fetch failed'), {
    cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
  });

  it.each([
    ['a refused connection', fetchFailed],
    ['the same wrapped by the library', new ClientError('something went wrong', { cause: fetchFailed })],
    ['a timeout', new DOMException('The operation timed out.', 'TimeoutError')],
    [
      'a 5xx error body',
      new ResponseBodyError('server error', {
        cause: { error: 'server_error' },
        response: new Response(null, { status: 503 }),
      }),
    ],
  ])('says the provider is unavailable for %s', (_, error) => {
    expect(classifyProviderError(error, 'code exchange')).toBeInstanceOf(IdentityProviderUnavailableError);
  });

  it.each([
    [
      'invalid_grant',
      new ResponseBodyError('invalid grant', {
        cause: { error: 'invalid_grant' },
        response: new Response(null, { status: 400 }),
      }),
    ],
    ['a failed claim check', new ClientError('unexpected JWT claim value encountered')],
    ['anything else', new Error('unexpected')],
  ])('says the answer was refused for %s', (_, error) => {
    expect(classifyProviderError(error, 'code exchange')).toBeInstanceOf(IdTokenRejectedError);
  });
});
