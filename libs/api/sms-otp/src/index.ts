export * from './lib/sms-otp.module';
export * from './lib/australian-mobile';
export * from './lib/sms-enrol-limits';
export { SMS_OTP_AUDIT_EVENTS } from './lib/audit-events';
