import type { SignInFactor } from './amr.ts';
import type { Clock, OneTimeCode } from './directory.ts';

export type VerifiedFactors = Partial<Record<SignInFactor, Date>>;

/** One trip through the hosted sign-in pages, keyed by oidc-provider's interaction uid. */
export interface SignInProgress {
  readonly uid: string;
  readonly startedAt: number;
  userId: string | undefined;
  userVerifiedAt: Date | undefined;
  factors: VerifiedFactors;
  /** The SMS code sent for this sign-in; single-use, cleared once it is used. */
  smsChallenge: OneTimeCode | undefined;
}

/** What one completed authentication proved: who, when (`auth_time`) and which factors, each with its time. */
export interface Authentication {
  readonly userId: string;
  readonly authTime: number;
  readonly userVerifiedAt: Date;
  readonly factors: VerifiedFactors;
  readonly userAgent: string | undefined;
}

/** A sign-in session as the v2 session API reports it: the ID token's `sid` and its latest authentication. */
export interface SessionRecord {
  readonly id: string;
  readonly createdAt: Date;
  changedAt: Date;
  sequence: number;
  authentication: Authentication;
}

const PROGRESS_TTL_MS = 60 * 60 * 1000;
const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

/**
 * Session state the REST API needs after the browser has left. oidc-provider creates the `sid` only after the
 * interaction has finished, so an authentication is first recorded under (user, auth_time) and bound to every `sid`
 * whose authorization code carries that pair (the provider's `authorization_code.saved` event).
 */
export class SignInSessions {
  private readonly inProgress = new Map<string, SignInProgress>();
  private readonly authentications = new Map<string, Authentication>();
  private readonly sessions = new Map<string, SessionRecord>();
  private readonly clock: Clock;

  constructor(clock: Clock) {
    this.clock = clock;
  }

  progress(uid: string): SignInProgress {
    let progress = this.inProgress.get(uid);
    if (!progress) {
      this.prune();
      progress = {
        uid,
        startedAt: this.clock(),
        userId: undefined,
        userVerifiedAt: undefined,
        factors: {},
        smsChallenge: undefined,
      };
      this.inProgress.set(uid, progress);
    }
    return progress;
  }

  /** Back to the email step: a different user, or the same one starting over. */
  restart(progress: SignInProgress): void {
    progress.userId = undefined;
    progress.userVerifiedAt = undefined;
    progress.factors = {};
    progress.smsChallenge = undefined;
  }

  finish(uid: string): void {
    this.inProgress.delete(uid);
  }

  recordAuthentication(authentication: Authentication): void {
    this.authentications.set(keyOf(authentication.userId, authentication.authTime), authentication);
  }

  bindSid(sid: string, userId: string, authTime: number): void {
    const authentication = this.authentications.get(keyOf(userId, authTime));
    if (!authentication) return;
    const now = new Date(this.clock());
    const existing = this.sessions.get(sid);
    if (!existing) {
      this.sessions.set(sid, { id: sid, createdAt: now, changedAt: now, sequence: 1, authentication });
    } else if (existing.authentication !== authentication) {
      existing.authentication = authentication;
      existing.changedAt = now;
      existing.sequence += 1;
    }
  }

  findSession(sid: string): SessionRecord | undefined {
    return this.sessions.get(sid);
  }

  reset(): void {
    this.inProgress.clear();
    this.authentications.clear();
    this.sessions.clear();
  }

  private prune(): void {
    const now = this.clock();
    for (const [uid, progress] of this.inProgress) {
      if (now - progress.startedAt > PROGRESS_TTL_MS) this.inProgress.delete(uid);
    }
    for (const [key, authentication] of this.authentications) {
      if (now - authentication.authTime * 1000 > SESSION_TTL_MS) this.authentications.delete(key);
    }
    for (const [sid, session] of this.sessions) {
      if (now - session.changedAt.getTime() > SESSION_TTL_MS) this.sessions.delete(sid);
    }
  }
}

function keyOf(userId: string, authTime: number): string {
  return `${userId}@${authTime}`;
}
