import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { type DependencyReadiness, ReadinessChecks } from '@aidial/api/core';
import { ZitadelApiError, ZitadelClient } from './zitadel-client';

/**
 * The ZITADEL permissions the API's calls need, each checked by ZITADEL against the target user's organisation (or
 * the instance): `user.read` (authentication methods), `user.write` (phone), `user.credential.write` (SMS factor),
 * `session.read` (`GET /v2/sessions`), `iam.read` (the instance's SMS providers).
 */
export const REQUIRED_PERMISSIONS = ['user.read', 'user.write', 'user.credential.write', 'session.read', 'iam.read'];

/**
 * Which of them each instance (IAM) role grants in ZITADEL's default role mapping (`cmd/defaults.yaml`,
 * `InternalAuthZ.RolePermissionMappings`). Organisation roles never count: every tenant is an organisation of its own.
 */
const INSTANCE_ROLE_PERMISSIONS: Readonly<Record<string, readonly string[]>> = {
  IAM_OWNER: REQUIRED_PERMISSIONS,
  IAM_LOGIN_CLIENT: REQUIRED_PERMISSIONS,
  IAM_ORG_MANAGER: ['user.read', 'user.write', 'user.credential.write', 'session.read'],
  IAM_OWNER_VIEWER: ['user.read', 'session.read', 'iam.read'],
  IAM_USER_MANAGER: ['user.read', 'user.write', 'session.read'],
};

/** How often the rights are asked again (a fixed deployment is seen within this long). */
export const RIGHTS_CHECK_INTERVAL_MS = 5 * 60_000;

/** The permissions an instance's memberships lack, given ZITADEL's default role mapping. */
export function missingPermissions(
  memberships: ReadonlyArray<{ readonly instance: boolean; readonly roles: readonly string[] }>,
): string[] {
  const granted = new Set(
    memberships
      .filter((membership) => membership.instance)
      .flatMap((membership) => membership.roles.flatMap((role) => INSTANCE_ROLE_PERMISSIONS[role] ?? [])),
  );
  return REQUIRED_PERMISSIONS.filter((permission) => !granted.has(permission));
}

/**
 * Whether ZITADEL_SERVICE_TOKEN's account has the instance-wide rights the API needs (docs/operators.md). Asked at boot
 * and every {@link RIGHTS_CHECK_INTERVAL_MS}; a call that ZITADEL refuses for lack of permission marks it down at once.
 * Reported to the readiness probe as `identity_provider`: `down` turns the probe to 503, so a deployment with a
 * tenant-scoped service account is caught before users are shut out one organisation at a time.
 */
@Injectable()
export class ServiceAccountRights implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('ZitadelServiceAccount');
  private state: DependencyReadiness = { status: 'unknown', detail: 'not asked yet' };
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly zitadel: ZitadelClient,
    readiness: ReadinessChecks,
  ) {
    readiness.register('identity_provider', () => this.state, 'identity_provider_misconfigured');
    zitadel.onPermissionRefused((error) => this.reportRefusal(error));
  }

  onApplicationBootstrap(): void {
    void this.check();
    this.timer = setInterval(() => void this.check(), RIGHTS_CHECK_INTERVAL_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  /** Asks ZITADEL for the account's memberships; resolves with what it learned (never throws). */
  async check(): Promise<DependencyReadiness> {
    try {
      const missing = missingPermissions(await this.zitadel.ownMemberships());
      this.update(
        missing.length === 0
          ? { status: 'up' }
          : {
              status: 'down',
              detail: `ZITADEL_SERVICE_TOKEN's account lacks instance-wide ${missing.join(', ')}: give it the instance roles IAM_ORG_MANAGER and IAM_OWNER_VIEWER (docs/operators.md)`,
            },
      );
    } catch (error) {
      if (error instanceof ZitadelApiError && error.permissionMissing) {
        this.update({ status: 'down', detail: `ZITADEL refused ZITADEL_SERVICE_TOKEN (${error.id ?? error.status})` });
      } else {
        // An outage says nothing about the rights: keep what was known, or stay unknown.
        this.logger.warn({ event: 'zitadel.rights_check_failed', err: error });
        if (this.state.status !== 'down') this.update({ status: 'unknown', detail: 'ZITADEL could not be asked' });
      }
    }
    return this.state;
  }

  /** A live call was refused for lack of permission: the account cannot serve this user's organisation. */
  private reportRefusal(error: ZitadelApiError): void {
    this.update({
      status: 'down',
      detail: `ZITADEL refused a call for lack of permission (${error.id ?? error.status}): the service account needs instance-wide rights (docs/operators.md)`,
    });
  }

  private update(next: DependencyReadiness): void {
    if (next.status !== this.state.status) {
      const log = next.status === 'down' ? 'error' : 'log';
      this.logger[log]({ event: 'zitadel.service_account', status: next.status, detail: next.detail });
    }
    this.state = next;
  }
}
