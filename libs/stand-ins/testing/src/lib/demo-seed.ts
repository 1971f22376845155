import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export interface DemoUser {
  readonly sub: string;
  readonly email: string;
  readonly displayName: string;
  readonly password: string;
  readonly role: string;
  readonly tenant: string;
  readonly mfa: {
    readonly totp?: { readonly secret: string };
    readonly recoveryCodes?: readonly string[];
    readonly sms?: { readonly phone: string };
  };
}

interface DemoTenant {
  readonly key: string;
  readonly idpOrganization: { readonly id: string; readonly domain: string };
}

const seed = JSON.parse(readFileSync(resolve(__dirname, '../../../../../tools/demo/seed.json'), 'utf8')) as {
  tenants: DemoTenant[];
  users: DemoUser[];
};

export const demoTenants: readonly DemoTenant[] = seed.tenants;

function userWhere(description: string, predicate: (user: DemoUser) => boolean): DemoUser {
  const user = seed.users.find(predicate);
  if (!user) throw new Error(`tools/demo/seed.json has no ${description}`);
  return user;
}

const hasNoMfa = (user: DemoUser) => !user.mfa.totp && !user.mfa.sms && !user.mfa.recoveryCodes;

/** The seed's users by the part each plays in the tests. */
export const demoUsers = {
  passwordOnly: userWhere('client_admin without MFA', (user) => user.role === 'client_admin' && hasNoMfa(user)),
  clientManager: userWhere('client_manager', (user) => user.role === 'client_manager'),
  clientStaff: userWhere('client_staff', (user) => user.role === 'client_staff'),
  totp: userWhere(
    'partner_admin with TOTP and recovery codes',
    (user) => user.role === 'partner_admin' && !!user.mfa.totp,
  ),
  totpAdmin: userWhere('aidial_admin with TOTP', (user) => user.role === 'aidial_admin' && !!user.mfa.totp),
  totpOperator: userWhere('aidial_operator with TOTP', (user) => user.role === 'aidial_operator' && !!user.mfa.totp),
  mandatoryWithoutMfa: userWhere(
    'partner_admin without MFA',
    (user) => user.role === 'partner_admin' && hasNoMfa(user),
  ),
  partnerUser: userWhere('partner_user', (user) => user.role === 'partner_user'),
  sms: userWhere('user with the SMS factor', (user) => !!user.mfa.sms),
  unrecognisedRole: userWhere('user with role billing_clerk', (user) => user.role === 'billing_clerk'),
  suspendedTenant: userWhere('user of coastal-realty', (user) => user.tenant === 'coastal-realty'),
} as const;

export function tenantOf(user: DemoUser): DemoTenant {
  const tenant = seed.tenants.find((candidate) => candidate.key === user.tenant);
  if (!tenant) throw new Error(`no tenant ${user.tenant}`);
  return tenant;
}
