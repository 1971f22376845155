export * from './lib/zitadel-client';
export * from './lib/zitadel.module';
