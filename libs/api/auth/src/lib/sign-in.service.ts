import { randomBytes, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  AUDIT_RECORDER,
  type AccessRefusal,
  type AuditEventInput,
  type AuditRecorder,
  coarseIp,
  mfaPolicyInputsOf,
} from '@aidial/api/core';
import { SecurityNotices } from '@aidial/api/notifications';
import { MfaSnapshotService, MfaStateForbiddenError } from '@aidial/api/mfa';
import { type ProviderTokens, SessionStore, hashToken } from '@aidial/api/sessions';
import { AccessContextService, PortalUserService } from '@aidial/api/tenancy';
import { type MfaSnapshot, UNKNOWN_MFA_SNAPSHOT, homePathFor, mfaPolicyFor } from '@aidial/shared/access';
import { DataSource } from 'typeorm';
import { IdTokenRejectedError, IdentityProviderUnavailableError, OidcClient } from './oidc/oidc-client';
import { DEFAULT_RETURN_PATH, safeReturnPath } from './oidc/return-path';
import { SignInAttemptRepository } from './sign-in-attempt.repository';
import { describeUserAgent } from './sessions/user-agent';

/** How long a sign-in started at the portal may take at the identity provider. */
export const SIGN_IN_ATTEMPT_MINUTES = 10;

/**
 * Where the sign-in page is told what went wrong (`/sign-in?error=…`): spec/02 "Unable to Sign In". A locked account
 * has no reason of its own: ZITADEL keeps a locked user on its own page and never sends the lock back to the
 * application (apps/dev-idp/README.md, "Lockout").
 */
export type SignInError = 'provider_denied' | 'provider_unavailable' | 'sign_in_failed';
/** Where the access-denied page is told why (`/access-denied?reason=…`): spec/02 "Common Access Issues". */
export type AccessDeniedReason =
  'no_membership' | 'role_not_recognised' | 'tenant_suspended' | 'session_validation_unavailable';

export type CallbackOutcome =
  | { readonly kind: 'signed_in'; readonly sessionCookie: string; readonly redirectTo: string }
  | { readonly kind: 'sign_in_error'; readonly error: SignInError }
  | { readonly kind: 'access_denied'; readonly reason: AccessDeniedReason };

export interface CallbackRequest {
  readonly state: string | undefined;
  readonly code: string | undefined;
  readonly error: string | undefined;
  readonly errorDescription: string | undefined;
  /** Every query parameter of the callback as the provider sent it (openid-client checks `state`, `iss` and `code` in it). */
  readonly parameters: URLSearchParams;
  readonly browserToken: string | undefined;
  /** The session cookie the browser still carried, if any: a live session behind it is replaced by the new one. */
  readonly previousSessionCookie?: string | undefined;
  readonly userAgent: string | null;
  readonly ip: string | null;
}

const REFUSAL_REASON: Readonly<Record<AccessRefusal, AccessDeniedReason>> = {
  // A person the provider knows but no organisation has added yet (or whose membership was removed): not a role problem.
  no_membership: 'no_membership',
  role_not_recognised: 'role_not_recognised',
  user_disabled: 'role_not_recognised',
  tenant_suspended: 'tenant_suspended',
};

function random(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/**
 * The sign-in flow: `start` records a single-use attempt bound to this browser and builds the authorization request;
 * `finish` consumes it at the callback, verifies everything, resolves the access context and only then makes a session.
 * Every refusal is one warn-level log line (`event: auth.sign_in.rejected`) with the reason and no token or code, and
 * one `auth.sign_in` audit event (outcome `failure`, or `denied` when the person has no usable membership); a success
 * is an `auth.sign_in` event written in the transaction that creates the session.
 */
@Injectable()
export class SignInService {
  private readonly logger = new Logger('SignIn');

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly attempts: SignInAttemptRepository,
    private readonly oidc: OidcClient,
    private readonly sessions: SessionStore,
    private readonly users: PortalUserService,
    private readonly access: AccessContextService,
    private readonly mfa: MfaSnapshotService,
    @Inject(AUDIT_RECORDER) private readonly audit: AuditRecorder,
    private readonly notices: SecurityNotices,
  ) {}

  /**
   * With `prompt: 'login'` the provider authenticates the user again even within its own session (the MFA module's
   * "Refresh security status"); with `maxAgeSeconds` as well (a step-up, docs/sessions.md) the callback also refuses
   * an ID token whose `auth_time` is older than that. Either way the callback replaces this browser's session.
   */
  async start(
    email: string | null,
    requestedReturn: unknown,
    options: { readonly prompt?: 'login'; readonly maxAgeSeconds?: number } = {},
  ): Promise<{ authorizationUrl: string; browserToken: string }> {
    const state = random();
    const nonce = random();
    const codeVerifier = random(48);
    const browserToken = random();
    const maxAgeSeconds = options.maxAgeSeconds ?? null;
    // Throws IdentityProviderUnavailableError before anything is stored when the provider cannot be reached.
    const authorizationUrl = await this.oidc.authorizationUrl({
      state,
      nonce,
      codeVerifier,
      loginHint: email,
      maxAgeSeconds,
      ...(options.prompt ? { prompt: options.prompt } : {}),
    });
    await this.attempts.insert({
      stateHash: hashToken(state),
      browserHash: hashToken(browserToken),
      nonce,
      codeVerifier,
      returnTo: safeReturnPath(requestedReturn),
      maxAgeSeconds,
    });
    return { authorizationUrl, browserToken };
  }

  async finish(request: CallbackRequest): Promise<CallbackOutcome> {
    const attempt = await this.consumeAttempt(request.state, request.browserToken);
    if (!attempt) return this.reject('sign_in_failed', 'unknown, replayed, expired or foreign state');
    if (request.error) {
      if (request.error === 'access_denied') return this.reject('provider_denied', 'provider answered access_denied');
      return this.reject('sign_in_failed', `provider answered ${request.error.slice(0, 64)}`);
    }
    if (!request.code) return this.reject('sign_in_failed', 'callback without a code');

    try {
      const { identity, tokens } = await this.oidc.completeAuthorization(request.parameters, {
        state: request.state ?? '',
        nonce: attempt.nonce,
        codeVerifier: attempt.codeVerifier,
        maxAgeSeconds: attempt.maxAgeSeconds,
      });
      let userId: string;
      let resolution;
      try {
        userId = await this.users.recordSignIn({
          subject: identity.subject,
          email: identity.email,
          emailVerified: identity.emailVerified,
          displayName: identity.displayName,
        });
        resolution = await this.access.resolve({ userId, tenantId: null });
      } catch (error) {
        return this.validationUnavailable(error, {});
      }
      if (!resolution.ok) {
        this.logger.warn({ event: 'auth.sign_in.rejected', reason: resolution.refusal, subject: identity.subject });
        await this.recordRefusal({
          action: 'auth.sign_in',
          outcome: 'denied',
          tenantId: null,
          actor: { userId },
          targetId: userId,
          details: { reason: resolution.refusal, amr: identity.amr },
        });
        return { kind: 'access_denied', reason: REFUSAL_REASON[resolution.refusal] };
      }
      const context = resolution.context;
      // Asked before the transaction (two calls to the provider; an outage gives `unknown`). A service account ZITADEL
      // refuses is a deployment fault (readiness reports it): a person whose access depends on MFA cannot be let in
      // on an `unknown` that would hide it, so their sign-in ends; anyone else signs in with the enrolment unknown.
      let mfa: MfaSnapshot;
      try {
        mfa = await this.mfa.snapshot({
          userId,
          idpSubject: identity.subject,
          idpSessionId: identity.idpSessionId,
          amr: identity.amr,
        });
      } catch (error) {
        if (!(error instanceof MfaStateForbiddenError)) throw error;
        if (mfaPolicyFor(mfaPolicyInputsOf(context)).policy === 'required') {
          return this.validationUnavailable(error, { userId });
        }
        this.logger.warn({ event: 'auth.sign_in.mfa_state_forbidden', err: error });
        mfa = { ...UNKNOWN_MFA_SNAPSHOT, refreshedAt: new Date().toISOString() };
      }
      const sessionCookie = await this.dataSource.transaction(async (manager) => {
        // A fresh session id at every sign-in (and so at every re-authentication or change of privilege): the one this
        // browser held before ends now, in the transaction that creates its successor.
        await this.sessions.replace(request.previousSessionCookie, manager);
        // Asked before this sign-in's own session exists (it would make every browser a known one).
        const newDevice = await this.sessions.isNewDevice(userId, request.userAgent, manager);
        const cookie = await this.sessions.create(
          {
            userId,
            tenantId: context.tenant.id,
            idpSubject: identity.subject,
            idpSessionId: identity.idpSessionId,
            amr: identity.amr,
            authTime: identity.authTime,
            mfa,
            tokens,
            userAgent: request.userAgent,
            ip: request.ip,
          },
          manager,
        );
        const person = {
          userId,
          tenantId: context.tenant.id,
          email: context.user.email ?? identity.email,
          name: context.user.displayName ?? identity.displayName,
        };
        const factorChange = await this.mfa.record(userId, mfa, manager);
        if (factorChange) {
          // The second factors changed at the provider since the person's last sign-in: their other sessions end
          // (docs/sessions.md, "Factor changes"), and they are told.
          const sessionId = await this.sessions.idOf(cookie, manager);
          if (sessionId) await this.mfa.factorsChanged(person, sessionId, factorChange, manager);
        }
        if (newDevice) {
          const browser = describeUserAgent(request.userAgent);
          await this.notices.send(
            {
              kind: 'new_device_sign_in',
              device: [browser.browser, browser.os].filter(Boolean).join(' on ') || 'An unrecognised browser',
              network: coarseIp(request.ip),
              at: new Date(),
            },
            [person],
            manager,
          );
        }
        await this.audit.record(
          {
            action: 'auth.sign_in',
            outcome: 'success',
            tenantId: context.tenant.id,
            actor: { userId, role: context.role },
            targetId: userId,
            details: {
              amr: identity.amr,
              role: context.role,
              ...(attempt.maxAgeSeconds !== null ? { step_up: true } : {}),
            },
          },
          { manager },
        );
        return cookie;
      });
      this.logger.log({ event: 'auth.sign_in.succeeded', subject: identity.subject, role: resolution.context.role });
      const redirectTo =
        attempt.returnTo === DEFAULT_RETURN_PATH ? homePathFor(resolution.context.role) : attempt.returnTo;
      return { kind: 'signed_in', sessionCookie, redirectTo };
    } catch (error) {
      if (error instanceof IdentityProviderUnavailableError) return this.reject('provider_unavailable', error.message);
      if (error instanceof IdTokenRejectedError) return this.reject('sign_in_failed', error.message);
      throw error;
    }
  }

  /**
   * Ends the session and records `auth.sign_out` in one transaction. Returns the provider tokens for the end-session
   * request, or null (and records nothing) when the session was already gone.
   */
  async signOut(principal: { sessionId: string; userId: string; tenantId: string }): Promise<ProviderTokens | null> {
    return this.dataSource.transaction(async (manager) => {
      const tokens = await this.sessions.signOut(
        principal.sessionId,
        { reason: 'signed_out', byUserId: principal.userId },
        manager,
      );
      if (tokens) {
        await this.audit.record(
          {
            action: 'auth.sign_out',
            outcome: 'success',
            tenantId: principal.tenantId,
            targetId: principal.sessionId,
            details: { reason: 'signed_out' },
          },
          { manager },
        );
      }
      return tokens;
    });
  }

  /** Marks the attempt used (once, atomically) and checks it belongs to this browser and is recent. */
  private async consumeAttempt(
    state: string | undefined,
    browserToken: string | undefined,
  ): Promise<{ nonce: string; codeVerifier: string; returnTo: string; maxAgeSeconds: number | null } | null> {
    if (!state || !browserToken || state.length > 200 || browserToken.length > 200) return null;
    const attempt = await this.attempts.consume(hashToken(state), SIGN_IN_ATTEMPT_MINUTES);
    if (!attempt || !timingSafeEqual(attempt.browserHash, hashToken(browserToken))) return null;
    return {
      nonce: attempt.nonce,
      codeVerifier: attempt.codeVerifier,
      returnTo: attempt.returnTo,
      maxAgeSeconds: attempt.maxAgeSeconds,
    };
  }

  /** The access context or the MFA state could not be had: access denied, "session validation unavailable". */
  private async validationUnavailable(error: unknown, actor: { userId?: string }): Promise<CallbackOutcome> {
    this.logger.error({ event: 'auth.sign_in.rejected', reason: 'session_validation_unavailable', err: error });
    await this.recordRefusal({
      action: 'auth.sign_in',
      outcome: 'failure',
      tenantId: null,
      actor,
      ...(actor.userId ? { targetId: actor.userId } : {}),
      details: { reason: 'session_validation_unavailable' },
    });
    return { kind: 'access_denied', reason: 'session_validation_unavailable' };
  }

  /** A sign-in that failed before anyone was identified: an event of no tenant and no actor. */
  private async reject(error: SignInError, detail: string): Promise<CallbackOutcome> {
    this.logger.warn({ event: 'auth.sign_in.rejected', reason: error, detail });
    await this.recordRefusal({
      action: 'auth.sign_in',
      outcome: error === 'provider_denied' ? 'denied' : 'failure',
      tenantId: null,
      actor: {},
      details: { reason: error },
    });
    return { kind: 'sign_in_error', error };
  }

  /** A refused sign-in changes nothing in the database, so failing to record it must not change the answer either. */
  private async recordRefusal(event: AuditEventInput<'auth.sign_in'>): Promise<void> {
    try {
      await this.audit.record(event);
    } catch (error) {
      this.logger.warn({ event: 'audit.record_failed', action: event.action, err: error });
    }
  }
}
