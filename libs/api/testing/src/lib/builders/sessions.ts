import { randomBytes } from 'node:crypto';
import type { DataSource, FindOptionsWhere, QueryDeepPartialEntity } from 'typeorm';
import { SessionEntity } from '@aidial/api/sessions';
import { PortalUserEntity } from '@aidial/api/tenancy';
import { type Interval, ago, databaseNow, fromNow } from './database-time';
import { type TenantRef, findTenantId } from './tenants';
import { type UserRef, findUserId } from './users';

/** A session by id, or every session matching a condition (`{ idpSubject, endedAt: IsNull() }`). */
export type SessionRef = string | FindOptionsWhere<SessionEntity>;

/**
 * A live session of `user` in `tenant`, as sign-in would leave it: signed in with a password just now, 30 minutes of
 * idle time and 8 hours in all. Its cookie is random and unknown, so no browser can present it; answers its id.
 */
export async function aSession(
  ds: DataSource,
  user: UserRef,
  tenant: TenantRef,
  overrides: QueryDeepPartialEntity<SessionEntity> = {},
): Promise<string> {
  const person = await ds.getRepository(PortalUserEntity).findOneByOrFail({ id: await findUserId(ds, user) });
  const inserted = await ds.getRepository(SessionEntity).insert({
    tokenHash: randomBytes(32),
    userId: person.id,
    tenantId: await findTenantId(ds, tenant),
    idpSubject: person.idpSubject,
    tokensEncrypted: 'sealed',
    amr: ['pwd'],
    authTime: databaseNow,
    lastSeenAt: databaseNow,
    idleExpiresAt: fromNow('30 minutes'),
    absoluteExpiresAt: fromNow('8 hours'),
    ...overrides,
  });
  return (inserted.identifiers[0] as { id: string }).id;
}

export async function changeSessions(
  ds: DataSource,
  session: SessionRef,
  changes: QueryDeepPartialEntity<SessionEntity>,
): Promise<void> {
  await ds.getRepository(SessionEntity).update(session, changes);
}

/**
 * Lets a session run out: `idle` moves its idle deadline `since` into the past; `absolute` moves both deadlines there
 * (the idle deadline never outlives the absolute one).
 */
export async function expireSession(
  ds: DataSource,
  session: SessionRef,
  limit: 'idle' | 'absolute',
  since: Interval = '1 second',
): Promise<void> {
  await changeSessions(
    ds,
    session,
    limit === 'idle' ? { idleExpiresAt: ago(since) } : { idleExpiresAt: ago(since), absoluteExpiresAt: ago(since) },
  );
}

/** Moves an ended session's end `since` into the past, as if it had ended then. */
export async function endedAgo(ds: DataSource, session: SessionRef, since: Interval): Promise<void> {
  await changeSessions(ds, session, { endedAt: ago(since) });
}

export async function removeSession(ds: DataSource, sessionId: string): Promise<void> {
  await ds.getRepository(SessionEntity).delete(sessionId);
}
