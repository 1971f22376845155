import { randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, type SessionPrincipal } from '@aidial/api/core';
import { SessionStore } from '@aidial/api/sessions';
import { type AuthenticationMethod, ZitadelApiError, ZitadelClient } from '@aidial/api/zitadel';
import type { MfaSnapshot, RecoveryCodeState } from '@aidial/shared/access';
import { DataSource, type EntityManager } from 'typeorm';
import { MfaLifecycleRepository } from './mfa-lifecycle.repository';
import { type MfaSignIn, MfaStateForbiddenError } from './mfa-sign-in';
import { type SessionEvidence, buildMfaSnapshot, withMethods } from './snapshot';

/** A new lifecycle marker: random, opaque, and different at every transition. */
export function newMarker(): string {
  return randomBytes(18).toString('base64url');
}

/**
 * The MFA snapshot the auth module takes at every sign-in: asks ZITADEL (in parallel, each call with the client's timeout) for the
 * user's authentication methods and, with login v2, for the session behind the ID token's `sid`, and combines them
 * with `amr` ({@link buildMfaSnapshot}). A provider that cannot answer never fails the sign-in: what it would have said
 * is unknown. A provider that refuses the service account does (MfaStateForbiddenError), and tells the readiness check.
 */
@Injectable()
export class MfaSnapshotService {
  private readonly logger = new Logger('MfaSnapshot');

  constructor(
    private readonly zitadel: ZitadelClient,
    private readonly lifecycles: MfaLifecycleRepository,
    private readonly sessions: SessionStore,
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * A factor was added during this session (SMS enrolment): the session's snapshot and the recovery-code lifecycle
   * learn the user's methods now, in one transaction, so the Profile shows the factor at once and after a reload,
   * not only after the next sign-in. Other sessions of the user learn it at their next sign-in.
   */
  async factorAdded(
    principal: Pick<SessionPrincipal, 'sessionId' | 'mfa'>,
    userId: string,
    methods: readonly AuthenticationMethod[],
  ): Promise<MfaSnapshot> {
    const snapshot = withMethods(principal.mfa, methods, new Date());
    await this.dataSource.transaction(async (manager) => {
      await this.sessions.updateMfaSnapshot(principal.sessionId, snapshot, manager);
      await this.record(userId, snapshot, manager);
    });
    return snapshot;
  }

  async snapshot(signIn: MfaSignIn): Promise<MfaSnapshot> {
    const [methods, session] = await Promise.all([
      this.zitadel
        .authenticationMethods(signIn.idpSubject)
        .catch((error: unknown): AuthenticationMethod[] | null => this.unanswered(error, 'mfa.enrolment_unknown')),
      this.sessionEvidence(signIn.idpSessionId),
    ]);
    return buildMfaSnapshot({ amr: signIn.amr, methods, session, now: new Date() });
  }

  /**
   * Login v1's `sid` is no v2 session (ZITADEL finds none), so with `ZITADEL_LOGIN_UI=v1` it is not asked for; with
   * login v2 a session ZITADEL does not have is as good as none: `amr` alone decides.
   */
  private async sessionEvidence(sid: string | null): Promise<SessionEvidence> {
    if (!sid || this.config.zitadelLoginUi === 'v1') return { kind: 'absent' };
    try {
      const session = await this.zitadel.session(sid);
      return session ? { kind: 'read', factors: session.factors } : { kind: 'absent' };
    } catch (error) {
      this.unanswered(error, 'mfa.session_state_unknown');
      return { kind: 'unavailable' };
    }
  }

  /**
   * An outage is logged and read as unknown (null); a refusal of the service account is not (the client has told the
   * readiness check already).
   */
  private unanswered(error: unknown, event: string): null {
    if (error instanceof ZitadelApiError && error.permissionMissing) {
      this.logger.error({ event: 'mfa.state_forbidden', id: error.id, status: error.status });
      throw new MfaStateForbiddenError(`ZITADEL refused the service account (${error.id ?? error.status})`);
    }
    this.logger.warn({ event, err: error });
    return null;
  }

  /**
   * The lifecycle transitions a sign-in causes (docs/mfa.md), in the sign-in's transaction:
   * - enrolled now and not before (no row, or last seen not enrolled: first enrolment or re-enablement) → `ack_required`
   *   when the provider lists recovery codes for the user (it issued a set), else `none`: an SMS-only enrolment issues
   *   no codes, so nobody is asked to store codes they never saw;
   * - enrolled before and still, no prompt yet, and the provider now lists recovery codes (a set issued since) →
   *   `ack_required`;
   * - not enrolled now, enrolled before → `none` (the factor was removed);
   * - a recovery code used in this sign-in → `reminder` (over the others; a new marker even when already `reminder`);
   * - an unknown enrolment changes nothing else.
   * Each transition writes a new marker; a sign-in that changes nothing leaves the row (and its marker) alone.
   */
  async record(userId: string, snapshot: MfaSnapshot, manager: EntityManager): Promise<void> {
    const current = await this.lifecycles.find(userId, manager, true);
    let enrolled = current?.enrolled ?? false;
    let state: RecoveryCodeState = current?.recoveryCodes ?? 'none';
    const codesIssued = snapshot.enrolledFactors.includes('recovery_code');
    if (snapshot.enrolment === 'enrolled' && !enrolled) {
      enrolled = true;
      state = codesIssued ? 'ack_required' : 'none';
    } else if (snapshot.enrolment === 'enrolled' && state === 'none' && codesIssued) {
      state = 'ack_required';
    } else if (snapshot.enrolment === 'not_enrolled' && enrolled) {
      enrolled = false;
      state = 'none';
    }
    const recoveryCodeUsed = snapshot.usedFactors.includes('recovery_code');
    if (recoveryCodeUsed) state = 'reminder';
    if (!recoveryCodeUsed && current && current.enrolled === enrolled && current.recoveryCodes === state) return;
    if (!current && state === 'none' && !enrolled) return;
    await this.lifecycles.save(manager, userId, { marker: newMarker(), recoveryCodes: state, enrolled });
  }
}
