import { SignInAttemptEntity } from './lib/entities/sign-in-attempt.entity';

export * from './lib/auth.module';
export * from './lib/entities/sign-in-attempt.entity';
export { SessionTokens } from './lib/session-tokens';
export { SessionCleanup, type SessionCleanupCounts } from './lib/sessions/session-cleanup';

/** The tables this module owns, listed for the application's data source (no globs). */
export const AUTH_ENTITIES = [SignInAttemptEntity];
export { AUTH_AUDIT_EVENTS } from './lib/audit-events';
