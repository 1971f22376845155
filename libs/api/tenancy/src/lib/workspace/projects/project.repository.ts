import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ApiError, type NamedStatement, NamedStatements, scopedId } from '@aidial/api/core';
import { Repository, type SelectQueryBuilder } from 'typeorm';
import { type ProjectStatus, ProjectEntity } from '../../entities/project.entity';
import { type ProjectFilter, type WorkspaceScope } from '../scope/workspace-scope';
import { PROJECTS_MANAGED, PROJECTS_SHOWN, PROJECT_MANAGED, PROJECT_SHOWN } from './project.statements';

/** A project as the workspace shows it, with the customer tenant (client) it belongs to. */
export interface WorkspaceProject {
  readonly id: string;
  readonly name: string;
  readonly status: ProjectStatus;
  readonly client: { readonly id: string; readonly name: string };
}

/** What the workspace's project reads select: a project and its customer tenant. */
interface ProjectReadRow {
  readonly id: string;
  readonly name: string;
  readonly status: ProjectStatus;
  readonly client_id: string;
  readonly client_name: string;
}

/**
 * The only place the workspace reads projects. Every query has the same shape: the tenant condition (the shown
 * customer, or the clients the partner manages) and the caller's project filter, taken from the scope.
 */
@Injectable()
export class ProjectRepository {
  constructor(
    @InjectRepository(ProjectEntity) private readonly projects: Repository<ProjectEntity>,
    private readonly statements: NamedStatements,
  ) {}

  /**
   * Named (a per-request read): the shown customer's projects in the caller's project scope (409 for a partner without
   * a selected client).
   */
  async listShown(scope: WorkspaceScope): Promise<WorkspaceProject[]> {
    return this.read(PROJECTS_SHOWN, [scope.shownCustomer.id, scope.projects]);
  }

  /** Named: one of the shown customer's projects in the caller's scope, or 404. */
  async findShown(scope: WorkspaceScope, id: string): Promise<WorkspaceProject> {
    return this.one(PROJECT_SHOWN, [scope.shownCustomer.id, scope.projects, scopedId(id)]);
  }

  /**
   * Named (a per-request read): the projects of every client the partner manages, or of one of them (the caller checks
   * it is managed).
   */
  async listManaged(scope: WorkspaceScope, clientId: string | null): Promise<WorkspaceProject[]> {
    return this.read(PROJECTS_MANAGED, [
      scope.partnerTenantId,
      scope.projects,
      clientId === null ? null : scopedId(clientId),
    ]);
  }

  /** Named: one project of a client the partner manages, in the caller's scope, or 404. */
  async findManaged(scope: WorkspaceScope, id: string): Promise<WorkspaceProject> {
    return this.one(PROJECT_MANAGED, [scope.partnerTenantId, scope.projects, scopedId(id)]);
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

  /** Projects of customer tenants, with their tenant, within the project filter (null: every project). */
  private scoped(filter: ProjectFilter): SelectQueryBuilder<ProjectEntity> {
    const query = this.projects.createQueryBuilder('p').innerJoinAndSelect('p.tenant', 'c', "c.kind = 'customer'");
    if (filter !== null) query.andWhere('p.id = ANY(:projectIds::uuid[])', { projectIds: [...filter] });
    return query;
  }

  private async read(statement: NamedStatement, parameters: unknown[]): Promise<WorkspaceProject[]> {
    const rows = await this.statements.query<ProjectReadRow>(statement, parameters);
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      status: row.status,
      client: { id: row.client_id, name: row.client_name },
    }));
  }

  private async one(statement: NamedStatement, parameters: unknown[]): Promise<WorkspaceProject> {
    const [project] = await this.read(statement, parameters);
    if (!project) throw new ApiError('not_found');
    return project;
  }
}
