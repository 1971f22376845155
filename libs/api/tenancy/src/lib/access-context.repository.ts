import { Injectable } from '@nestjs/common';
import { NamedStatements } from '@aidial/api/core';
import type { MfaPolicySetting } from '@aidial/shared/access';
import { MEMBERSHIP_ACCESS, TENANT_ACCESS } from './access-context.statements';
import type { ProjectScope } from './entities/membership.entity';
import type { TenantKind } from './entities/tenant.entity';

/** What the session entry reads: a membership with its user, tenant, projects, MFA policies and a confirmed client. */
export interface MembershipAccessRow {
  readonly user_status: string;
  readonly email: string | null;
  readonly display_name: string | null;
  readonly role: string;
  readonly project_scope: ProjectScope;
  readonly project_ids: string[] | null;
  readonly tenant_id: string;
  readonly tenant_name: string;
  readonly tenant_kind: TenantKind;
  readonly tenant_status: string;
  readonly client_id: string | null;
  readonly client_name: string | null;
  readonly tenant_mfa_policy: MfaPolicySetting;
  readonly user_mfa_policy: MfaPolicySetting;
  readonly tenant_sms_otp: boolean;
}

/** What the key entry reads: the key's tenant and, for a partner, its client while still managed and active. */
export interface TenantAccessRow {
  readonly tenant_name: string;
  readonly tenant_kind: TenantKind;
  readonly tenant_status: string;
  readonly client_id: string | null;
  readonly client_name: string | null;
}

/**
 * The access context's reads, one named statement each (access-context.statements.ts): they run on every request, so
 * they are joined statements PostgreSQL plans once per connection rather than several repository calls.
 */
@Injectable()
export class AccessContextRepository {
  constructor(private readonly statements: NamedStatements) {}

  /** Named (a per-request read of every signed-in request). A user with several memberships gets the oldest. */
  async membership(
    userId: string,
    tenantId: string | null,
    selectedClientId: string | null,
  ): Promise<MembershipAccessRow | null> {
    const rows = await this.statements.query<MembershipAccessRow>(MEMBERSHIP_ACCESS, [
      userId,
      tenantId,
      selectedClientId,
    ]);
    return rows[0] ?? null;
  }

  /** Named (a per-request read of every `/v1` request after its key is checked). */
  async tenant(tenantId: string, clientId: string | null): Promise<TenantAccessRow | null> {
    const rows = await this.statements.query<TenantAccessRow>(TENANT_ACCESS, [tenantId, clientId]);
    return rows[0] ?? null;
  }
}
