import type { AuditAction, AuditOutcome } from '@aidial/portal/api-client';

/** Every event type the API records (docs/audit.md), in the order the action filter lists them. */
export const AUDIT_ACTIONS = [
  'auth.sign_in',
  'auth.sign_out',
  'auth.session.revoked',
  'auth.session.revoked_others',
  'auth.session.provider_logout',
  'mfa.setup_opened',
  'mfa.status_refresh_started',
  'mfa.recovery_codes.stored',
  'mfa.recovery_codes.reviewed',
  'mfa.recovery_codes.regenerated',
  'mfa.disable_opened',
  'mfa.factors_changed',
  'mfa.sms_otp.enrolment',
  'support.ticket.created',
  'support.ticket.refused',
  'tenancy.client.selected',
  'tenancy.client.cleared',
  'tenancy.invitation.created',
  'tenancy.invitation.revoked',
  'tenancy.member.role_changed',
  'tenancy.member.removed',
  'tenancy.member.sessions_revoked',
  'admin.tenant.created',
  'admin.tenant.status_changed',
  'admin.tenant.sms_otp_changed',
  'admin.tenant.mfa_policy_changed',
  'admin.membership.assigned',
  'admin.membership.removed',
  'admin.user.sessions_revoked',
  'admin.tenant.sessions_revoked',
  'access.denied',
  'integrations.api_key.created',
  'integrations.api_key.rotated',
  'integrations.api_key.revoked',
  'integrations.api_key.rejected',
] as const satisfies readonly AuditAction[];

// Fails to compile when the API gains an event type this list does not name.
type MissingAction = Exclude<AuditAction, (typeof AUDIT_ACTIONS)[number]>;
const _everyActionListed: [MissingAction] extends [never] ? true : never = true;

export const AUDIT_OUTCOMES = ['success', 'denied', 'failure'] as const satisfies readonly AuditOutcome[];

/** The kinds of thing an event is about (`target_type`), as the event types declare them. */
export const AUDIT_TARGET_TYPES = [
  'user',
  'session',
  'tenant',
  'invitation',
  'membership',
  'api_key',
  'route',
  'ticket',
] as const;

/** The Audit Log's filters, as the page, its address and the API share them. Null: not filtered. */
export interface AuditFilters {
  /** Inclusive, an ISO 8601 time. */
  readonly from: string | null;
  /** Exclusive, an ISO 8601 time. */
  readonly to: string | null;
  /** An actor's `id` as the API gives it: a person's user id, `api_key:<id>`, `aidial_support` or `system`. */
  readonly actor: string | null;
  readonly action: AuditAction | null;
  readonly outcome: AuditOutcome | null;
  readonly targetType: string | null;
  readonly targetId: string | null;
  /** Partner roles: one managed client. */
  readonly clientId: string | null;
  /** Internal roles: one tenant. */
  readonly tenantId: string | null;
}

export const NO_AUDIT_FILTERS: AuditFilters = {
  from: null,
  to: null,
  actor: null,
  action: null,
  outcome: null,
  targetType: null,
  targetId: null,
  clientId: null,
  tenantId: null,
};

/** Each filter's name on the wire: in the API's query and in the page's address alike. */
const PARAMETER: Readonly<Record<keyof AuditFilters, string>> = {
  from: 'from',
  to: 'to',
  actor: 'actor',
  action: 'action',
  outcome: 'outcome',
  targetType: 'target_type',
  targetId: 'target_id',
  clientId: 'client_id',
  tenantId: 'tenant_id',
};

/** The set filters as query parameters (snake_case, as the API names them); unset ones are left out. */
export function auditQueryOf(filters: AuditFilters): Record<string, string> {
  const query: Record<string, string> = {};
  for (const key of Object.keys(PARAMETER) as (keyof AuditFilters)[]) {
    const value = filters[key]?.trim();
    if (value) query[PARAMETER[key]] = value;
  }
  return query;
}

/**
 * Reads filters from query parameters (the page's address). A value the API would refuse anyway (an unknown action,
 * a time that is not one) is dropped rather than shown as a filter that does nothing.
 */
export function auditFiltersFrom(read: (name: string) => string | null | undefined): AuditFilters {
  const text = (key: keyof AuditFilters) => read(PARAMETER[key])?.trim() || null;
  const time = (key: keyof AuditFilters) => {
    const value = text(key);
    return value && !Number.isNaN(Date.parse(value)) ? value : null;
  };
  const action = text('action');
  const outcome = text('outcome');
  return {
    from: time('from'),
    to: time('to'),
    actor: text('actor'),
    action: (AUDIT_ACTIONS as readonly string[]).includes(action ?? '') ? (action as AuditAction) : null,
    outcome: (AUDIT_OUTCOMES as readonly string[]).includes(outcome ?? '') ? (outcome as AuditOutcome) : null,
    targetType: text('targetType'),
    targetId: text('targetId'),
    clientId: text('clientId'),
    tenantId: text('tenantId'),
  };
}

/** Whether two sets of filters ask for the same events. */
export function sameAuditFilters(a: AuditFilters, b: AuditFilters): boolean {
  return JSON.stringify(auditQueryOf(a)) === JSON.stringify(auditQueryOf(b));
}

export const AUDIT_EXPORT_PATH = '/api/audit-events/export.csv';

/** The CSV export of the same scope and filters: a same-origin address the session cookie opens. */
export function auditExportHref(filters: AuditFilters): string {
  const query = new URLSearchParams(auditQueryOf(filters)).toString();
  return query ? `${AUDIT_EXPORT_PATH}?${query}` : AUDIT_EXPORT_PATH;
}
