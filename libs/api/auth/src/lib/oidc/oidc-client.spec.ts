import { IdTokenRejectedError, checkAudience } from './oidc-client';

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
