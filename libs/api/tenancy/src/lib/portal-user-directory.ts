import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, In, Repository } from 'typeorm';
import { MembershipEntity } from './entities/membership.entity';
import { PortalUserEntity } from './entities/portal-user.entity';

/** How other modules name a person: the copies of the identity provider's display name and email. */
export type PortalUserName = Pick<PortalUserEntity, 'displayName' | 'email'>;
export type PortalUserNames = ReadonlyMap<string, PortalUserName>;

/**
 * What other features may read of `portal_user` (owned by this module): people's names, for lists that show who did
 * something (support tickets, ended sessions), and who administers an organisation (security notices). One statement
 * for any number of ids.
 */
@Injectable()
export class PortalUserDirectory {
  constructor(@InjectRepository(PortalUserEntity) private readonly users: Repository<PortalUserEntity>) {}

  async names(ids: readonly string[], manager?: EntityManager): Promise<PortalUserNames> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const found = await (manager ? manager.withRepository(this.users) : this.users).find({
      select: { id: true, displayName: true, email: true },
      where: { id: In(unique) },
    });
    return new Map(found.map((user) => [user.id, { displayName: user.displayName, email: user.email }]));
  }

  /** The active Client and Partner Administrators of a tenant: whom a security notice about the organisation goes to. */
  async administratorsOf(tenantId: string, manager?: EntityManager): Promise<PortalUserName[]> {
    return (manager ? manager.withRepository(this.users) : this.users)
      .createQueryBuilder('u')
      .innerJoin(MembershipEntity, 'm', 'm.userId = u.id')
      .where('m.tenantId = :tenantId', { tenantId })
      .andWhere('m.role IN (:...roles)', { roles: ['client_admin', 'partner_admin'] })
      .andWhere("u.status = 'active'")
      .select(['u.id', 'u.displayName', 'u.email'])
      .orderBy('u.email')
      .getMany();
  }
}
