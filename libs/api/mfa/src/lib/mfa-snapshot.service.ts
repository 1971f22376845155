import { randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@aidial/api/core';
import { type AuthenticationMethod, ZitadelApiError, ZitadelClient } from '@aidial/api/zitadel';
import type { MfaSnapshot, RecoveryCodeState } from '@aidial/shared/access';
import type { EntityManager } from 'typeorm';
import { MfaLifecycleRepository } from './mfa-lifecycle.repository';
import { type MfaSignIn, MfaStateForbiddenError } from './mfa-sign-in';
import { type SessionEvidence, buildMfaSnapshot } from './snapshot';

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
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

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
   * - enrolled now and not before (no row, or last seen not enrolled: first enrolment or re-enablement) → `ack_required`;
   * - not enrolled now, enrolled before → `none` (the factor was removed);
   * - a recovery code used in this sign-in → `reminder` (over the two above; a new marker even when already `reminder`);
   * - an unknown enrolment changes nothing else.
   * Each transition writes a new marker; a sign-in that changes nothing leaves the row (and its marker) alone.
   */
  async record(userId: string, snapshot: MfaSnapshot, manager: EntityManager): Promise<void> {
    const current = await this.lifecycles.find(userId, manager, true);
    let enrolled = current?.enrolled ?? false;
    let state: RecoveryCodeState = current?.recoveryCodes ?? 'none';
    if (snapshot.enrolment === 'enrolled' && !enrolled) {
      enrolled = true;
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
