import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { RecoveryCodeState } from '@aidial/shared/access';
import { type EntityManager, Repository } from 'typeorm';
import { MfaLifecycleEntity } from './mfa-lifecycle.entity';

export type MfaLifecycle = Pick<MfaLifecycleEntity, 'marker' | 'recoveryCodes' | 'enrolled' | 'knownFactors'>;

/** The only place that reads and writes the `mfa_lifecycle` table (owned by the MFA module). */
@Injectable()
export class MfaLifecycleRepository {
  constructor(@InjectRepository(MfaLifecycleEntity) private readonly lifecycles: Repository<MfaLifecycleEntity>) {}

  /** A user's lifecycle row, or null; with `lock`, held until `manager`'s transaction ends. */
  async find(userId: string, manager?: EntityManager, lock = false): Promise<MfaLifecycle | null> {
    let query = (manager ? manager.withRepository(this.lifecycles) : this.lifecycles)
      .createQueryBuilder('l')
      .select(['l.userId', 'l.marker', 'l.recoveryCodes', 'l.enrolled', 'l.knownFactors'])
      .where('l.userId = :userId', { userId });
    if (lock) query = query.setLock('pessimistic_write');
    return query.getOne();
  }

  /** Writes a transition of an existing row: a new marker and state, stamped now. */
  async transition(
    manager: EntityManager,
    userId: string,
    change: { readonly marker: string; readonly recoveryCodes: RecoveryCodeState },
  ): Promise<void> {
    await manager.withRepository(this.lifecycles).update({ userId }, { ...change, updatedAt: () => 'now()' });
  }

  /** Creates or replaces a user's row (the sign-in's transition), stamped now. */
  async save(manager: EntityManager, userId: string, lifecycle: MfaLifecycle): Promise<void> {
    await manager
      .withRepository(this.lifecycles)
      .createQueryBuilder()
      .insert()
      .values({ userId, ...lifecycle, updatedAt: () => 'now()' })
      .orUpdate(['marker', 'recovery_codes', 'enrolled', 'known_factors', 'updated_at'], ['user_id'])
      .execute();
  }
}
