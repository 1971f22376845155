import { randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  APP_CONFIG,
  AUDIT_RECORDER,
  type AppConfig,
  type AuditRecorder,
  type SessionPrincipal,
} from '@aidial/api/core';
import { type SecurityFactor, SecurityNotices } from '@aidial/api/notifications';
import { SessionStore } from '@aidial/api/sessions';
import { type AuthenticationMethod, ZitadelApiError, ZitadelClient } from '@aidial/api/zitadel';
import type { MfaFactor, MfaSnapshot, RecoveryCodeState } from '@aidial/shared/access';
import { DataSource, type EntityManager } from 'typeorm';
import { MfaLifecycleRepository } from './mfa-lifecycle.repository';
import { type MfaSignIn, MfaStateForbiddenError } from './mfa-sign-in';
import { type SessionEvidence, buildMfaSnapshot, withMethods } from './snapshot';

/** The second factors a person added or removed at the provider since the last sign-in that knew them. */
export interface FactorChange {
  readonly added: readonly MfaFactor[];
  readonly removed: readonly MfaFactor[];
}

/** The second factors of a snapshot, sorted; recovery codes are a backup, not a factor that changes who can sign in. */
function secondFactorsOf(snapshot: MfaSnapshot): MfaFactor[] | null {
  if (snapshot.enrolment === 'unknown') return null;
  return [...new Set(snapshot.enrolledFactors.filter((factor) => factor !== 'recovery_code'))].sort();
}

function changeBetween(before: readonly MfaFactor[] | null, after: readonly MfaFactor[] | null): FactorChange | null {
  if (before === null || after === null) return null;
  const added = after.filter((factor) => !before.includes(factor));
  const removed = before.filter((factor) => !after.includes(factor));
  return added.length || removed.length ? { added, removed } : null;
}

const NOTICE_FACTOR: Readonly<Record<MfaFactor, SecurityFactor>> = {
  authenticator_app: 'totp',
  sms_code: 'sms',
  recovery_code: 'recovery_code',
  passkey: 'passkey',
  security_key: 'passkey',
  email_code: 'other',
};

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
    @Inject(AUDIT_RECORDER) private readonly audit: AuditRecorder,
    private readonly notices: SecurityNotices,
  ) {}

  /**
   * A sign-in showed that the person's second factors changed at the provider ("Refresh security status" is the way
   * to make it happen at once): every other live session of theirs ends (reason `signed_out_elsewhere`, by them), in
   * the sign-in's transaction, with an `mfa.factors_changed` event and a notice. Returns how many ended.
   */
  async factorsChanged(
    person: {
      readonly userId: string;
      readonly tenantId: string;
      readonly email: string | null;
      readonly name: string | null;
    },
    keepSessionId: string,
    change: FactorChange,
    manager: EntityManager,
  ): Promise<number> {
    const ended = await this.sessions.endSessions(
      { userId: person.userId, exceptSessionId: keepSessionId },
      { reason: 'factors_changed', byUserId: person.userId },
      manager,
    );
    await this.audit.record(
      {
        action: 'mfa.factors_changed',
        outcome: 'success',
        tenantId: person.tenantId,
        actor: { userId: person.userId },
        targetId: person.userId,
        details: { added: change.added, removed: change.removed, sessions_ended: ended.length },
      },
      { manager },
    );
    await this.notices.send(
      {
        kind: 'factors_changed',
        added: change.added.map((factor) => NOTICE_FACTOR[factor]),
        removed: change.removed.map((factor) => NOTICE_FACTOR[factor]),
        sessionsEnded: ended.length,
      },
      [person],
      manager,
    );
    return ended.length;
  }

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
  async record(userId: string, snapshot: MfaSnapshot, manager: EntityManager): Promise<FactorChange | null> {
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
    // The factors last known stay as they were when this sign-in could not learn them.
    const knownBefore = current?.knownFactors ?? null;
    const knownNow = secondFactorsOf(snapshot) ?? knownBefore;
    const change = changeBetween(knownBefore, secondFactorsOf(snapshot));
    const knownChanged =
      (knownBefore ?? []).join() !== (knownNow ?? []).join() || (knownBefore === null) !== (knownNow === null);
    const transition = recoveryCodeUsed || !current || current.enrolled !== enrolled || current.recoveryCodes !== state;
    // No row for someone never enrolled (the lifecycle reads its absence): their factors are first known at enrolment.
    if (!current && state === 'none' && !enrolled) return null;
    if (current && !transition && !knownChanged) return null;
    await this.lifecycles.save(manager, userId, {
      marker: transition || !current ? newMarker() : current.marker,
      recoveryCodes: state,
      enrolled,
      knownFactors: knownNow,
    });
    return change;
  }
}
