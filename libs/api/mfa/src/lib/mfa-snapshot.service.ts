import { randomBytes } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import type { MfaSignIn, MfaSnapshotSource } from '@aidial/api/core';
import { type AuthenticationMethod, type SessionFactors, ZitadelClient } from '@aidial/api/zitadel';
import type { MfaSnapshot, RecoveryCodeState } from '@aidial/shared/access';
import type { EntityManager } from 'typeorm';
import { buildMfaSnapshot } from './snapshot';

/** A new lifecycle marker: random, opaque, and different at every transition. */
export function newMarker(): string {
  return randomBytes(18).toString('base64url');
}

interface LifecycleRow {
  marker: string;
  recovery_codes: RecoveryCodeState;
  enrolled: boolean;
}

/**
 * The MFA_SNAPSHOT_SOURCE port: at sign-in, asks Zitadel (in parallel, each call with the client's timeout) for the
 * user's authentication methods and for the session behind the ID token's `sid`, and combines them with `amr`
 * ({@link buildMfaSnapshot}). A provider that cannot answer never fails the sign-in: what it would have said is unknown.
 */
@Injectable()
export class MfaSnapshotService implements MfaSnapshotSource {
  private readonly logger = new Logger('MfaSnapshot');

  constructor(private readonly zitadel: ZitadelClient) {}

  async snapshot(signIn: MfaSignIn): Promise<MfaSnapshot> {
    const [methods, sessionFactors] = await Promise.all([
      this.zitadel.authenticationMethods(signIn.idpSubject).catch((error: unknown): AuthenticationMethod[] | null => {
        this.logger.warn({ event: 'mfa.enrolment_unknown', err: error });
        return null;
      }),
      signIn.idpSessionId
        ? this.zitadel
            .session(signIn.idpSessionId)
            .then((session) => session.factors)
            .catch((error: unknown): SessionFactors | null => {
              this.logger.warn({ event: 'mfa.session_state_unknown', err: error });
              return null;
            })
        : Promise.resolve(null),
    ]);
    return buildMfaSnapshot({ amr: signIn.amr, methods, sessionFactors, now: new Date() });
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
    const rows = (await manager.query(
      `SELECT marker, recovery_codes, enrolled FROM mfa_lifecycle WHERE user_id = $1 FOR UPDATE`,
      [userId],
    )) as LifecycleRow[];
    const current = rows[0] ?? null;
    let enrolled = current?.enrolled ?? false;
    let state: RecoveryCodeState = current?.recovery_codes ?? 'none';
    if (snapshot.enrolment === 'enrolled' && !enrolled) {
      enrolled = true;
      state = 'ack_required';
    } else if (snapshot.enrolment === 'not_enrolled' && enrolled) {
      enrolled = false;
      state = 'none';
    }
    const recoveryCodeUsed = snapshot.usedFactors.includes('recovery_code');
    if (recoveryCodeUsed) state = 'reminder';
    if (!recoveryCodeUsed && current && current.enrolled === enrolled && current.recovery_codes === state) return;
    if (!current && state === 'none' && !enrolled) return;
    await manager.query(
      `INSERT INTO mfa_lifecycle (user_id, marker, recovery_codes, enrolled, updated_at) VALUES ($1, $2, $3, $4, now())
       ON CONFLICT (user_id) DO UPDATE SET marker = $2, recovery_codes = $3, enrolled = $4, updated_at = now()`,
      [userId, newMarker(), state, enrolled],
    );
  }
}
