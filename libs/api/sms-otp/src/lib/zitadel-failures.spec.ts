import { ZitadelApiError, ZitadelUnavailableError } from '@aidial/api/zitadel';
import { classifyZitadelFailure } from './zitadel-failures';

const apiError = (status: number, grpcCode: number | null, id: string | null) =>
  new ZitadelApiError(status, grpcCode, id, 'message');

describe('classifyZitadelFailure', () => {
  it.each([
    ['no answer', new ZitadelUnavailableError('timeout'), 'provider_unavailable'],
    ['a refused service token', apiError(401, 16, 'AUTH-7fs1e'), 'provider_refused'],
    ['a service account without the permission', apiError(403, 7, 'AUTH-AWfge'), 'provider_refused'],
    ['a service account without a membership there', apiError(404, 5, 'AUTHZ-cdgFk'), 'provider_refused'],
    ['a phone ZITADEL holds unverified', apiError(400, 9, 'COMMAND-Q54j2'), 'provider_unavailable'],
    ['the factor already added', apiError(409, 6, 'COMMAND-Ad3g2'), 'already_enrolled'],
    ['a number ZITADEL refuses', apiError(400, 3, 'PHONE-so0wa'), 'number_refused'],
    ['a user not yet initialised', apiError(400, 9, 'COMMAND-uz0Uu'), 'provider_unavailable'],
    ['an unknown user', apiError(404, 5, 'COMMAND-ieJ2e'), 'provider_unavailable'],
    ['an answer without an id', apiError(400, null, null), 'provider_unavailable'],
  ])('%s → %s', (_name, error, expected) => {
    expect(classifyZitadelFailure(error)).toBe(expected);
  });

  it('rethrows what is not a Zitadel failure (a bug must not read as an outage)', () => {
    expect(() => classifyZitadelFailure(new TypeError('oops'))).toThrow(TypeError);
  });
});
