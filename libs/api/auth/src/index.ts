import { SessionEntity } from './lib/entities/session.entity';
import { SignInAttemptEntity } from './lib/entities/sign-in-attempt.entity';

export * from './lib/auth.module';
export * from './lib/entities/session.entity';
export * from './lib/entities/sign-in-attempt.entity';
export { SessionCleanup, type SessionCleanupCounts } from './lib/sessions/session-cleanup';

/** The tables this module owns, listed for the application's data source (no globs). */
export const AUTH_ENTITIES = [SessionEntity, SignInAttemptEntity];
