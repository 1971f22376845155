import { Inject, Injectable } from '@nestjs/common';
import { AUDIT_RECORDER, type AccessContext, ApiError, type AuditRecorder } from '@aidial/api/core';
import { SessionStore } from '@aidial/api/sessions';
import { DataSource } from 'typeorm';
import { WorkspaceProjectDto } from '../projects/project.dto';
import { ProjectRepository } from '../projects/project.repository';
import { WorkspaceScope } from '../scope/workspace-scope';
import { type ClientSelectionDto, PartnerClientDetailDto, PartnerClientDto } from './client.dto';
import { ClientRepository } from './client.repository';

/** Partner Clients: the customer tenants a partner manages, and the client selected in the partner's session. */
@Injectable()
export class PartnerClientsService {
  constructor(
    private readonly clients: ClientRepository,
    private readonly projects: ProjectRepository,
    private readonly sessions: SessionStore,
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(AUDIT_RECORDER) private readonly audit: AuditRecorder,
  ) {}

  async list(context: AccessContext): Promise<PartnerClientDto[]> {
    const scope = WorkspaceScope.of(context);
    return (await this.clients.listManaged(scope)).map((row) => PartnerClientDto.from(row, scope.selectedClientId));
  }

  async get(context: AccessContext, id: string): Promise<PartnerClientDetailDto> {
    const scope = WorkspaceScope.of(context);
    const client = await this.clients.findManaged(scope, id);
    const projects = await this.projects.listManaged(scope, client.id);
    return {
      ...PartnerClientDto.from(client, scope.selectedClientId),
      projects: projects.map(WorkspaceProjectDto.from),
    };
  }

  /**
   * Keeps the selection in the session: a client the partner manages and that is active (409 `client_not_active`
   * otherwise), or none. The access context re-checks it on every later request, so a client that changes hands or is
   * suspended drops out by itself. The selection and its audit event (in the partner's log) commit together.
   */
  async select(context: AccessContext, sessionId: string, clientId: string | null): Promise<ClientSelectionDto> {
    if (clientId === null) {
      await this.dataSource.transaction(async (manager) => {
        await this.sessions.select(sessionId, null, manager);
        await this.audit.record({ action: 'tenancy.client.cleared', outcome: 'success', targetId: null }, { manager });
      });
      return { client: null };
    }
    const client = await this.clients.findManaged(WorkspaceScope.of(context), clientId);
    if (client.status !== 'active') throw new ApiError('client_not_active');
    await this.dataSource.transaction(async (manager) => {
      await this.sessions.select(sessionId, client.id, manager);
      await this.audit.record(
        {
          action: 'tenancy.client.selected',
          outcome: 'success',
          targetId: client.id,
          details: { client_name: client.name },
        },
        { manager },
      );
    });
    return { client: { id: client.id, name: client.name } };
  }
}
