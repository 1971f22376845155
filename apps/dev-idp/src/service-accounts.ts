import type { DevIdpConfig } from './config.ts';
import { equalSecrets } from './directory.ts';
import { GRPC, ZitadelError } from './zitadel-errors.ts';

/** The instance the stand-in plays; IAM memberships and the admin API's `details.resourceOwner` name it. */
export const INSTANCE_ID = '270000000000000001';
/** The instance's own ZITADEL project, which `urn:zitadel:iam:org:project:id:zitadel:aud` asks for. */
export const INSTANCE_ZITADEL_PROJECT_ID = '270000000000000002';

/** The permissions the stand-in's endpoints check, and which roles grant them (Zitadel's cmd/defaults.yaml). */
export type Permission = 'user.read' | 'user.write' | 'user.credential.write' | 'session.read' | 'iam.read';

const ROLE_PERMISSIONS: Record<string, readonly Permission[]> = {
  IAM_OWNER: ['iam.read', 'user.read', 'user.write', 'user.credential.write', 'session.read'],
  ORG_OWNER: ['user.read', 'user.write', 'user.credential.write', 'session.read'],
};

/** A membership as Zitadel's auth API lists it: on the instance (IAM) or on one organisation. */
export interface Membership {
  readonly scope: { readonly kind: 'iam' } | { readonly kind: 'org'; readonly organizationId: string };
  readonly roles: readonly string[];
}

/** A machine user with a personal access token, as the backend's REST calls present it. */
export interface ServiceAccount {
  readonly userId: string;
  readonly userName: string;
  /** The organisation the machine user itself belongs to: its context for gateway permission checks. */
  readonly organizationId: string;
  readonly memberships: readonly Membership[];
}

/** The machine user allowed the client-credentials grant (its user name is the client id). */
export interface MachineClient {
  readonly userId: string;
  readonly clientId: string;
  readonly secret: string;
  readonly organizationId: string;
}

/** Service accounts of the instance: the client-credentials machine user and the ones holding personal access tokens. */
export class ServiceAccounts {
  readonly machineClient: MachineClient;
  private readonly byToken: ReadonlyArray<{ readonly token: string; readonly account: ServiceAccount }>;

  constructor(config: DevIdpConfig, instanceOrganizationId: string, knownOrganizations: ReadonlySet<string>) {
    this.machineClient = {
      userId: '280000000000000900',
      clientId: config.machineClient.id,
      secret: config.machineClient.secret,
      organizationId: instanceOrganizationId,
    };
    const unknown = config.orgServiceTokens.filter((entry) => !knownOrganizations.has(entry.organizationId));
    if (unknown.length > 0) {
      throw new Error(
        `DEV_IDP_ORG_SERVICE_TOKENS names organisations the seed does not have: ${unknown.map((entry) => entry.organizationId).join(', ')}`,
      );
    }
    this.byToken = [
      {
        token: config.serviceToken,
        account: {
          userId: '280000000000000901',
          userName: 'instance-service-account',
          organizationId: instanceOrganizationId,
          memberships: [{ scope: { kind: 'iam' }, roles: ['IAM_OWNER'] }],
        },
      },
      ...config.orgServiceTokens.map(({ token, organizationId }, index) => ({
        token,
        account: {
          userId: `2800000000000009${String(10 + index).padStart(2, '0')}`,
          userName: `org-service-account-${organizationId}`,
          organizationId,
          memberships: [{ scope: { kind: 'org' as const, organizationId }, roles: ['ORG_OWNER'] }],
        },
      })),
    ];
  }

  /** The account whose personal access token this is. */
  withToken(token: string): ServiceAccount | undefined {
    let found: ServiceAccount | undefined;
    for (const entry of this.byToken) if (equalSecrets(token, entry.token)) found = entry.account;
    return found;
  }
}

/**
 * Zitadel's `authz.CheckPermission` (internal/api/authz/permissions.go, getUserPermissions and
 * checkUserResourcePermissions), as the v2 commands and queries call it with the target's organisation: only
 * memberships on the instance or on that organisation count. None at all: NotFound `AUTHZ-cdgFk`; some, but none
 * granting the permission: PermissionDenied `AUTH-AWfge`.
 */
export function checkPermission(account: ServiceAccount, permission: Permission, organizationId: string): void {
  const relevant = account.memberships.filter(
    ({ scope }) => scope.kind === 'iam' || scope.organizationId === organizationId,
  );
  if (relevant.length === 0) throw new ZitadelError(GRPC.NOT_FOUND, 'AUTHZ-cdgFk', 'membership not found');
  if (!grants(relevant, permission)) {
    throw new ZitadelError(GRPC.PERMISSION_DENIED, 'AUTH-AWfge', 'No matching permissions found');
  }
}

/**
 * The gateway's check for methods whose proto option names a permission (internal/api/authz/authorization.go,
 * checkUserPermissions), in the caller's own organisation context: PermissionDenied `AUTH-5mWD2` without it.
 */
export function checkGatewayPermission(account: ServiceAccount, permission: Permission): void {
  const relevant = account.memberships.filter(
    ({ scope }) => scope.kind === 'iam' || scope.organizationId === account.organizationId,
  );
  if (relevant.length === 0) throw new ZitadelError(GRPC.NOT_FOUND, 'AUTHZ-cdgFk', 'membership not found');
  if (!grants(relevant, permission)) {
    throw new ZitadelError(GRPC.PERMISSION_DENIED, 'AUTH-5mWD2', 'No matching permissions found');
  }
}

function grants(memberships: readonly Membership[], permission: Permission): boolean {
  return memberships.some(({ roles }) => roles.some((role) => ROLE_PERMISSIONS[role]?.includes(permission)));
}
