import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { IdentityClaims } from './portal-user.service';
import { type EntityManager, Repository } from 'typeorm';
import { PortalUserEntity } from './entities/portal-user.entity';

/** Portal users as sign-in records them, and the invitations that become memberships then. */
@Injectable()
export class PortalUserRepository {
  constructor(@InjectRepository(PortalUserEntity) private readonly users: Repository<PortalUserEntity>) {}

  /** Creates the user of a subject seen for the first time, or refreshes their email and display name; their id. */
  async upsertBySubject(manager: EntityManager, claims: IdentityClaims): Promise<string> {
    await manager
      .withRepository(this.users)
      .createQueryBuilder()
      .insert()
      .values({ idpSubject: claims.subject, email: claims.email, displayName: claims.displayName })
      .orUpdate(['email', 'display_name', 'updated_at'], ['idp_subject'])
      .execute();
    const user = await manager
      .withRepository(this.users)
      .findOneOrFail({ select: { id: true }, where: { idpSubject: claims.subject } });
    return user.id;
  }

  /**
   * Raw (one atomic `DELETE … RETURNING` feeding the insert): every invitation to this (verified) address becomes a
   * membership, once; a tenant the user already belongs to keeps its existing role.
   */
  async acceptInvitations(manager: EntityManager, userId: string, email: string): Promise<void> {
    await manager.query(
      `WITH accepted AS (
         DELETE FROM membership_invitation WHERE email = lower($2) RETURNING tenant_id, role, created_at
       )
       INSERT INTO membership (user_id, tenant_id, role)
       SELECT $1, tenant_id, role FROM accepted ORDER BY created_at
       ON CONFLICT (user_id, tenant_id) DO NOTHING`,
      [userId, email],
    );
  }
}
