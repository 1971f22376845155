import { SecurityNotices } from '@aidial/api/notifications';
import { Inject, Injectable } from '@nestjs/common';
import {
  APP_CONFIG,
  type AccessContext,
  ApiError,
  type AppConfig,
  AUDIT_RECORDER,
  type AuditRecorder,
  scopedId,
} from '@aidial/api/core';
import {
  API_KEY_MAX_LIFETIME_DAYS,
  API_KEY_ROTATION_OVERLAP_DEFAULT_HOURS,
  type ApiKeyScope,
  canGrantScope,
  isApiKeyScope,
  canPerform,
  grantableScopes,
} from '@aidial/shared/access';
import { type PortalUserNames, PortalUserDirectory, TenantDirectory } from '@aidial/api/tenancy';
import { DataSource, type EntityManager } from 'typeorm';
import { API_KEY_PREFIX, issueApiKey } from './api-key-format';
import { ApiKeyHasher } from './api-key-hasher';
import { ApiKeyRepository } from './api-key.repository';
import type { ApiKeyEntity } from './entities/api-key.entity';
import type { ApiKeyDto, ApiKeyListDto, CreateApiKeyDto, CreatedApiKeyDto } from './dto/api-key.dto';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Who a list of keys names: its clients' tenant names and its creators' names, by id. */
interface KeyNames {
  readonly clients: ReadonlyMap<string, string>;
  readonly creators: PortalUserNames;
}

/** `replacement`: the key a rotation of this one made, when the list holds it. */
function toDto(key: ApiKeyEntity, names: KeyNames, now = new Date(), replacement?: ApiKeyEntity): ApiKeyDto {
  const creator = key.createdBy === null ? undefined : names.creators.get(key.createdBy);
  return {
    id: key.id,
    name: key.name,
    public_id: key.publicId,
    prefix: `${API_KEY_PREFIX}${key.publicId}_`,
    last_four: key.lastFour,
    scopes: key.scopes.filter(isApiKeyScope),
    client_id: key.clientId,
    client_name: key.clientId === null ? null : (names.clients.get(key.clientId) ?? null),
    project_ids: key.projectIds,
    created_by_id: key.createdBy,
    created_by_name: creator ? (creator.displayName ?? creator.email) : null,
    created_at: key.createdAt.toISOString(),
    expires_at: key.expiresAt.toISOString(),
    last_used_at: key.lastUsedAt?.toISOString() ?? null,
    last_used_ip: key.lastUsedIp,
    last_used_user_agent: key.lastUsedUserAgent,
    revoked_at: key.revokedAt?.toISOString() ?? null,
    rotated_from_id: key.rotatedFromId,
    replaced_by_id: replacement?.id ?? null,
    replaced_by_last_four: replacement?.lastFour ?? null,
    status: key.revokedAt !== null ? 'revoked' : key.expiresAt <= now ? 'expired' : 'active',
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
    private readonly keys: ApiKeyRepository,
    private readonly tenants: TenantDirectory,
    private readonly users: PortalUserDirectory,
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(AUDIT_RECORDER) private readonly audit: AuditRecorder,
    private readonly notices: SecurityNotices,
  ) {
    this.hasher = new ApiKeyHasher(config.apiKeyPepper);
  }

  async list(context: AccessContext): Promise<ApiKeyListDto> {
    const keys = await this.keys.listOf(context.tenant.id);
    const names = await this.namesOf(keys);
    const now = new Date();
    const replacements = new Map(
      keys.flatMap((key) => (key.rotatedFromId === null ? [] : [[key.rotatedFromId, key] as const])),
    );
    return {
      items: keys.map((key) => toDto(key, names, now, replacements.get(key.id))),
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
      // The organisation's administrators are told, in the same transaction (docs/operators.md, "Security notices").
      await this.notices.send(
        {
          kind: 'api_key_created',
          keyName: grant.name,
          organisation: context.tenant.name,
          createdBy: context.user.displayName ?? context.user.email ?? 'An administrator',
        },
        (await this.users.administratorsOf(context.tenant.id, manager)).map((person) => ({
          email: person.email,
          name: person.displayName,
        })),
        manager,
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
      const old = await this.keys.lock(manager, context.tenant.id, scopedId(id));
      if (!old) throw new ApiError('not_found');
      if (old.revokedAt !== null || old.expiresAt <= new Date()) throw new ApiError('api_key_not_active');
      // The rotator must be able to give every scope the key carries, as a creator would.
      const scopes = old.scopes.filter(isApiKeyScope);
      if (scopes.length !== old.scopes.length || !scopes.every((scope) => canGrantScope(context.role, scope))) {
        throw new ApiError('scope_not_grantable');
      }
      const lifetimeMs = Math.min(
        old.expiresAt.getTime() - old.createdAt.getTime(),
        API_KEY_MAX_LIFETIME_DAYS * DAY_MS,
      );
      const grant: KeyGrant = {
        name: old.name,
        scopes,
        clientId: old.clientId,
        projectIds: old.projectIds,
        expiresAt: new Date(Date.now() + Math.max(lifetimeMs, DAY_MS)),
      };
      const oldExpiresAt = await this.keys.shortenTo(manager, old.id, overlapMs);
      const created = await this.insert(manager, context, grant, old.id);
      await this.audit.record(
        {
          action: 'integrations.api_key.rotated',
          outcome: 'success',
          targetId: old.id,
          details: {
            name: old.name,
            public_id: old.publicId,
            successor_id: created.id,
            successor_public_id: created.public_id,
            old_expires_at: oldExpiresAt.toISOString(),
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
      const revocation = await this.keys.revoke(manager, context.tenant.id, scopedId(id), context.userId);
      if ('refused' in revocation) throw new ApiError(revocation.refused);
      const { revoked } = revocation;
      await this.audit.record(
        {
          action: 'integrations.api_key.revoked',
          outcome: 'success',
          targetId: revoked.id,
          details: { name: revoked.name, public_id: revoked.publicId },
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
    const key = await this.keys.insert(manager, {
      tenantId: context.tenant.id,
      clientId: grant.clientId,
      name: grant.name,
      publicId: issued.publicId,
      secretHash: this.hasher.hash(issued.secret),
      lastFour: issued.lastFour,
      scopes: grant.scopes,
      projectIds: grant.projectIds,
      createdBy: context.userId,
      creatorRole: context.role,
      expiresAt: grant.expiresAt,
      rotatedFromId,
    });
    return { ...toDto(key, await this.namesOf([key])), key: issued.key };
  }

  private async namesOf(keys: readonly ApiKeyEntity[]): Promise<KeyNames> {
    const [clients, creators] = await Promise.all([
      this.tenants.tenantNames(keys.flatMap((key) => (key.clientId === null ? [] : [key.clientId]))),
      this.users.names(keys.flatMap((key) => (key.createdBy === null ? [] : [key.createdBy]))),
    ]);
    return { clients, creators };
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
      if (!(await this.tenants.isManagedActiveClient(context.tenant.id, clientId)))
        throw fieldError('client_id', 'must be an active client your organisation manages');
    }

    const creatorProjects = context.projectScope.kind === 'all' ? null : [...context.projectScope.projectIds];
    let projectIds: string[] | null = request.project_ids?.map((id) => id.toLowerCase()) ?? null;
    if (projectIds !== null && projectIds.length > 0) {
      if (kind === 'internal') throw fieldError('project_ids', 'an internal key cannot be limited to projects');
      const visible = await this.tenants.visibleProjects(context, clientId, projectIds);
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
