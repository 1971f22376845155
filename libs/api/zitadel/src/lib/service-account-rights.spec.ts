import { Logger } from '@nestjs/common';
import type { DependencyReadiness, ReadinessChecks } from '@aidial/api/core';
import { ServiceAccountRights, missingPermissions } from './service-account-rights';
import { ZitadelApiError, type ZitadelClient, ZitadelUnavailableError } from './zitadel-client';

const instance = (...roles: string[]) => ({ instance: true, roles });
const organisation = (...roles: string[]) => ({ instance: false, roles });

describe('missingPermissions (ZITADEL default role mapping, instance memberships only)', () => {
  it.each([
    [[instance('IAM_OWNER')], []],
    [[instance('IAM_LOGIN_CLIENT')], []],
    [[instance('IAM_ORG_MANAGER'), instance('IAM_OWNER_VIEWER')], []],
    [[instance('IAM_ORG_MANAGER', 'IAM_OWNER_VIEWER')], []],
    [[instance('IAM_USER_MANAGER')], ['user.credential.write', 'iam.read']],
    [[instance('IAM_OWNER_VIEWER')], ['user.write', 'user.credential.write']],
    // An organisation owner has every user right, but only in its own organisation: one tenant of many.
    [[organisation('ORG_OWNER')], ['user.read', 'user.write', 'user.credential.write', 'session.read', 'iam.read']],
    [[organisation('IAM_OWNER')], ['user.read', 'user.write', 'user.credential.write', 'session.read', 'iam.read']],
    [[instance('SOMETHING_CUSTOM')], ['user.read', 'user.write', 'user.credential.write', 'session.read', 'iam.read']],
    [[], ['user.read', 'user.write', 'user.credential.write', 'session.read', 'iam.read']],
  ])('%j lacks %j', (memberships, missing) => {
    expect(missingPermissions(memberships)).toEqual(missing);
  });
});

describe('ServiceAccountRights', () => {
  // Its log lines are the operator's; here they would only bury the results.
  beforeAll(() => Logger.overrideLogger(false));
  afterAll(() => Logger.overrideLogger(['log', 'error', 'warn', 'debug', 'verbose', 'fatal']));
  function rightsWith(ownMemberships: () => Promise<Array<{ instance: boolean; roles: string[] }>>) {
    let registered: (() => DependencyReadiness) | undefined;
    const readiness = {
      register: (_name: string, check: () => DependencyReadiness, code: string) => {
        expect(code).toBe('identity_provider_misconfigured');
        registered = check;
      },
    };
    let refused: ((error: ZitadelApiError) => void) | undefined;
    const client = { ownMemberships, onPermissionRefused: (listener: typeof refused) => (refused = listener) };
    const rights = new ServiceAccountRights(
      client as unknown as ZitadelClient,
      readiness as unknown as ReadinessChecks,
    );
    return { rights, probe: () => registered?.(), refuse: (error: ZitadelApiError) => refused?.(error) };
  }

  it('reports up for an instance owner and down, naming the fix, for an organisation-scoped account', async () => {
    expect(await rightsWith(async () => [instance('IAM_OWNER')]).rights.check()).toEqual({ status: 'up' });
    const scoped = rightsWith(async () => [organisation('ORG_OWNER')]);
    await scoped.rights.check();
    expect(scoped.probe()).toMatchObject({ status: 'down', detail: expect.stringContaining('IAM_ORG_MANAGER') });
  });

  it('reports down when ZITADEL refuses the token itself', async () => {
    const refused = rightsWith(async () => {
      throw new ZitadelApiError(401, 16, 'AUTH-7fs1e', 'Token is invalid');
    });
    expect((await refused.rights.check()).status).toBe('down');
  });

  it('stays unknown through an outage, and keeps a known fault through one', async () => {
    let answer: () => Promise<Array<{ instance: boolean; roles: string[] }>> = async () => {
      throw new ZitadelUnavailableError('down');
    };
    const { rights } = rightsWith(() => answer());
    expect((await rights.check()).status).toBe('unknown');
    answer = async () => [organisation('ORG_OWNER')];
    expect((await rights.check()).status).toBe('down');
    answer = async () => {
      throw new ZitadelUnavailableError('down');
    };
    expect((await rights.check()).status).toBe('down');
  });

  it('turns down at once when any call through the client is refused for lack of permission', async () => {
    const { rights, probe, refuse } = rightsWith(async () => [instance('IAM_OWNER')]);
    await rights.check();
    expect(probe()?.status).toBe('up');
    refuse(new ZitadelApiError(404, 5, 'AUTHZ-cdgFk', 'membership not found'));
    expect(probe()?.status).toBe('down');
  });
});
