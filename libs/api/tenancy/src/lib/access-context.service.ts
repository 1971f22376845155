import { Injectable } from '@nestjs/common';
import type {
  AccessContextReader,
  AccessRequest,
  AccessResolution,
  AccessScope,
  ApiKeyAccessContext,
} from '@aidial/api/core';
import { isRole } from '@aidial/shared/access';
import { AccessContextRepository } from './access-context.repository';

/** What an API key was granted, as the key entry needs it (its tenant, client and projects are re-checked here). */
export interface ApiKeyGrant {
  /** The key's creator (the context's `userId`), or null when that person was deleted. */
  readonly createdBy: string | null;
  /** As stored: a value that is not one of the seven roles is refused, never guessed into one. */
  readonly creatorRole: string;
  readonly name: string;
  readonly tenantId: string;
  readonly clientId: string | null;
  readonly projectIds: readonly string[] | null;
}

export type ApiKeyAccessResolution =
  | { readonly ok: true; readonly context: ApiKeyAccessContext }
  | { readonly ok: false; readonly refusal: 'tenant_suspended' | 'tenant_unknown' | 'role_not_recognised' };

/** Stands in as the user of a key whose creator was deleted (the key outlives them; nothing is keyed by it). */
const NO_USER = '00000000-0000-0000-0000-000000000000';

/**
 * The one access-context resolver, with two entries, each one statement on every request (no cache, so a role change,
 * a suspension, a removed membership or a client that changed hands applies from the next request on every API
 * instance). Database errors propagate: the caller answers 503.
 *
 * - `resolve` (the ACCESS_CONTEXT_READER port), for a session: membership, tenant and its status, the projects of a
 *   `selected` scope, a partner's selected client (kept only while the partner still manages it and it is active), the
 *   tenant's and the user's MFA policy, and the tenant's SMS one-time-code flag. A user with several memberships signs
 *   in to the oldest one.
 * - `resolveApiKey`, for a checked API key (the integrations module): the key acts as its creator's role within its own
 *   tenant, client (re-checked as a session's selection is) and project scope.
 */
@Injectable()
export class AccessContextService implements AccessContextReader {
  constructor(private readonly access: AccessContextRepository) {}

  async resolve({ userId, tenantId, selectedClientId = null }: AccessRequest): Promise<AccessResolution> {
    const row = await this.access.membership(userId, tenantId, selectedClientId);
    if (!row) return { ok: false, refusal: 'no_membership' };
    if (row.user_status !== 'active') return { ok: false, refusal: 'user_disabled' };
    if (!isRole(row.role)) return { ok: false, refusal: 'role_not_recognised' };
    if (row.tenant_status !== 'active') return { ok: false, refusal: 'tenant_suspended' };
    return {
      ok: true,
      context: {
        kind: 'session',
        userId,
        role: row.role,
        tenant: { id: row.tenant_id, name: row.tenant_name, kind: row.tenant_kind, status: 'active' },
        client: clientOf(row),
        projectScope:
          row.project_scope === 'all' ? { kind: 'all' } : { kind: 'selected', projectIds: row.project_ids ?? [] },
        user: { email: row.email, displayName: row.display_name },
        mfaPolicy: { tenant: row.tenant_mfa_policy, user: row.user_mfa_policy },
        features: { smsOtp: row.tenant_sms_otp === true },
      },
    };
  }

  async resolveApiKey(grant: ApiKeyGrant): Promise<ApiKeyAccessResolution> {
    const row = await this.access.tenant(grant.tenantId, grant.clientId);
    if (!row) return { ok: false, refusal: 'tenant_unknown' };
    if (row.tenant_status !== 'active') return { ok: false, refusal: 'tenant_suspended' };
    if (!isRole(grant.creatorRole)) return { ok: false, refusal: 'role_not_recognised' };
    const projectScope: AccessScope['projectScope'] =
      grant.projectIds === null ? { kind: 'all' } : { kind: 'selected', projectIds: grant.projectIds };
    return {
      ok: true,
      context: {
        kind: 'api_key',
        userId: grant.createdBy ?? NO_USER,
        role: grant.creatorRole,
        tenant: { id: grant.tenantId, name: row.tenant_name, kind: row.tenant_kind, status: 'active' },
        client: clientOf(row),
        projectScope,
        user: { email: null, displayName: grant.name },
      },
    };
  }
}

/** The statement only finds a client a partner still manages and that is active; anything else is none. */
function clientOf(row: { client_id: string | null; client_name: string | null }): AccessScope['client'] {
  return row.client_id !== null && row.client_name !== null ? { id: row.client_id, name: row.client_name } : null;
}
