// The signed-in user's sessions (Settings › Sessions): a signal store over the generated client.
export { type ActiveSessionsState, type EndedSessionsState, SessionsStore } from './lib/sessions.store';
