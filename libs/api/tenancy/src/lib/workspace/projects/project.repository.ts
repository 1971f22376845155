import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ApiError, scopedId } from '@aidial/api/core';
import { Repository, type SelectQueryBuilder } from 'typeorm';
import { type ProjectStatus, ProjectEntity } from '../../entities/project.entity';
import { type ProjectFilter, type WorkspaceScope } from '../scope/workspace-scope';

/** A project as the workspace shows it, with the customer tenant (client) it belongs to. */
export interface WorkspaceProject {
  readonly id: string;
  readonly name: string;
  readonly status: ProjectStatus;
  readonly client: { readonly id: string; readonly name: string };
}

/**
 * The only place the workspace reads projects. Every query has the same shape: the tenant condition (the shown
 * customer, or the clients the partner manages) and the caller's project filter, taken from the scope.
 */
@Injectable()
export class ProjectRepository {
  constructor(@InjectRepository(ProjectEntity) private readonly projects: Repository<ProjectEntity>) {}

  /** The shown customer's projects in the caller's project scope (409 for a partner without a selected client). */
  async listShown(scope: WorkspaceScope): Promise<WorkspaceProject[]> {
    return this.list(this.shown(scope));
  }

  async findShown(scope: WorkspaceScope, id: string): Promise<WorkspaceProject> {
    return this.one(this.shown(scope).andWhere('p.id = :id', { id: scopedId(id) }));
  }

  /** The projects of every client the partner manages, or of one of them (the caller checks it is managed). */
  async listManaged(scope: WorkspaceScope, clientId: string | null): Promise<WorkspaceProject[]> {
    const query = this.managed(scope);
    if (clientId !== null) query.andWhere('c.id = :clientId', { clientId: scopedId(clientId) });
    return this.list(query);
  }

  async findManaged(scope: WorkspaceScope, id: string): Promise<WorkspaceProject> {
    return this.one(this.managed(scope).andWhere('p.id = :id', { id: scopedId(id) }));
  }

  /**
   * The ids among `ids` of projects the caller sees: the projects of its customer tenant (a partner: of the clients it
   * manages, or of one of them), within its project filter.
   */
  async visibleAmong(
    owner: { readonly kind: 'customer' | 'partner'; readonly tenantId: string; readonly clientId: string | null },
    filter: ProjectFilter,
    ids: readonly string[],
  ): Promise<string[]> {
    const query = this.scoped(filter).andWhere('p.id = ANY(:ids::uuid[])', { ids });
    if (owner.kind === 'partner') query.andWhere('c.managingPartnerId = :partnerId', { partnerId: owner.tenantId });
    else query.andWhere('c.id = :customerId', { customerId: owner.tenantId });
    if (owner.clientId !== null) query.andWhere('c.id = :clientId', { clientId: owner.clientId });
    return (await query.getMany()).map((project) => project.id);
  }

  private shown(scope: WorkspaceScope): SelectQueryBuilder<ProjectEntity> {
    return this.scoped(scope.projects).andWhere('p.tenantId = :customerId', { customerId: scope.shownCustomer.id });
  }

  private managed(scope: WorkspaceScope): SelectQueryBuilder<ProjectEntity> {
    return this.scoped(scope.projects).andWhere('c.managingPartnerId = :partnerId', {
      partnerId: scope.partnerTenantId,
    });
  }

  /** Projects of customer tenants, with their tenant, within the project filter (null: every project). */
  private scoped(filter: ProjectFilter): SelectQueryBuilder<ProjectEntity> {
    const query = this.projects.createQueryBuilder('p').innerJoinAndSelect('p.tenant', 'c', "c.kind = 'customer'");
    if (filter !== null) query.andWhere('p.id = ANY(:projectIds::uuid[])', { projectIds: [...filter] });
    return query;
  }

  private async list(query: SelectQueryBuilder<ProjectEntity>): Promise<WorkspaceProject[]> {
    const projects = await query.orderBy('c.name').addOrderBy('p.name').addOrderBy('p.id').getMany();
    return projects.flatMap(toWorkspaceProject);
  }

  private async one(query: SelectQueryBuilder<ProjectEntity>): Promise<WorkspaceProject> {
    const [project] = (await query.getMany()).flatMap(toWorkspaceProject);
    if (!project) throw new ApiError('not_found');
    return project;
  }
}

/** The inner join always loads the tenant; a project without one is not shown. */
function toWorkspaceProject(project: ProjectEntity): WorkspaceProject[] {
  const client = project.tenant;
  if (!client) return [];
  return [{ id: project.id, name: project.name, status: project.status, client: { id: client.id, name: client.name } }];
}
