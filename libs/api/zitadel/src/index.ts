export * from './lib/service-account-rights';
export * from './lib/zitadel-client';
export * from './lib/zitadel.module';
