import { Injectable, computed, inject, signal } from '@angular/core';
import {
  API_CLIENT,
  type SessionSummaryDto,
  getSession,
  isErrorEnvelope,
  logout,
  startSignIn,
} from '@aidial/portal/api-client';
import type { FieldError } from '@aidial/shared/access';
import { BROWSER_LOCATION } from '../browser-location';
import { CLOCK } from '../clock';
import { type AccessRefusal, accessRefusalFor } from '../routing/access-refusal';

/** The signed-in user's session as GET /api/session describes it. */
export type PortalSession = SessionSummaryDto;

/** The answer to "who is signed in?": a session, or the refusal the portal shows instead. */
export type SessionCheck =
  | { readonly kind: 'signed-in'; readonly session: PortalSession }
  | { readonly kind: 'refused'; readonly refusal: AccessRefusal };

/** How starting a sign-in went. On success the browser is already on its way to the identity provider. */
export type SignInStart =
  | { readonly kind: 'redirecting' }
  | { readonly kind: 'invalid'; readonly fields: readonly FieldError[] }
  | { readonly kind: 'failed'; readonly message: string };

/** How signing out went. On success the browser is already on its way to the provider's end-session page. */
export type SignOutResult =
  | { readonly kind: 'redirecting' }
  /** The session had already ended (expired or revoked elsewhere): nothing left to sign out of here. */
  | { readonly kind: 'already-signed-out' }
  | { readonly kind: 'failed'; readonly message: string };

const UNREACHABLE_MESSAGE = 'The portal could not reach the AiDial service. Check your connection and try again.';

/**
 * The session behind the portal (signals over GET /api/session), and its lifecycle: starting a sign-in at the identity
 * provider, and signing out. The session is asked for once and kept until it expires or an API answer says it ended;
 * the API checks it on every request regardless, so a kept copy is never a security decision.
 */
@Injectable({ providedIn: 'root' })
export class SessionStore {
  private readonly client = inject(API_CLIENT);
  private readonly clock = inject(CLOCK);
  private readonly location = inject(BROWSER_LOCATION);

  private readonly current = signal<SessionCheck | null>(null);
  private readonly inFlight = signal<Promise<SessionCheck> | null>(null);

  /** The signed-in session, or null before it is known and when there is none. */
  readonly session = computed(() => {
    const check = this.current();
    return check?.kind === 'signed-in' ? check.session : null;
  });
  readonly role = computed(() => this.session()?.role);
  readonly loading = computed(() => this.inFlight() !== null);
  /** Why there is no session, once the API has said so. */
  readonly refusal = computed(() => {
    const check = this.current();
    return check?.kind === 'refused' ? check.refusal : null;
  });

  /** The kept session while it lasts; otherwise asks the API (one request however many callers ask at once). */
  ensureLoaded(): Promise<SessionCheck> {
    const check = this.current();
    if (check?.kind === 'signed-in' && Date.parse(check.session.expires_at) > this.clock.now().getTime()) {
      return Promise.resolve(check);
    }
    return this.load();
  }

  load(): Promise<SessionCheck> {
    const pending = this.inFlight();
    if (pending) return pending;
    const loading = this.fetchSession().finally(() => this.inFlight.set(null));
    this.inFlight.set(loading);
    return loading;
  }

  /** Forgets the session after an answer said it has ended (401). */
  clear(): void {
    this.current.set(null);
  }

  /**
   * Asks the API where the identity provider's sign-in is for this email (`login_hint`) and goes there. The API
   * checks the return path again and keeps it only if it is a same-origin path.
   */
  async startSignIn(email: string, returnTo: string | undefined): Promise<SignInStart> {
    const { data, error, status } = await answerOf(
      startSignIn({
        client: this.client,
        query: returnTo ? { email, return_to: returnTo } : { email },
        // The JSON answer, not the redirect: fetch() would follow it to the provider's origin and fail there.
        headers: { Accept: 'application/json' },
      }),
    );
    if (data) {
      this.location.assign(data.authorization_url);
      return { kind: 'redirecting' };
    }
    if (status === 400 && isErrorEnvelope(error) && error.code === 'validation_failed') {
      return { kind: 'invalid', fields: error.fields ?? [] };
    }
    return { kind: 'failed', message: isErrorEnvelope(error) ? error.message : UNREACHABLE_MESSAGE };
  }

  /** Ends the session at the API, then at the identity provider, which returns the browser to `/sign-in?signed_out=1`. */
  async signOut(): Promise<SignOutResult> {
    const { data, error, status } = await answerOf(logout({ client: this.client }));
    if (data) {
      this.clear();
      this.location.assign(data.end_session_url);
      return { kind: 'redirecting' };
    }
    if (status === 401) {
      this.clear();
      return { kind: 'already-signed-out' };
    }
    return { kind: 'failed', message: isErrorEnvelope(error) ? error.message : UNREACHABLE_MESSAGE };
  }

  private async fetchSession(): Promise<SessionCheck> {
    const { data, error, status } = await answerOf(getSession({ client: this.client }));
    const check: SessionCheck = data
      ? { kind: 'signed-in', session: data }
      : { kind: 'refused', refusal: sessionRefusal(status, error) };
    this.current.set(check);
    return check;
  }
}

/**
 * Why GET /api/session gave no session. Only "sign in" and "access denied" can answer that question: anything else
 * (no answer, a 500, a proxy's page) means the portal cannot tell who is signed in, which is the spec's "session
 * validation unavailable", so it grants nothing.
 */
function sessionRefusal(status: number, body: unknown): AccessRefusal {
  const refusal = accessRefusalFor(status, body);
  return refusal?.kind === 'sign-in' || refusal?.kind === 'access-denied'
    ? refusal
    : { kind: 'access-denied', reason: 'session_validation_unavailable' };
}

/** A generated operation's answer: its data, or its error body and HTTP status (0: no answer at all). */
async function answerOf<T>(
  request: Promise<{ data: T | undefined; error: unknown; response: { status: number } }>,
): Promise<{ data: T | undefined; error: unknown; status: number }> {
  try {
    const { data, error, response } = await request;
    return { data, error, status: response.status };
  } catch {
    return { data: undefined, error: undefined, status: 0 };
  }
}
