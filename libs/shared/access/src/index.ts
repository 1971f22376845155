export * from './lib/roles';
export * from './lib/sections';
export * from './lib/mfa-requirements';
export * from './lib/error-codes';
export * from './lib/permissions';
export * from './lib/api-key-scopes';
export * from './lib/sessions';
export * from './lib/sms-otp';
