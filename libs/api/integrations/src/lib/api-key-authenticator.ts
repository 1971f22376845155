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
import { type ApiKeyScope, type Role, isApiKeyScope, isRole } from '@aidial/shared/access';
import { DataSource } from 'typeorm';
import { parseApiKey } from './api-key-format';
import { ApiKeyHasher } from './api-key-hasher';

/** Last use (time, coarse IP, user agent) is written at most this often per key, not on every request. */
export const LAST_USED_GRANULARITY_SECONDS = 60;

const NIL_UUID = '00000000-0000-0000-0000-000000000000';

interface KeyRow {
  id: string;
  tenant_id: string;
  name: string;
  public_id: string;
  secret_hash: Buffer;
  scopes: string[];
  project_ids: string[] | null;
  created_by: string | null;
  creator_role: string;
  expires_at: Date;
  revoked: boolean;
  expired: boolean;
  touch_due: boolean;
  tenant_name: string;
  tenant_kind: 'customer' | 'partner' | 'internal';
  tenant_status: string;
  key_client_id: string | null;
  client_id: string | null;
  client_name: string | null;
}

/**
 * Checks an `X-API-Key` (the API_KEY_AUTHENTICATOR port): the checksum first (a malformed key costs no database read),
 * then one indexed read by public id that also resolves the tenant and a partner key's client, then the HMAC in
 * constant time (against a decoy when no row was found). Missing, malformed, unknown, wrong, expired and revoked keys
 * all get the same answer; a rejected use of a known key is recorded in its tenant's audit log without delaying it.
 */
@Injectable()
export class ApiKeyAuthenticatorService implements ApiKeyAuthenticator {
  private readonly logger = new Logger('ApiKeys');
  private readonly hasher: ApiKeyHasher;

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(AUDIT_RECORDER) private readonly audit: AuditRecorder,
  ) {
    this.hasher = new ApiKeyHasher(config.apiKeyPepper);
  }

  async authenticate(key: string | undefined): Promise<ApiKeyAuthentication> {
    const parts = parseApiKey(key);
    if (!parts) return { ok: false, refusal: 'invalid' };
    const [row] = (await this.dataSource.query(
      `SELECT k.id, k.tenant_id, k.name, k.public_id, k.secret_hash, k.scopes, k.project_ids, k.created_by,
              k.creator_role, k.expires_at, k.revoked_at IS NOT NULL AS revoked, k.expires_at <= now() AS expired,
              (k.last_used_at IS NULL OR k.last_used_at < now() - make_interval(secs => $2)) AS touch_due,
              t.name AS tenant_name, t.kind AS tenant_kind, t.status AS tenant_status,
              k.client_id AS key_client_id, c.id AS client_id, c.name AS client_name
         FROM api_key k
         JOIN tenant t ON t.id = k.tenant_id
         LEFT JOIN tenant c ON c.id = k.client_id AND c.managing_partner_id = k.tenant_id
                           AND c.kind = 'customer' AND c.status = 'active'
        WHERE k.public_id = $1`,
      [parts.publicId, LAST_USED_GRANULARITY_SECONDS],
    )) as KeyRow[];
    const secretMatches = this.hasher.matches(parts.secret, row?.secret_hash ?? null);
    if (!row) return { ok: false, refusal: 'invalid' };
    const reason = !secretMatches ? 'wrong_secret' : row.revoked ? 'revoked' : row.expired ? 'expired' : null;
    if (reason) {
      this.recordRejection(row, reason);
      return { ok: false, refusal: 'invalid' };
    }
    if (row.tenant_status !== 'active') return { ok: false, refusal: 'tenant_suspended' };
    if (!isRole(row.creator_role)) return { ok: false, refusal: 'invalid' };
    if (row.touch_due) await this.touch(row.id);

    const scopes = row.scopes.filter(isApiKeyScope) as ApiKeyScope[];
    const role: Role = row.creator_role;
    const client = row.client_id && row.client_name ? { id: row.client_id, name: row.client_name } : null;
    return {
      ok: true,
      principal: {
        kind: 'api_key',
        keyId: row.id,
        publicId: row.public_id,
        name: row.name,
        tenantId: row.tenant_id,
        scopes,
        clientId: row.key_client_id,
        projectIds: row.project_ids,
        expiresAt: row.expires_at,
        creatorRole: role,
      },
      // The key acts as its creator's role within its own tenant, client and project scope: the same access context
      // the portal's queries take, so /v1 reads run the portal's own scoped queries.
      context: {
        userId: row.created_by ?? NIL_UUID,
        role,
        tenant: { id: row.tenant_id, name: row.tenant_name, kind: row.tenant_kind, status: 'active' },
        client: row.tenant_kind === 'partner' ? client : null,
        projectScope: row.project_ids === null ? { kind: 'all' } : { kind: 'selected', projectIds: row.project_ids },
        user: { email: null, displayName: row.name },
      },
    };
  }

  /** At most one write a minute per key; a concurrent request that lost the race writes nothing. */
  private async touch(id: string): Promise<void> {
    const request = currentRequestContext();
    await this.dataSource.query(
      `UPDATE api_key SET last_used_at = now(), last_used_ip = $2, last_used_user_agent = $3
        WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - make_interval(secs => $4))`,
      [id, request?.ip ?? null, request?.userAgent ?? null, LAST_USED_GRANULARITY_SECONDS],
    );
  }

  /** Not awaited: recording must neither change the answer nor make a rejected key slower than an unknown one. */
  private recordRejection(row: KeyRow, reason: 'wrong_secret' | 'revoked' | 'expired'): void {
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
