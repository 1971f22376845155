export * from './database-time';
export * from './tenants';
export * from './users';
export * from './sessions';
export * from './sign-in-attempts';
export * from './api-keys';
export * from './rate-limits';
