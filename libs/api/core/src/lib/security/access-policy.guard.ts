import { type CanActivate, type ExecutionContext, Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { ApiError } from '../errors/api-error';
import { type ErrorCode, type MfaEvaluation, canAccessSection, canPerform, evaluateMfa } from '@aidial/shared/access';
import { bindRequestActor } from '../http/request-context';
import { AUDIT_RECORDER, type AuditRecorder } from '../ports/audit';
import { isDatabaseUnavailable } from '../database/database-errors';
import {
  ACCESS_CONTEXT_READER,
  type AccessContext,
  type AccessContextReader,
  type AccessResolution,
  mfaPolicyInputsOf,
} from '../ports/access-context';
import {
  API_KEY_AUTHENTICATOR,
  type ApiKeyAuthentication,
  type ApiKeyAuthenticator,
  type ApiKeyPrincipal,
  type Principal,
  SESSION_AUTHENTICATOR,
  type SessionAuthenticator,
  type SessionPrincipal,
} from '../ports/principal';
import { ACCESS_POLICY, type AccessPolicy, MFA_EXEMPT } from './access-policy';
import { hasBrowserSignals } from './browser-signals';
import { routeTargetOf } from './route-target';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { RateLimiter } from '../rate-limit/rate-limiter';
import { THROTTLE_WINDOW_SECONDS, clientNetwork } from '../rate-limit/request-throttles';

/** Whole seconds left of the session's idle lifetime (it slides with use; the absolute end caps it). */
export const SESSION_IDLE_EXPIRES_IN_HEADER = 'X-Session-Idle-Expires-In';
/** Whole seconds left of the session's absolute lifetime since sign-in. */
export const SESSION_ABSOLUTE_EXPIRES_IN_HEADER = 'X-Session-Absolute-Expires-In';

/** Whole seconds from now until `moment`, never negative. */
export function secondsUntil(moment: Date, now: number = Date.now()): number {
  return Math.max(0, Math.floor((moment.getTime() - now) / 1000));
}

/**
 * The session's remaining lifetimes as durations, computed by the server, so the portal's idle warning does not depend
 * on the browser's clock. Set on every response to a request a session authenticated (errors included).
 */
export function setSessionLifetimeHeaders(
  response: Response,
  lifetimes: { readonly idleExpiresAt: Date; readonly absoluteExpiresAt: Date },
  now: number = Date.now(),
): void {
  response.setHeader(SESSION_IDLE_EXPIRES_IN_HEADER, String(secondsUntil(lifetimes.idleExpiresAt, now)));
  response.setHeader(SESSION_ABSOLUTE_EXPIRES_IN_HEADER, String(secondsUntil(lifetimes.absoluteExpiresAt, now)));
}

/** The session cookie's names (the sessions module's cookies.ts): `__Host-` prefixed on https, plain on http. */
const SESSION_COOKIE_NAMES = ['__Host-aidial_session', 'aidial_session'] as const;

/** Whether the request carries a session cookie at all (a lookup that finds nothing for it is a failed one). */
export function carriesSessionCookie(request: Pick<Request, 'cookies'>): boolean {
  const cookies = request.cookies as Record<string, unknown> | undefined;
  return SESSION_COOKIE_NAMES.some((name) => typeof cookies?.[name] === 'string' && cookies[name] !== '');
}

/** The bucket of failed session-cookie lookups (docs/rate-limits.md): per client address, FAILED_SESSION_LOOKUPS_PER_MINUTE. */
export const FAILED_SESSION_LOOKUP_BUCKET = 'session.lookup.failed';

export type RequestWithPrincipal = Request & {
  principal?: Principal;
  apiKey?: ApiKeyPrincipal;
  accessContext?: AccessContext;
  /** The session's MFA evaluation, made once by the guard for every `@Member`/`@Section` route; read with `@CurrentMfa()`. */
  mfa?: MfaEvaluation;
};

/**
 * The head of the security chain. A route that declares no access policy is answered as if it did not exist; a route
 * for signed-in users gets its principal from the session authenticator (the auth module) or answers 401.
 */
@Injectable()
export class AccessPolicyGuard implements CanActivate {
  private readonly logger = new Logger('AccessPolicy');

  constructor(
    private readonly reflector: Reflector,
    @Optional() @Inject(SESSION_AUTHENTICATOR) private readonly sessions: SessionAuthenticator | null,
    @Optional() @Inject(ACCESS_CONTEXT_READER) private readonly access: AccessContextReader | null,
    @Optional() @Inject(AUDIT_RECORDER) private readonly audit: AuditRecorder | null,
    @Optional() @Inject(API_KEY_AUTHENTICATOR) private readonly apiKeys: ApiKeyAuthenticator | null,
    @Optional() @Inject(RateLimiter) private readonly limiter: RateLimiter | null,
    @Optional() @Inject(APP_CONFIG) private readonly config: AppConfig | null,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const policy = this.reflector.getAllAndOverride<AccessPolicy | undefined>(ACCESS_POLICY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (policy?.kind === 'public') return true;
    if (policy?.kind === 'api_key') {
      await this.authenticateApiKey(context.switchToHttp().getRequest<RequestWithPrincipal>(), policy);
      return true;
    }
    if (policy?.kind === 'session' || policy?.kind === 'member' || policy?.kind === 'section') {
      const request = context.switchToHttp().getRequest<RequestWithPrincipal>();
      const principal = await this.authenticate(request);
      request.principal = principal;
      setSessionLifetimeHeaders(context.switchToHttp().getResponse<Response>(), principal);
      bindRequestActor({ userId: principal.userId, tenantId: principal.tenantId });
      if (policy.kind === 'session') return true;
      const accessContext = await this.resolveAccess(principal, request, policy);
      bindRequestActor({ tenantId: accessContext.tenant.id, role: accessContext.role });
      // A recognised role outside the section gets the same answer as a route that does not exist (DESIGN.md §5).
      if (policy.kind === 'section' && !canAccessSection(accessContext.role, policy.section)) {
        await this.recordDenial('not_found', request, policy);
        throw new ApiError('not_found');
      }
      if (policy.kind === 'section' && policy.action && !canPerform(accessContext.role, policy.action)) {
        await this.recordDenial('insufficient_role', request, policy);
        throw new ApiError('insufficient_role');
      }
      request.accessContext = accessContext;
      await this.checkMfaCompliance(context, request, principal, accessContext, policy);
      return true;
    }
    this.logger.error(`${context.getClass().name}.${context.getHandler().name} declares no access policy; refused`);
    throw new ApiError('not_found');
  }

  /**
   * The `/v1` chain: browser signals with a key → 403; the key (never a session cookie) → principal and access context
   * or one 401; the scope → 403; the route's section for the creator's role → 404. The key module records rejected
   * uses itself (it knows whose key it was).
   */
  private async authenticateApiKey(
    request: RequestWithPrincipal,
    policy: Extract<AccessPolicy, { kind: 'api_key' }>,
  ): Promise<void> {
    const header = request.headers['x-api-key'];
    if (header !== undefined && hasBrowserSignals(request.headers)) throw new ApiError('browser_credentials_refused');
    let result: ApiKeyAuthentication = { ok: false, refusal: 'invalid' };
    try {
      if (this.apiKeys) result = await this.apiKeys.authenticate(typeof header === 'string' ? header : undefined);
    } catch (error) {
      if (isDatabaseUnavailable(error)) throw new ApiError('service_unavailable');
      throw error;
    }
    if (!result.ok) throw new ApiError(result.refusal === 'tenant_suspended' ? 'tenant_suspended' : 'api_key_invalid');
    const { principal, context: accessContext } = result;
    request.apiKey = principal;
    bindRequestActor({ apiKeyId: principal.keyId, tenantId: principal.tenantId, role: principal.creatorRole });
    if (!principal.scopes.includes(policy.scope)) {
      await this.recordDenial('api_key_scope_missing', request, policy);
      throw new ApiError('api_key_scope_missing');
    }
    if (policy.section && !canAccessSection(principal.creatorRole, policy.section)) {
      await this.recordDenial('not_found', request, policy);
      throw new ApiError('not_found');
    }
    request.accessContext = accessContext;
  }

  /**
   * 401 without a live session; 503 `session_validation_unavailable` when the session store cannot answer. A session
   * cookie that resolves to no session is counted per client address, and past the limit the answer is 429: only
   * failures are counted, so a request with a live session pays nothing for it.
   */
  private async authenticate(request: Request): Promise<SessionPrincipal> {
    let principal: SessionPrincipal | null = null;
    try {
      principal = this.sessions ? await this.sessions.authenticate(request) : null;
    } catch (error) {
      if (isDatabaseUnavailable(error)) throw new ApiError('session_validation_unavailable');
      throw error;
    }
    if (!principal) {
      if (carriesSessionCookie(request)) await this.countFailedLookup(request);
      throw new ApiError('unauthenticated');
    }
    return principal;
  }

  /** Counts a failed session-cookie lookup of this client address; throws 429 (or 503, fail closed) past the limit. */
  private async countFailedLookup(request: Request): Promise<void> {
    if (!this.limiter || !this.config) return;
    await this.limiter.enforce({
      name: FAILED_SESSION_LOOKUP_BUCKET,
      key: clientNetwork(request),
      limit: this.config.failedSessionLookupsPerMinute,
      windowSeconds: THROTTLE_WINDOW_SECONDS,
    });
  }

  /**
   * The access context, resolved from the database on every request: a role change, a suspension or a removed
   * membership applies from the next request, on every API instance (no cache to wait for).
   */
  private async resolveAccess(
    principal: SessionPrincipal,
    request: Request,
    policy: AccessPolicy,
  ): Promise<AccessContext> {
    if (!this.access) throw new ApiError('session_validation_unavailable');
    let resolution: AccessResolution;
    try {
      resolution = await this.access.resolve(principal);
    } catch (error) {
      this.logger.warn({ err: error }, 'access context could not be resolved');
      throw new ApiError('session_validation_unavailable');
    }
    if (!resolution.ok) {
      const code = resolution.refusal === 'tenant_suspended' ? 'tenant_suspended' : 'access_denied';
      await this.recordDenial(code, request, policy);
      throw new ApiError(code);
    }
    return resolution.context;
  }

  /**
   * The MFA compliance step (docs/mfa.md): a session whose MFA policy is required (by role, tenant or user) and that is
   * not compliant reaches only the routes declared MFA-exempt (`@Member({ mfaExempt: true })`); every other route
   * answers 403 `mfa_required` with the path where the user fixes it. Pure: the snapshot came with the session row, the
   * policies with the access context. An unknown enrolment fails closed. The evaluation is made here once per request,
   * exempt routes included, and handed to handlers (`@CurrentMfa()`), which never evaluate it again.
   */
  private async checkMfaCompliance(
    context: ExecutionContext,
    request: RequestWithPrincipal,
    principal: SessionPrincipal,
    accessContext: AccessContext,
    policy: AccessPolicy,
  ): Promise<void> {
    const evaluation = evaluateMfa({ ...mfaPolicyInputsOf(accessContext), snapshot: principal.mfa });
    request.mfa = evaluation;
    const exempt = this.reflector.getAllAndOverride<boolean | undefined>(MFA_EXEMPT, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (exempt === true || evaluation.compliant) return;
    await this.recordDenial('mfa_required', request, policy);
    throw new ApiError('mfa_required', { remediationPath: evaluation.remediationPath });
  }

  /**
   * One `access.denied` audit event (one insert) for a refusal after authentication. Recording must never change the
   * answer: a failure to record is logged and the refusal goes out as it would have.
   */
  private async recordDenial(reason: ErrorCode, request: Request, policy: AccessPolicy): Promise<void> {
    if (!this.audit) return;
    try {
      await this.audit.record({
        action: 'access.denied',
        outcome: 'denied',
        targetId: routeTargetOf(request),
        details: {
          reason,
          method: request.method,
          ...(policy.kind === 'section' ? { section: policy.section, action: policy.action ?? null } : {}),
          ...(policy.kind === 'api_key' ? { section: policy.section ?? null, scope: policy.scope } : {}),
        },
      });
    } catch (error) {
      this.logger.warn({ err: error, event: 'audit.record_failed', action: 'access.denied' });
    }
  }
}
