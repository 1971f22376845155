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

/** What the workspace's project reads select: a project and its customer tenant. */
interface ProjectReadRow {
  readonly id: string;
  readonly name: string;
  readonly status: ProjectStatus;
  readonly client_id: string;
  readonly client_name: string;
}

/**
 * The workspace's project reads run on the dashboard, the Projects pages and `/v1/projects` (the per-request hot path):
 * raw statements of one shape each, the tenant condition (the shown customer, or the clients the partner manages)
 * and the caller's project filter, taken from the scope.
 */
const SELECT_PROJECTS = `
  SELECT p.id, p.name, p.status, c.id AS client_id, c.name AS client_name
    FROM project p
    JOIN tenant c ON c.id = p.tenant_id AND c.kind = 'customer'`;
const IN_PROJECT_SCOPE = `($2::uuid[] IS NULL OR p.id = ANY($2::uuid[]))`;
const MANAGED_BY = `c.managing_partner_id = $1::uuid`;
const ORDER = `ORDER BY c.name, p.name, p.id`;

/**
 * The only place the workspace reads projects. Every query has the same shape: the tenant condition (the shown
 * customer, or the clients the partner manages) and the caller's project filter, taken from the scope.
 */
@Injectable()
export class ProjectRepository {
  constructor(@InjectRepository(ProjectEntity) private readonly projects: Repository<ProjectEntity>) {}

  /** Raw (a per-request read): the shown customer's projects in the caller's project scope (409 for a partner without a selected client). */
  async listShown(scope: WorkspaceScope): Promise<WorkspaceProject[]> {
    return this.read(`${SELECT_PROJECTS} WHERE p.tenant_id = $1::uuid AND ${IN_PROJECT_SCOPE} ${ORDER}`, [
      scope.shownCustomer.id,
      scope.projects,
    ]);
  }

  async findShown(scope: WorkspaceScope, id: string): Promise<WorkspaceProject> {
    return this.one(`${SELECT_PROJECTS} WHERE p.tenant_id = $1::uuid AND ${IN_PROJECT_SCOPE} AND p.id = $3::uuid`, [
      scope.shownCustomer.id,
      scope.projects,
      scopedId(id),
    ]);
  }

  /** Raw (a per-request read): the projects of every client the partner manages, or of one of them (the caller checks it is managed). */
  async listManaged(scope: WorkspaceScope, clientId: string | null): Promise<WorkspaceProject[]> {
    return this.read(
      `${SELECT_PROJECTS} WHERE ${MANAGED_BY} AND ${IN_PROJECT_SCOPE} AND ($3::uuid IS NULL OR c.id = $3::uuid) ${ORDER}`,
      [scope.partnerTenantId, scope.projects, clientId === null ? null : scopedId(clientId)],
    );
  }

  async findManaged(scope: WorkspaceScope, id: string): Promise<WorkspaceProject> {
    return this.one(`${SELECT_PROJECTS} WHERE ${MANAGED_BY} AND ${IN_PROJECT_SCOPE} AND p.id = $3::uuid`, [
      scope.partnerTenantId,
      scope.projects,
      scopedId(id),
    ]);
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

  private async read(sql: string, parameters: unknown[]): Promise<WorkspaceProject[]> {
    const rows = await this.projects.query<ProjectReadRow[]>(sql, parameters);
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      status: row.status,
      client: { id: row.client_id, name: row.client_name },
    }));
  }

  private async one(sql: string, parameters: unknown[]): Promise<WorkspaceProject> {
    const [project] = await this.read(sql, parameters);
    if (!project) throw new ApiError('not_found');
    return project;
  }
}
