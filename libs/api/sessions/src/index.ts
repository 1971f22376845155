import { SessionEntity } from './lib/session.entity';

export * from './lib/sessions.module';
export * from './lib/session.entity';
export * from './lib/session-store';
export { AuthCookies } from './lib/cookies';
export type { EndedSessionRecord, LiveSessionRecord, SessionListEntry } from './lib/session.repository';

/** The tables this module owns, listed for the application's data source (no globs). */
export const SESSIONS_ENTITIES = [SessionEntity];
