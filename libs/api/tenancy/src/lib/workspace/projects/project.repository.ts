import { Inject, Injectable } from '@nestjs/common';
import { ApiError } from '@aidial/api/core';
import { DataSource } from 'typeorm';
import { type WorkspaceScope, lookupId } from '../scope/workspace-scope';
import type { ProjectRow } from './project.dto';

/**
 * The only place the workspace reads projects. Every statement has the same shape: the tenant condition (the shown
 * customer, or the clients the partner manages) and the caller's project filter, taken from the scope.
 */
const SELECT_PROJECTS = `
  SELECT p.id, p.name, p.status, c.id AS client_id, c.name AS client_name
    FROM project p
    JOIN tenant c ON c.id = p.tenant_id AND c.kind = 'customer'`;
const IN_PROJECT_SCOPE = `($2::uuid[] IS NULL OR p.id = ANY($2::uuid[]))`;
const MANAGED_BY = `c.managing_partner_id = $1::uuid`;
const ORDER = `ORDER BY c.name, p.name, p.id`;

@Injectable()
export class ProjectRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** The shown customer's projects in the caller's project scope (409 for a partner without a selected client). */
  async listShown(scope: WorkspaceScope): Promise<ProjectRow[]> {
    return this.rows(`${SELECT_PROJECTS} WHERE p.tenant_id = $1::uuid AND ${IN_PROJECT_SCOPE} ${ORDER}`, [
      scope.shownCustomer.id,
      scope.projects,
    ]);
  }

  async findShown(scope: WorkspaceScope, id: string): Promise<ProjectRow> {
    return this.one(`${SELECT_PROJECTS} WHERE p.tenant_id = $1::uuid AND ${IN_PROJECT_SCOPE} AND p.id = $3::uuid`, [
      scope.shownCustomer.id,
      scope.projects,
      lookupId(id),
    ]);
  }

  /** The projects of every client the partner manages, or of one of them (the caller checks it is managed). */
  async listManaged(scope: WorkspaceScope, clientId: string | null): Promise<ProjectRow[]> {
    return this.rows(
      `${SELECT_PROJECTS} WHERE ${MANAGED_BY} AND ${IN_PROJECT_SCOPE} AND ($3::uuid IS NULL OR c.id = $3::uuid) ${ORDER}`,
      [scope.partnerTenantId, scope.projects, clientId === null ? null : lookupId(clientId)],
    );
  }

  async findManaged(scope: WorkspaceScope, id: string): Promise<ProjectRow> {
    return this.one(`${SELECT_PROJECTS} WHERE ${MANAGED_BY} AND ${IN_PROJECT_SCOPE} AND p.id = $3::uuid`, [
      scope.partnerTenantId,
      scope.projects,
      lookupId(id),
    ]);
  }

  private async rows(sql: string, parameters: unknown[]): Promise<ProjectRow[]> {
    return (await this.dataSource.query(sql, parameters)) as ProjectRow[];
  }

  private async one(sql: string, parameters: unknown[]): Promise<ProjectRow> {
    const [row] = await this.rows(sql, parameters);
    if (!row) throw new ApiError('not_found');
    return row;
  }
}
