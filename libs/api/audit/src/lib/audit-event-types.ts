import { AUTH_AUDIT_EVENTS } from '@aidial/api/auth';
import { type AuditAction, type AuditEventType, CORE_AUDIT_EVENTS } from '@aidial/api/core';
import { INTEGRATIONS_AUDIT_EVENTS } from '@aidial/api/integrations';
import { MFA_AUDIT_EVENTS } from '@aidial/api/mfa';
import { SMS_OTP_AUDIT_EVENTS } from '@aidial/api/sms-otp';
import { SUPPORT_AUDIT_EVENTS } from '@aidial/api/support';
import { TENANCY_AUDIT_EVENTS } from '@aidial/api/tenancy';

/**
 * Every event type the audit log accepts, assembled from the tables each module declares beside its code. Typed as a
 * record of every action the modules add to core's `AuditEventTypes`, so a module whose table is missing here fails
 * the type-check (and, at run time, its events would be refused as unknown).
 */
export const AUDIT_EVENT_TYPES: Readonly<Record<AuditAction, AuditEventType>> = {
  ...CORE_AUDIT_EVENTS,
  ...AUTH_AUDIT_EVENTS,
  ...TENANCY_AUDIT_EVENTS,
  ...MFA_AUDIT_EVENTS,
  ...SMS_OTP_AUDIT_EVENTS,
  ...SUPPORT_AUDIT_EVENTS,
  ...INTEGRATIONS_AUDIT_EVENTS,
};

/** The actions, for the Audit Log's filter and the OpenAPI enum (`AuditAction`). */
export const AUDIT_ACTIONS = Object.keys(AUDIT_EVENT_TYPES) as AuditAction[];
