import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, In, Repository } from 'typeorm';
import { MembershipEntity } from './entities/membership.entity';
import { PortalUserEntity } from './entities/portal-user.entity';
import { PortalUserDirectoryRepository } from './portal-user-directory.repository';

/** How other modules name a person: the copies of the identity provider's display name and email. */
export type PortalUserName = Pick<PortalUserEntity, 'displayName' | 'email'>;
export type PortalUserNames = ReadonlyMap<string, PortalUserName>;

/** The ids an Audit Log page names, to be put into words. */
export interface DirectoryReferences {
  readonly userIds: readonly string[];
  readonly tenantIds: readonly string[];
  readonly invitationIds: readonly string[];
}

/** What the directory knows of those ids; an id it does not know (deleted, or never existed) is absent. */
export interface DirectoryNames {
  readonly people: PortalUserNames;
  readonly tenants: ReadonlyMap<string, string>;
  /** Pending invitations: the invited address, and the tenant that invited it. */
  readonly invitations: ReadonlyMap<string, { readonly email: string; readonly tenantId: string }>;
}

/**
 * What other features may read of `portal_user` (owned by this module): people's names, for lists that show who did
 * something (support tickets, ended sessions), and who administers an organisation (security notices). One statement
 * for any number of ids.
 */
@Injectable()
export class PortalUserDirectory {
  constructor(
    @InjectRepository(PortalUserEntity) private readonly users: Repository<PortalUserEntity>,
    private readonly directory: PortalUserDirectoryRepository,
  ) {}

  async names(ids: readonly string[], manager?: EntityManager): Promise<PortalUserNames> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const found = await (manager ? manager.withRepository(this.users) : this.users).find({
      select: { id: true, displayName: true, email: true },
      where: { id: In(unique) },
    });
    return new Map(found.map((user) => [user.id, { displayName: user.displayName, email: user.email }]));
  }

  /**
   * People, tenants and pending invitations by id, for the Audit Log's names: one named statement for a whole page
   * (none when there is nothing to name). Scoping what may be shown to whom is the caller's rule.
   */
  async namesFor(references: DirectoryReferences): Promise<DirectoryNames> {
    const people = new Map<string, PortalUserName>();
    const tenants = new Map<string, string>();
    const invitations = new Map<string, { email: string; tenantId: string }>();
    const { userIds, tenantIds, invitationIds } = references;
    if (userIds.length + tenantIds.length + invitationIds.length > 0) {
      const rows = await this.directory.names(unique(userIds), unique(tenantIds), unique(invitationIds));
      for (const row of rows) {
        if (row.kind === 'user') people.set(row.id, { displayName: row.name, email: row.email });
        else if (row.kind === 'tenant' && row.name !== null) tenants.set(row.id, row.name);
        else if (row.kind === 'invitation' && row.email !== null && row.tenant_id !== null) {
          invitations.set(row.id, { email: row.email, tenantId: row.tenant_id });
        }
      }
    }
    return { people, tenants, invitations };
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

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids.map((id) => id.toLowerCase()))];
}
