import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  APP_CONFIG,
  type ApiKeyAuthentication,
  type ApiKeyAuthenticator,
  type AppConfig,
  AUDIT_RECORDER,
  type AuditRecorder,
  currentRequestContext,
} from '@aidial/api/core';
import { isApiKeyScope, isRole } from '@aidial/shared/access';
import { AccessContextService } from '@aidial/api/tenancy';
import { parseApiKey } from './api-key-format';
import { ApiKeyHasher } from './api-key-hasher';
import { type ApiKeyLookupRow, ApiKeyRepository } from './api-key.repository';

/** Last use (time, coarse IP, user agent) is written at most this often per key, not on every request. */
export const LAST_USED_GRANULARITY_SECONDS = 60;

/**
 * Checks an `X-API-Key` (the API_KEY_AUTHENTICATOR port): the checksum first (a malformed key costs no database read),
 * then one indexed read by public id, then the HMAC in constant time (against a decoy when no row was found). Missing,
 * malformed, unknown, wrong, expired and revoked keys all get the same answer, after the same one read; a rejected use
 * of a known key is recorded in its tenant's audit log without delaying it. An accepted key's access context (tenant
 * status, a partner key's client) comes from the tenancy module's resolver, one more statement.
 */
@Injectable()
export class ApiKeyAuthenticatorService implements ApiKeyAuthenticator {
  private readonly logger = new Logger('ApiKeys');
  private readonly hasher: ApiKeyHasher;

  constructor(
    private readonly keys: ApiKeyRepository,
    private readonly access: AccessContextService,
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(AUDIT_RECORDER) private readonly audit: AuditRecorder,
  ) {
    this.hasher = new ApiKeyHasher(config.apiKeyPepper);
  }

  async authenticate(key: string | undefined): Promise<ApiKeyAuthentication> {
    const parts = parseApiKey(key);
    if (!parts) return { ok: false, refusal: 'invalid' };
    const row = await this.keys.lookup(parts.publicId, LAST_USED_GRANULARITY_SECONDS);
    const secretMatches = this.hasher.matches(parts.secret, row?.secret_hash ?? null);
    if (!row) return { ok: false, refusal: 'invalid' };
    const reason = !secretMatches ? 'wrong_secret' : row.revoked ? 'revoked' : row.expired ? 'expired' : null;
    if (reason) {
      this.recordRejection(row, reason);
      return { ok: false, refusal: 'invalid' };
    }
    // The key acts as its creator's role within its own tenant, client and project scope: the same access context
    // the portal's queries take, so /v1 reads run the portal's own scoped queries.
    const resolution = await this.access.resolveApiKey({
      createdBy: row.created_by,
      creatorRole: row.creator_role,
      name: row.name,
      tenantId: row.tenant_id,
      clientId: row.client_id,
      projectIds: row.project_ids,
    });
    if (!resolution.ok) {
      return { ok: false, refusal: resolution.refusal === 'tenant_suspended' ? 'tenant_suspended' : 'invalid' };
    }
    if (!isRole(row.creator_role)) return { ok: false, refusal: 'invalid' };
    if (row.touch_due) await this.touch(row.id);
    return {
      ok: true,
      principal: {
        kind: 'api_key',
        keyId: row.id,
        publicId: row.public_id,
        name: row.name,
        tenantId: row.tenant_id,
        scopes: row.scopes.filter(isApiKeyScope),
        clientId: row.client_id,
        projectIds: row.project_ids,
        expiresAt: row.expires_at,
        creatorRole: row.creator_role,
      },
      context: resolution.context,
    };
  }

  /** At most one write a minute per key; a concurrent request that lost the race writes nothing. */
  private async touch(id: string): Promise<void> {
    const request = currentRequestContext();
    await this.keys.touch(id, request?.ip ?? null, request?.userAgent ?? null, LAST_USED_GRANULARITY_SECONDS);
  }

  /** Not awaited: recording must neither change the answer nor make a rejected key slower than an unknown one. */
  private recordRejection(row: ApiKeyLookupRow, reason: 'wrong_secret' | 'revoked' | 'expired'): void {
    this.audit
      .record({
        action: 'integrations.api_key.rejected',
        outcome: 'denied',
        tenantId: row.tenant_id,
        actor: { userId: null, apiKeyId: null, role: null },
        targetId: row.id,
        details: { public_id: row.public_id, reason },
      })
      .catch((error: unknown) =>
        this.logger.warn({ err: error, event: 'audit.record_failed', action: 'integrations.api_key.rejected' }),
      );
  }
}
