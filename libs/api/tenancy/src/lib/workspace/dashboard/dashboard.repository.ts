import { Injectable } from '@nestjs/common';
import { NamedStatements } from '@aidial/api/core';
import type { WorkspaceProjectDto } from '../projects/project.dto';
import type { WorkspaceScope } from '../scope/workspace-scope';
import { DASHBOARD_SUMMARY } from './dashboard.statements';

/** What the dashboard shows of the workspace. */
export interface DashboardSummary {
  /** A partner's managed clients, whatever their status; null for anyone else. */
  readonly managedClientCount: number | null;
  /** The shown customer's members and its projects in the caller's scope: none when no customer is shown. */
  readonly memberCount: number;
  readonly projects: WorkspaceProjectDto[];
}

interface DashboardSummaryRow {
  readonly managed_client_count: number | null;
  readonly member_count: number;
  readonly projects: DashboardSummary['projects'];
}

/** The dashboard's read (a per-request read): one named statement, where it used to take three. */
@Injectable()
export class DashboardRepository {
  constructor(private readonly statements: NamedStatements) {}

  /** Named: the whole summary for the caller's scope (the shown customer, if any, and a partner's own tenant). */
  async summary(scope: WorkspaceScope): Promise<DashboardSummary> {
    const [row] = await this.statements.query<DashboardSummaryRow>(DASHBOARD_SUMMARY, [
      scope.shownCustomerOrNull?.id ?? null,
      scope.projects,
      scope.isPartner ? scope.partnerTenantId : null,
    ]);
    return {
      managedClientCount: row?.managed_client_count ?? null,
      memberCount: row?.member_count ?? 0,
      projects: row?.projects ?? [],
    };
  }
}
