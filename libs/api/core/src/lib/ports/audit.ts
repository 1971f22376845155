import type { EntityManager } from 'typeorm';

/**
 * Every event type the audit log holds, with the only detail fields it may carry (an allow-list: a field that is not
 * listed here never reaches the table, whatever a caller passes). The redactor runs after this filter, before every
 * write. `target` names the kind of thing the event is about. docs/audit.md describes each type.
 */
export const AUDIT_EVENT_TYPES = {
  'auth.sign_in': { target: 'user', details: ['reason', 'amr', 'role'] },
  'auth.sign_out': { target: 'session', details: ['reason'] },
  'auth.session.revoked': { target: 'session', details: ['reason'] },
  'auth.session.revoked_others': { target: 'user', details: ['count'] },
  'tenancy.member.sessions_revoked': { target: 'user', details: ['note', 'count', 'team'] },
  'admin.user.sessions_revoked': { target: 'user', details: ['note', 'count'] },
  'admin.tenant.sessions_revoked': { target: 'tenant', details: ['note', 'count'] },
  'mfa.setup_opened': { target: 'user', details: ['reason'] },
  'mfa.status_refresh_started': { target: 'session', details: ['reason'] },
  'mfa.recovery_codes.stored': { target: 'user', details: ['reason'] },
  'mfa.recovery_codes.reviewed': { target: 'user', details: ['reason'] },
  'mfa.recovery_codes.regenerated': { target: 'user', details: ['reason'] },
  'mfa.disable_opened': { target: 'user', details: ['reason'] },
  'mfa.sms_otp.enrolment': { target: 'user', details: ['reason', 'phone_tail'] },
  'support.ticket.created': { target: 'ticket', details: ['category'] },
  'support.ticket.refused': { target: 'ticket', details: ['category', 'reason'] },
  'tenancy.client.selected': { target: 'tenant', details: ['client_name'] },
  'tenancy.client.cleared': { target: 'tenant', details: [] },
  'tenancy.invitation.created': { target: 'invitation', details: ['email', 'role', 'team'] },
  'tenancy.invitation.revoked': { target: 'invitation', details: ['team'] },
  'tenancy.member.role_changed': {
    target: 'membership',
    details: ['user_id', 'from_role', 'to_role', 'team', 'sessions_ended'],
  },
  'tenancy.member.removed': { target: 'membership', details: ['user_id', 'role', 'team', 'sessions_ended'] },
  'admin.tenant.created': { target: 'tenant', details: ['name', 'kind', 'managing_partner_id'] },
  'admin.tenant.status_changed': { target: 'tenant', details: ['status', 'sessions_ended'] },
  'admin.tenant.sms_otp_changed': { target: 'tenant', details: ['enabled'] },
  'admin.tenant.mfa_policy_changed': { target: 'tenant', details: ['mfa_policy'] },
  'admin.membership.assigned': { target: 'user', details: ['role', 'sessions_ended'] },
  'admin.membership.removed': { target: 'user', details: ['sessions_ended'] },
  'access.denied': { target: 'route', details: ['reason', 'method', 'section', 'action', 'scope'] },
  'integrations.api_key.created': {
    target: 'api_key',
    details: ['name', 'public_id', 'scopes', 'client_id', 'project_ids', 'expires_at'],
  },
  'integrations.api_key.rotated': {
    target: 'api_key',
    details: ['name', 'public_id', 'successor_id', 'successor_public_id', 'old_expires_at', 'expires_at'],
  },
  'integrations.api_key.revoked': { target: 'api_key', details: ['name', 'public_id'] },
  'integrations.api_key.rejected': { target: 'api_key', details: ['public_id', 'reason'] },
} as const satisfies Record<string, { readonly target: string; readonly details: readonly string[] }>;

export type AuditAction = keyof typeof AUDIT_EVENT_TYPES;
export const AUDIT_ACTIONS = Object.keys(AUDIT_EVENT_TYPES) as AuditAction[];

export const AUDIT_OUTCOMES = ['success', 'denied', 'failure'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

export type AuditDetailField<A extends AuditAction> = (typeof AUDIT_EVENT_TYPES)[A]['details'][number];

/** One event as a module describes it. Actor, tenant and request id default to the current request's (request-context.ts). */
export interface AuditEventInput<A extends AuditAction = AuditAction> {
  readonly action: A;
  readonly outcome: AuditOutcome;
  /**
   * The tenant whose log the event belongs to (and whose hash chain it extends): the tenant the event is about.
   * Omitted: the acting user's tenant. `null`: no tenant (a failed sign-in of an unknown person); those form their own chain.
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
