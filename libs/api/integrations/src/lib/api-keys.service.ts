import { Inject, Injectable } from '@nestjs/common';
import {
  APP_CONFIG,
  type AccessContext,
  ApiError,
  type AppConfig,
  AUDIT_RECORDER,
  type AuditRecorder,
} from '@aidial/api/core';
import {
  API_KEY_MAX_LIFETIME_DAYS,
  API_KEY_ROTATION_OVERLAP_DEFAULT_HOURS,
  type ApiKeyScope,
  canGrantScope,
  canPerform,
  grantableScopes,
} from '@aidial/shared/access';
import { DataSource, type EntityManager } from 'typeorm';
import { API_KEY_PREFIX, issueApiKey } from './api-key-format';
import { ApiKeyHasher } from './api-key-hasher';
import type { ApiKeyDto, ApiKeyListDto, CreateApiKeyDto, CreatedApiKeyDto } from './dto/api-key.dto';

const NO_SUCH_ID = '00000000-0000-0000-0000-000000000000';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const lookupId = (raw: string) => (UUID.test(raw) ? raw.toLowerCase() : NO_SUCH_ID);
const DAY_MS = 24 * 60 * 60 * 1000;

interface ApiKeyRow {
  id: string;
  name: string;
  public_id: string;
  last_four: string;
  scopes: string[];
  client_id: string | null;
  client_name: string | null;
  project_ids: string[] | null;
  created_by: string | null;
  created_by_name: string | null;
  created_at: Date;
  expires_at: Date;
  last_used_at: Date | null;
  last_used_ip: string | null;
  last_used_user_agent: string | null;
  revoked_at: Date | null;
  rotated_from_id: string | null;
  status: ApiKeyDto['status'];
}

const SELECT_KEYS = `
  SELECT k.id, k.name, k.public_id, k.last_four, k.scopes, k.client_id, c.name AS client_name, k.project_ids,
         k.created_by, coalesce(u.display_name, u.email) AS created_by_name, k.created_at, k.expires_at,
         k.last_used_at, k.last_used_ip, k.last_used_user_agent, k.revoked_at, k.rotated_from_id,
         CASE WHEN k.revoked_at IS NOT NULL THEN 'revoked' WHEN k.expires_at <= now() THEN 'expired' ELSE 'active' END AS status
    FROM api_key k
    LEFT JOIN tenant c ON c.id = k.client_id
    LEFT JOIN portal_user u ON u.id = k.created_by`;

function toDto(row: ApiKeyRow): ApiKeyDto {
  const iso = (value: Date | null) => (value ? new Date(value).toISOString() : null);
  return {
    id: row.id,
    name: row.name,
    public_id: row.public_id,
    prefix: `${API_KEY_PREFIX}${row.public_id}_`,
    last_four: row.last_four,
    scopes: row.scopes as ApiKeyScope[],
    client_id: row.client_id,
    client_name: row.client_name,
    project_ids: row.project_ids,
    created_by_id: row.created_by,
    created_by_name: row.created_by_name,
    created_at: new Date(row.created_at).toISOString(),
    expires_at: new Date(row.expires_at).toISOString(),
    last_used_at: iso(row.last_used_at),
    last_used_ip: row.last_used_ip,
    last_used_user_agent: row.last_used_user_agent,
    revoked_at: iso(row.revoked_at),
    rotated_from_id: row.rotated_from_id,
    status: row.status,
  };
}

/** The settings a key is made with, checked against its creator's rights. */
interface KeyGrant {
  readonly name: string;
  readonly scopes: ApiKeyScope[];
  readonly clientId: string | null;
  readonly projectIds: string[] | null;
  readonly expiresAt: Date;
}

/**
 * API keys of the caller's own tenant (section `integrations`): list, create, rotate, revoke. A key never reaches
 * beyond its creator: scopes only from the sections the creator's role opens, projects only from the creator's own
 * scope, a partner's client only among the clients it manages. Each change and its audit event share a transaction.
 */
@Injectable()
export class ApiKeysService {
  private readonly hasher: ApiKeyHasher;

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(AUDIT_RECORDER) private readonly audit: AuditRecorder,
  ) {
    this.hasher = new ApiKeyHasher(config.apiKeyPepper);
  }

  async list(context: AccessContext): Promise<ApiKeyListDto> {
    const rows = (await this.dataSource.query(
      `${SELECT_KEYS} WHERE k.tenant_id = $1 ORDER BY k.created_at DESC, k.id`,
      [context.tenant.id],
    )) as ApiKeyRow[];
    return {
      items: rows.map(toDto),
      grantable_scopes: grantableScopes(context.role),
      can_manage: canPerform(context.role, 'integrations.manage'),
      max_lifetime_days: API_KEY_MAX_LIFETIME_DAYS,
    };
  }

  async create(context: AccessContext, request: CreateApiKeyDto): Promise<CreatedApiKeyDto> {
    const grant = await this.checkGrant(context, request);
    return this.dataSource.transaction(async (manager) => {
      const created = await this.insert(manager, context, grant, null);
      await this.audit.record(
        {
          action: 'integrations.api_key.created',
          outcome: 'success',
          targetId: created.id,
          details: {
            name: grant.name,
            public_id: created.public_id,
            scopes: grant.scopes,
            client_id: grant.clientId,
            project_ids: grant.projectIds,
            expires_at: grant.expiresAt.toISOString(),
          },
        },
        { manager },
      );
      return created;
    });
  }

  /**
   * A new key with the same settings and the same lifetime from now (at most the maximum); the old key keeps working
   * for the overlap window, then expires. Only an active key can be rotated (409 `api_key_not_active`).
   */
  async rotate(context: AccessContext, id: string, overlapHours?: number): Promise<CreatedApiKeyDto> {
    const overlapMs = (overlapHours ?? API_KEY_ROTATION_OVERLAP_DEFAULT_HOURS) * 60 * 60 * 1000;
    return this.dataSource.transaction(async (manager) => {
      const [old] = (await manager.query(
        `SELECT id, name, public_id, scopes, client_id, project_ids, created_at, expires_at,
                revoked_at IS NULL AND expires_at > now() AS active
           FROM api_key WHERE id = $1 AND tenant_id = $2 FOR UPDATE`,
        [lookupId(id), context.tenant.id],
      )) as Array<{
        id: string;
        name: string;
        public_id: string;
        scopes: ApiKeyScope[];
        client_id: string | null;
        project_ids: string[] | null;
        created_at: Date;
        expires_at: Date;
        active: boolean;
      }>;
      if (!old) throw new ApiError('not_found');
      if (!old.active) throw new ApiError('api_key_not_active');
      // The rotator must be able to give every scope the key carries, as a creator would.
      if (!old.scopes.every((scope) => canGrantScope(context.role, scope))) throw new ApiError('scope_not_grantable');
      const lifetimeMs = Math.min(
        new Date(old.expires_at).getTime() - new Date(old.created_at).getTime(),
        API_KEY_MAX_LIFETIME_DAYS * DAY_MS,
      );
      const grant: KeyGrant = {
        name: old.name,
        scopes: old.scopes,
        clientId: old.client_id,
        projectIds: old.project_ids,
        expiresAt: new Date(Date.now() + Math.max(lifetimeMs, DAY_MS)),
      };
      const [[shortened]] = (await manager.query(
        `UPDATE api_key SET expires_at = LEAST(expires_at, now() + make_interval(secs => $2 / 1000.0))
          WHERE id = $1 RETURNING expires_at`,
        [old.id, overlapMs],
      )) as [[{ expires_at: Date }], number];
      const created = await this.insert(manager, context, grant, old.id);
      await this.audit.record(
        {
          action: 'integrations.api_key.rotated',
          outcome: 'success',
          targetId: old.id,
          details: {
            name: old.name,
            public_id: old.public_id,
            successor_id: created.id,
            successor_public_id: created.public_id,
            old_expires_at: new Date(shortened.expires_at).toISOString(),
            expires_at: grant.expiresAt.toISOString(),
          },
        },
        { manager },
      );
      return created;
    });
  }

  /** Revokes a key at once (on every API instance: the next request reads the row). A revoked key: 409. */
  async revoke(context: AccessContext, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const [[revoked]] = (await manager.query(
        `UPDATE api_key SET revoked_at = now(), revoked_by = $3
          WHERE id = $1 AND tenant_id = $2 AND revoked_at IS NULL RETURNING id, name, public_id`,
        [lookupId(id), context.tenant.id, context.userId],
      )) as [[{ id: string; name: string; public_id: string } | undefined], number];
      if (!revoked) {
        const [exists] = (await manager.query(`SELECT 1 FROM api_key WHERE id = $1 AND tenant_id = $2`, [
          lookupId(id),
          context.tenant.id,
        ])) as unknown[];
        throw new ApiError(exists ? 'api_key_not_active' : 'not_found');
      }
      await this.audit.record(
        {
          action: 'integrations.api_key.revoked',
          outcome: 'success',
          targetId: revoked.id,
          details: { name: revoked.name, public_id: revoked.public_id },
        },
        { manager },
      );
    });
  }

  private async insert(
    manager: EntityManager,
    context: AccessContext,
    grant: KeyGrant,
    rotatedFromId: string | null,
  ): Promise<CreatedApiKeyDto> {
    const issued = issueApiKey();
    const [{ id }] = (await manager.query(
      `INSERT INTO api_key (tenant_id, client_id, name, public_id, secret_hash, last_four, scopes, project_ids,
                            created_by, creator_role, expires_at, rotated_from_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
      [
        context.tenant.id,
        grant.clientId,
        grant.name,
        issued.publicId,
        this.hasher.hash(issued.secret),
        issued.lastFour,
        grant.scopes,
        grant.projectIds,
        context.userId,
        context.role,
        grant.expiresAt,
        rotatedFromId,
      ],
    )) as Array<{ id: string }>;
    const [row] = (await manager.query(`${SELECT_KEYS} WHERE k.id = $1`, [id])) as ApiKeyRow[];
    return { ...toDto(row as ApiKeyRow), key: issued.key };
  }

  /** Scopes, client and projects within the creator's own rights; otherwise 403 or 400 naming the field. */
  private async checkGrant(context: AccessContext, request: CreateApiKeyDto): Promise<KeyGrant> {
    const scopes = [...new Set<ApiKeyScope>(['whoami', ...request.scopes])];
    if (!scopes.every((scope) => canGrantScope(context.role, scope))) throw new ApiError('scope_not_grantable');
    const fieldError = (field: string, message: string) =>
      new ApiError('validation_failed', { fields: [{ field, message }] });

    const kind = context.tenant.kind;
    const clientId = request.client_id?.toLowerCase() ?? null;
    if (clientId !== null) {
      if (kind !== 'partner') throw fieldError('client_id', 'only a partner key can name a client');
      const [managed] = (await this.dataSource.query(
        `SELECT id FROM tenant WHERE id = $1 AND managing_partner_id = $2 AND kind = 'customer' AND status = 'active'`,
        [clientId, context.tenant.id],
      )) as unknown[];
      if (!managed) throw fieldError('client_id', 'must be an active client your organisation manages');
    }

    const creatorProjects = context.projectScope.kind === 'all' ? null : [...context.projectScope.projectIds];
    let projectIds: string[] | null = request.project_ids?.map((id) => id.toLowerCase()) ?? null;
    if (projectIds !== null && projectIds.length > 0) {
      if (kind === 'internal') throw fieldError('project_ids', 'an internal key cannot be limited to projects');
      const visible = (await this.dataSource.query(
        `SELECT p.id FROM project p JOIN tenant c ON c.id = p.tenant_id AND c.kind = 'customer'
          WHERE (CASE WHEN $1 = 'partner' THEN c.managing_partner_id = $2::uuid ELSE c.id = $2::uuid END)
            AND ($3::uuid IS NULL OR c.id = $3::uuid)
            AND ($4::uuid[] IS NULL OR p.id = ANY($4::uuid[]))
            AND p.id = ANY($5::uuid[])`,
        [kind, context.tenant.id, clientId, creatorProjects, projectIds],
      )) as Array<{ id: string }>;
      if (visible.length !== projectIds.length)
        throw fieldError('project_ids', 'every project must be one you can see');
    } else {
      // No list: as far as the creator sees, never further.
      projectIds = creatorProjects;
    }
    return {
      name: request.name,
      scopes,
      clientId,
      projectIds,
      expiresAt: new Date(Date.now() + request.expires_in_days * DAY_MS),
    };
  }
}
