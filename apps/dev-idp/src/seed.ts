import { readFileSync } from 'node:fs';

/** The parts of tools/demo/seed.json the identity provider needs (tools/demo/README.md describes the whole file). */
export interface SeedTenant {
  readonly key: string;
  readonly name: string;
  readonly kind?: 'customer' | 'partner' | 'internal';
  readonly idpOrganization: { readonly id: string; readonly domain: string };
}

export interface SeedUser {
  readonly sub: string;
  readonly email: string;
  readonly displayName: string;
  readonly givenName: string;
  readonly familyName: string;
  readonly password: string;
  /** Null (with `role` null) for a person with no portal membership yet; their organisation is the one of their email domain. */
  readonly tenant: string | null;
  readonly role: string | null;
  readonly mfa: {
    readonly totp?: { readonly secret: string };
    readonly recoveryCodes?: readonly string[];
    readonly sms?: { readonly phone: string };
  };
}

export interface Seed {
  readonly tenants: readonly SeedTenant[];
  readonly users: readonly SeedUser[];
}

export function loadSeed(file: string): Seed {
  const seed = JSON.parse(readFileSync(file, 'utf8')) as Seed;
  const tenantKeys = new Set(seed.tenants.map((tenant) => tenant.key));
  const problems: string[] = [];
  const subjects = new Set<string>();
  const emails = new Set<string>();
  for (const user of seed.users) {
    if (user.tenant !== null && !tenantKeys.has(user.tenant))
      problems.push(`${user.email}: unknown tenant ${user.tenant}`);
    if (user.tenant === null && user.role !== null) problems.push(`${user.email}: a role without a tenant`);
    if (user.tenant === null && !organizationTenantOf(seed, user))
      problems.push(`${user.email}: no tenant, and no organisation with the email's domain`);
    if (subjects.has(user.sub)) problems.push(`${user.email}: duplicate sub ${user.sub}`);
    if (emails.has(user.email.toLowerCase())) problems.push(`duplicate email ${user.email}`);
    subjects.add(user.sub);
    emails.add(user.email.toLowerCase());
  }
  if (problems.length > 0) throw new Error(`${file}:\n  - ${problems.join('\n  - ')}`);
  return seed;
}

/**
 * The tenant whose identity-provider organisation holds the user: their membership's tenant, or for a user with no
 * membership the organisation of their email domain (as Zitadel places a self-registered user by domain).
 */
export function organizationTenantOf(seed: Seed, user: SeedUser): SeedTenant | undefined {
  const domain = user.email.slice(user.email.lastIndexOf('@') + 1).toLowerCase();
  return seed.tenants.find((tenant) =>
    user.tenant === null ? tenant.idpOrganization.domain === domain : tenant.key === user.tenant,
  );
}
