// App-wide plumbing of the portal: the session, the access rules applied to routes and API answers, and tokens.
export { BROWSER_LOCATION } from './lib/browser-location';
export { CLOCK } from './lib/clock';
export { accessInterceptor } from './lib/http/access.interceptor';
export { type AccessRefusal, accessRefusalFor } from './lib/routing/access-refusal';
export {
  ACCESS_DENIED_PATH,
  ACCESS_DENIED_REASONS,
  type AccessDeniedReason,
  NOT_FOUND_PATH,
  RETURN_TO_PARAM,
  SIGN_IN_PATH,
  isAccessDeniedReason,
} from './lib/routing/portal-paths';
export { mfaRemediationRedirect } from './lib/routing/mfa-remediation';
export { isSameOriginPath, returnPathWorthKeeping } from './lib/routing/return-path';
export { redirectToHome, sectionGuard, signedInGuard } from './lib/routing/session.guards';
export {
  type PortalSession,
  type SessionCheck,
  SessionStore,
  type SignInStart,
  type SignOutResult,
} from './lib/session/session.store';
export { UNAVAILABLE, displayNameOf } from './lib/session/display-name';
export {
  REAUTHENTICATION_REQUIRED,
  STEP_UP_PROMPT,
  StepUp,
  type StepUpPrompt,
  type StepUpResult,
} from './lib/session/step-up';
export { SESSION_ENDED_PARAM, sessionEndedUrl } from './lib/session/session-ended';
export {
  ABSOLUTE_EXPIRES_IN_HEADER,
  EXPIRY_WARNING_SECONDS,
  type ExpiryNotice,
  IDLE_EXPIRES_IN_HEADER,
  type KeepAliveResult,
  type LifetimeState,
  SESSION_LIFETIME_CHANNEL,
  SessionLifetime,
  lifetimeStateAt,
} from './lib/session/session-lifetime';
