import { Injectable } from '@nestjs/common';
import type { AccessScope } from '@aidial/api/core';
import { ClientRepository } from './workspace/clients/client.repository';
import { ProjectRepository } from './workspace/projects/project.repository';

/**
 * What other modules may learn about tenants and projects, which this module owns: they ask here and never read those
 * tables themselves (integrations checks what a key may be granted; audit scopes a partner's log). People's names
 * are the PortalUserDirectory's.
 */
@Injectable()
export class TenantDirectory {
  constructor(
    private readonly clients: ClientRepository,
    private readonly projects: ProjectRepository,
  ) {}

  /** The customer tenants a partner manages, whatever their status (empty for any other tenant). */
  managedClientIds(partnerId: string): Promise<string[]> {
    return this.clients.managedIds(partnerId);
  }

  /** Whether the partner manages this client and it is active. */
  isManagedActiveClient(partnerId: string, clientId: string): Promise<boolean> {
    return this.clients.isManagedAndActive(partnerId, clientId);
  }

  /**
   * Those of `projectIds` the caller sees: its customer tenant's projects, or a partner's clients' (only `clientId`'s
   * when given), within its project scope. Internal tenants have no projects.
   */
  async visibleProjects(
    caller: AccessScope,
    clientId: string | null,
    projectIds: readonly string[],
  ): Promise<string[]> {
    const kind = caller.tenant.kind;
    if (kind === 'internal' || projectIds.length === 0) return [];
    const filter = caller.projectScope.kind === 'all' ? null : caller.projectScope.projectIds;
    return this.projects.visibleAmong({ kind, tenantId: caller.tenant.id, clientId }, filter, projectIds);
  }

  /** Tenant names by id. */
  tenantNames(ids: readonly string[]): Promise<Map<string, string>> {
    return this.clients.names(ids);
  }
}
