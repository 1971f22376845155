import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** The demo password of every account in tools/demo/seed.json (public, demo only). */
export const DEMO_PASSWORD = 'Demo-Passw0rd!';

interface SeedTenant {
  readonly key: string;
  readonly name: string;
}

interface SeedUser {
  readonly sub: string;
  readonly email: string;
  readonly displayName: string;
  readonly tenant: string;
  readonly role: string;
  readonly mfa: { readonly totp?: { readonly secret: string } };
}

export interface DemoUser {
  /** The identity provider's user id (Zitadel's), as the seed gives it. */
  readonly sub: string;
  readonly email: string;
  readonly name: string;
  readonly role: string;
  readonly tenant: string;
  /** The TOTP secret when the user signs in with an authenticator app as the second factor. */
  readonly totpSecret?: string;
}

const seed = JSON.parse(readFileSync(resolve(__dirname, '../../../../tools/demo/seed.json'), 'utf8')) as {
  tenants: SeedTenant[];
  users: SeedUser[];
};

/** A user of the shared demo seed (the same file dev-idp and the API's demo seed read), by email. */
export function demoUser(email: string): DemoUser {
  const user = seed.users.find((candidate) => candidate.email === email);
  if (!user) throw new Error(`${email} is not in tools/demo/seed.json`);
  const tenant = seed.tenants.find((candidate) => candidate.key === user.tenant);
  return {
    sub: user.sub,
    email: user.email,
    name: user.displayName,
    role: user.role,
    tenant: tenant?.name ?? user.tenant,
    totpSecret: user.mfa.totp?.secret,
  };
}
