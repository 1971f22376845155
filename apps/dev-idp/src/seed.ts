import { readFileSync } from 'node:fs';

/** The parts of tools/demo/seed.json the identity provider needs (tools/demo/README.md describes the whole file). */
export interface SeedTenant {
  readonly key: string;
  readonly name: string;
  readonly idpOrganization: { readonly id: string; readonly domain: string };
}

export interface SeedUser {
  readonly sub: string;
  readonly email: string;
  readonly displayName: string;
  readonly givenName: string;
  readonly familyName: string;
  readonly password: string;
  readonly tenant: string;
  readonly role: string;
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
    if (!tenantKeys.has(user.tenant)) problems.push(`${user.email}: unknown tenant ${user.tenant}`);
    if (subjects.has(user.sub)) problems.push(`${user.email}: duplicate sub ${user.sub}`);
    if (emails.has(user.email.toLowerCase())) problems.push(`duplicate email ${user.email}`);
    subjects.add(user.sub);
    emails.add(user.email.toLowerCase());
  }
  if (problems.length > 0) throw new Error(`${file}:\n  - ${problems.join('\n  - ')}`);
  return seed;
}
