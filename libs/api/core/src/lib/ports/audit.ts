import type { EntityManager } from 'typeorm';

/** An audit event type: the kind of thing it is about, and the only detail fields it may carry. */
export interface AuditEventType {
  readonly target: string;
  readonly details: readonly string[];
}

/**
 * The event types of the guard chain itself. Every feature module declares its own beside its code
 * (`libs/api/<feature>/src/lib/audit-events.ts`) and adds them to {@link AuditEventTypes} by declaration merging,
 * instead of editing this file. Each type's `details` is an allow-list: a field that is not listed never reaches the
 * table, whatever a caller passes (the redactor runs after this filter, before every write). docs/audit.md describes
 * each type.
 */
export const CORE_AUDIT_EVENTS = {
  'access.denied': { target: 'route', details: ['reason', 'method', 'section', 'action', 'scope'] },
} as const satisfies Record<string, AuditEventType>;

type CoreAuditEvents = typeof CORE_AUDIT_EVENTS;

/** Every event type the audit log holds, by action: core's, and each feature module's through declaration merging. */
export interface AuditEventTypes extends CoreAuditEvents {}

export type AuditAction = keyof AuditEventTypes & string;

export const AUDIT_OUTCOMES = ['success', 'denied', 'failure'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

export type AuditDetailField<A extends AuditAction> = AuditEventTypes[A]['details'][number];

/** One event as a module describes it. Actor, tenant and request id default to the current request's (request-context.ts). */
export interface AuditEventInput<A extends AuditAction = AuditAction> {
  readonly action: A;
  readonly outcome: AuditOutcome;
  /**
   * The tenant whose log the event belongs to (and whose hash chain it extends): the tenant the event is about.
   * Omitted: the acting user's tenant. `null`: no tenant (a failed sign-in of an unknown person); those form their own
   * chain.
   */
  readonly tenantId?: string | null;
  /** Omitted: the signed-in caller of the current request, as the guard chain resolved them. */
  readonly actor?: {
    readonly userId?: string | null;
    readonly apiKeyId?: string | null;
    readonly role?: string | null;
  };
  readonly targetId?: string | null;
  readonly details?: Partial<Record<AuditDetailField<A>, unknown>>;
}

export interface AuditRecordOptions {
  /**
   * The transaction of the change the event describes: the event is written in it, so neither exists without the
   * other. Without one the event is written in a transaction of its own.
   */
  readonly manager?: EntityManager;
}

/** Implemented by the audit module. Rejects when the event could not be written (inside `manager`, the change fails too). */
export interface AuditRecorder {
  record<A extends AuditAction>(event: AuditEventInput<A>, options?: AuditRecordOptions): Promise<void>;
}

export const AUDIT_RECORDER = Symbol('AUDIT_RECORDER');
