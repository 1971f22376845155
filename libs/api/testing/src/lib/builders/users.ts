import { randomUUID } from 'node:crypto';
import type { DataSource, QueryDeepPartialEntity } from 'typeorm';
import { MembershipEntity, PortalUserEntity, TenantEntity } from '@aidial/api/tenancy';

/** A user by id, or by email (the demo seed's people are known by email). */
export type UserRef = string | { readonly email: string };

export async function findUserId(ds: DataSource, user: UserRef): Promise<string> {
  if (typeof user === 'string') return user;
  const row = await ds.getRepository(PortalUserEntity).findOneBy({ email: user.email });
  if (!row) throw new Error(`no user with email ${user.email}`);
  return row.id;
}

/** A new active user with a unique provider subject and email. */
export async function aUser(ds: DataSource, overrides: Partial<PortalUserEntity> = {}): Promise<PortalUserEntity> {
  const repository = ds.getRepository(PortalUserEntity);
  const unique = randomUUID();
  return repository.save(
    repository.create({ idpSubject: unique, email: `${unique}@example.test`, displayName: 'Test User', ...overrides }),
  );
}

/** A new user holding `role` in `tenantId`. */
export async function aMember(
  ds: DataSource,
  tenantId: string,
  role: string,
  user: Partial<PortalUserEntity> = {},
): Promise<{ user: PortalUserEntity; membership: MembershipEntity }> {
  const person = await aUser(ds, user);
  const repository = ds.getRepository(MembershipEntity);
  const membership = await repository.save(repository.create({ userId: person.id, tenantId, role }));
  return { user: person, membership };
}

export async function changeUser(
  ds: DataSource,
  user: UserRef,
  changes: QueryDeepPartialEntity<PortalUserEntity>,
): Promise<void> {
  await ds.getRepository(PortalUserEntity).update(await findUserId(ds, user), changes);
}

/** A user's first membership (the one sign-in opens). */
export async function firstMembershipOf(ds: DataSource, user: UserRef): Promise<MembershipEntity> {
  return ds
    .getRepository(MembershipEntity)
    .findOneOrFail({ where: { userId: await findUserId(ds, user) }, order: { createdAt: 'ASC' } });
}

/**
 * Gives a membership another role, as if an administrator had changed it. The role is free text on purpose: a value
 * outside the seven roles is how a test reaches the `access_denied` path.
 */
export async function changeRole(ds: DataSource, membershipId: string, role: string): Promise<void> {
  await ds.getRepository(MembershipEntity).update(membershipId, { role });
}

export async function removeMemberships(ds: DataSource, user: UserRef): Promise<void> {
  await ds.getRepository(MembershipEntity).delete({ userId: await findUserId(ds, user) });
}

/** Every tenant and every user back to the role's default MFA policy. */
export async function resetMfaPolicies(ds: DataSource): Promise<void> {
  await ds.createQueryBuilder().update(TenantEntity).set({ mfaPolicy: 'role_default' }).execute();
  await ds.createQueryBuilder().update(PortalUserEntity).set({ mfaPolicy: 'role_default' }).execute();
}
