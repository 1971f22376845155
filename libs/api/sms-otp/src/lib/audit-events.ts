import type { AuditEventType } from '@aidial/api/core';

/**
 * The audit event types this module records (SMS one-time-code enrolment), with the only detail fields each may carry.
 * Added to core's `AuditEventTypes` below, so `record()` is typed by them; the audit module assembles every module's
 * table into its allow-list (docs/audit.md describes each type).
 */
export const SMS_OTP_AUDIT_EVENTS = {
  'mfa.sms_otp.enrolment': { target: 'user', details: ['reason', 'phone_tail'] },
} as const satisfies Record<string, AuditEventType>;

type SmsOtpAuditEvents = typeof SMS_OTP_AUDIT_EVENTS;

declare module '@aidial/api/core' {
  interface AuditEventTypes extends SmsOtpAuditEvents {}
}
