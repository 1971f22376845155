// What the portal uses of the generated client (src/generated, never edited by hand) and the hand-written glue around it.
export { getReadiness, getSession, logout, startSignIn } from './generated';
export type { ErrorEnvelopeDto, SessionSummaryDto } from './generated';
export { API_CLIENT, provideApiClient } from './lib/api-client';
export { isErrorEnvelope } from './lib/error-envelope';
