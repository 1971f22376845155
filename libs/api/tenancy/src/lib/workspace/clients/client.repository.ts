import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ApiError, NamedStatements, scopedId } from '@aidial/api/core';
import { type FindOptionsWhere, Repository } from 'typeorm';
import { ProjectEntity } from '../../entities/project.entity';
import { type TenantStatus, TenantEntity } from '../../entities/tenant.entity';
import { type ProjectFilter, type WorkspaceScope } from '../scope/workspace-scope';
import { MANAGED_CLIENT_IDS } from './client.statements';

/** A customer tenant a partner manages, with the number of its projects within the caller's project scope. */
export interface ManagedClient {
  readonly id: string;
  readonly name: string;
  readonly status: TenantStatus;
  readonly projectCount: number;
}

/** The customer tenants a partner manages: the only place the workspace (and other modules, through it) reads them. */
@Injectable()
export class ClientRepository {
  constructor(
    @InjectRepository(TenantEntity) private readonly tenants: Repository<TenantEntity>,
    @InjectRepository(ProjectEntity) private readonly projects: Repository<ProjectEntity>,
    private readonly statements: NamedStatements,
  ) {}

  async listManaged(scope: WorkspaceScope): Promise<ManagedClient[]> {
    const clients = await this.tenants.find({
      where: managedBy(scope.partnerTenantId),
      order: { name: 'ASC', id: 'ASC' },
    });
    return this.withProjectCounts(clients, scope.projects);
  }

  /** A managed client whatever its status; anything else (unmanaged, unknown, malformed) is 404 `not_found`. */
  async findManaged(scope: WorkspaceScope, id: string): Promise<ManagedClient> {
    const client = await this.tenants.findOneBy({ ...managedBy(scope.partnerTenantId), id: scopedId(id) });
    if (!client) throw new ApiError('not_found');
    const [managed] = await this.withProjectCounts([client], scope.projects);
    if (!managed) throw new ApiError('not_found');
    return managed;
  }

  /** The ids of every customer tenant the partner manages, whatever their status. */
  async managedIds(partnerId: string): Promise<string[]> {
    // A named statement: a partner's every Audit Log page asks (ADR 6).
    const clients = await this.statements.query<{ id: string }>(MANAGED_CLIENT_IDS, [partnerId]);
    return clients.map((client) => client.id);
  }

  /** Whether the partner manages this client and it is active (what a partner's key may be made for). */
  async isManagedAndActive(partnerId: string, clientId: string): Promise<boolean> {
    return this.tenants.existsBy({ ...managedBy(partnerId), id: scopedId(clientId), status: 'active' });
  }

  /** The names of these tenants, by id (an unknown id is simply absent). */
  async names(ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const tenants = await this.tenants
      .createQueryBuilder('t')
      .select(['t.id', 't.name'])
      .where('t.id = ANY(:ids::uuid[])', { ids: [...new Set(ids)] })
      .getMany();
    return new Map(tenants.map((tenant) => [tenant.id, tenant.name]));
  }

  private async withProjectCounts(clients: TenantEntity[], filter: ProjectFilter): Promise<ManagedClient[]> {
    if (clients.length === 0) return [];
    const query = this.projects
      .createQueryBuilder('p')
      .select('p.tenantId', 'tenantId')
      .addSelect('count(*)::int', 'count')
      .where('p.tenantId = ANY(:clientIds::uuid[])', { clientIds: clients.map((client) => client.id) })
      .groupBy('p.tenantId');
    if (filter !== null) query.andWhere('p.id = ANY(:projectIds::uuid[])', { projectIds: [...filter] });
    const counts = new Map(
      (await query.getRawMany<{ tenantId: string; count: number }>()).map((row) => [row.tenantId, row.count]),
    );
    return clients.map(({ id, name, status }) => ({ id, name, status, projectCount: counts.get(id) ?? 0 }));
  }
}

function managedBy(partnerId: string): FindOptionsWhere<TenantEntity> {
  return { kind: 'customer', managingPartnerId: partnerId };
}
