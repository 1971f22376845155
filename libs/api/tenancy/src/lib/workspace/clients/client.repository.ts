import { Inject, Injectable } from '@nestjs/common';
import { ApiError } from '@aidial/api/core';
import { DataSource } from 'typeorm';
import { type WorkspaceScope, lookupId } from '../scope/workspace-scope';
import type { ClientRow } from './client.dto';

/** The customer tenants the calling partner manages: the only place the workspace reads them. */
const SELECT_MANAGED_CLIENTS = `
  SELECT c.id, c.name, c.status,
         (SELECT count(*)::int FROM project p
           WHERE p.tenant_id = c.id AND ($2::uuid[] IS NULL OR p.id = ANY($2::uuid[]))) AS project_count
    FROM tenant c
   WHERE c.kind = 'customer' AND c.managing_partner_id = $1::uuid`;

@Injectable()
export class ClientRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async listManaged(scope: WorkspaceScope): Promise<ClientRow[]> {
    return (await this.dataSource.query(`${SELECT_MANAGED_CLIENTS} ORDER BY c.name, c.id`, [
      scope.partnerTenantId,
      scope.projects,
    ])) as ClientRow[];
  }

  /** A managed client whatever its status; anything else (unmanaged, unknown, malformed) is 404 `not_found`. */
  async findManaged(scope: WorkspaceScope, id: string): Promise<ClientRow> {
    const [row] = (await this.dataSource.query(`${SELECT_MANAGED_CLIENTS} AND c.id = $3::uuid`, [
      scope.partnerTenantId,
      scope.projects,
      lookupId(id),
    ])) as ClientRow[];
    if (!row) throw new ApiError('not_found');
    return row;
  }

  async countManaged(scope: WorkspaceScope): Promise<number> {
    const [row] = (await this.dataSource.query(
      `SELECT count(*)::int AS count FROM tenant c WHERE c.kind = 'customer' AND c.managing_partner_id = $1::uuid`,
      [scope.partnerTenantId],
    )) as Array<{ count: number }>;
    return row?.count ?? 0;
  }
}
