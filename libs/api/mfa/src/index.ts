export * from './lib/mfa.module';
export * from './lib/mfa-lifecycle.entity';
export * from './lib/dto/mfa.dto';
export { buildMfaSnapshot } from './lib/snapshot';
export { MFA_ACTION_LIMIT } from './lib/mfa.service';
export { PROVIDER_PATHS } from './lib/provider-urls';
