import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  ApiError,
  type AuditAction,
  type AuditEventInput,
  type AuditRecordOptions,
  type AuditRecorder,
  currentRequestContext,
  redact,
} from '@aidial/api/core';
import { DataSource } from 'typeorm';
import { AUDIT_LOCK_TIMEOUT_MS, AuditEventRepository, isLockTimeout } from './audit-event.repository';
import { allowedDetails, isAuditAction, targetTypeOf } from './event-types';
import type { ChainedEvent } from './hash-chain';

const MAX_TEXT = 512;

function clip(value: string | null | undefined, length = MAX_TEXT): string | null {
  return value === null || value === undefined ? null : value.slice(0, length);
}

/** jsonb cannot hold U+0000; nothing else is changed. */
function withoutNul(value: unknown): unknown {
  if (typeof value === 'string') return value.replaceAll('\u0000', '');
  if (Array.isArray(value)) return value.map(withoutNul);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withoutNul(item)]));
  }
  return value;
}

/**
 * `record()` for every module (through the AUDIT_RECORDER port): the event type's allow-list, then the redactor, then
 * one row appended to its tenant's hash chain. Inside a caller's transaction the row commits or rolls back with the
 * change it describes.
 */
@Injectable()
export class AuditService implements AuditRecorder {
  private readonly logger = new Logger('Audit');

  constructor(
    private readonly events: AuditEventRepository,
    @Inject(DataSource) private readonly dataSource: DataSource,
  ) {}

  async record<A extends AuditAction>(event: AuditEventInput<A>, options: AuditRecordOptions = {}): Promise<void> {
    if (!isAuditAction(event.action)) {
      // Not in the allow-list: nothing is written (a type must be declared before it can be recorded).
      this.logger.error({ event: 'audit.unknown_action', action: String(event.action).slice(0, 64) });
      return;
    }
    const context = currentRequestContext();
    const actor = event.actor
      ? { userId: event.actor.userId ?? null, apiKeyId: event.actor.apiKeyId ?? null, role: event.actor.role ?? null }
      : {
          userId: context?.actor.userId ?? null,
          apiKeyId: context?.actor.apiKeyId ?? null,
          role: context?.actor.role ?? null,
        };
    const tenantId = event.tenantId !== undefined ? event.tenantId : (context?.actor.tenantId ?? null);
    const details = withoutNul(
      redact(allowedDetails(event.action, event.details as Record<string, unknown> | undefined)),
    ) as Record<string, unknown>;
    const row: Omit<ChainedEvent, 'seq' | 'prevHash'> = {
      id: randomUUID(),
      occurredAt: new Date(),
      tenantId: tenantId?.toLowerCase() ?? null,
      actorUserId: actor.userId?.toLowerCase() ?? null,
      actorApiKeyId: actor.apiKeyId?.toLowerCase() ?? null,
      actorRole: clip(actor.role, 64),
      action: event.action,
      targetType: targetTypeOf(event.action),
      targetId: clip(event.targetId),
      outcome: event.outcome,
      requestId: clip(context?.requestId, 100),
      ipCoarse: clip(context?.ip, 64),
      userAgent: clip(context?.userAgent),
      details,
    };
    try {
      if (options.manager) await this.events.append(options.manager, row);
      else await this.dataSource.transaction((manager) => this.events.append(manager, row));
    } catch (error) {
      if (!isLockTimeout(error)) throw error;
      // The chain is held by a writer that does not finish: the action fails closed, answered 503, within 2 s.
      this.logger.error({ event: 'audit.lock_timeout', action: event.action, timeout_ms: AUDIT_LOCK_TIMEOUT_MS });
      throw new ApiError('service_unavailable', { headers: { 'Retry-After': '5' } });
    }
  }
}
