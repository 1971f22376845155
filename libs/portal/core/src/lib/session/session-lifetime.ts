import type { HttpHeaders } from '@angular/common/http';
import { type DestroyRef, Injectable, InjectionToken, computed, inject, signal } from '@angular/core';
import { Router } from '@angular/router';
import { API_CLIENT, keepSessionAlive } from '@aidial/portal/api-client';
import { CLOCK } from '../clock';
import { sessionEndedUrl } from './session-ended';
import { SessionStore } from './session.store';

/** Whole seconds until the session ends if idle from now on; on every answer to a signed-in /api request. */
export const IDLE_EXPIRES_IN_HEADER = 'X-Session-Idle-Expires-In';
/** Whole seconds until the session ends however active it is (the absolute lifetime since sign-in). */
export const ABSOLUTE_EXPIRES_IN_HEADER = 'X-Session-Absolute-Expires-In';
/** How long before either end the portal warns. */
export const EXPIRY_WARNING_SECONDS = 120;

/** When the session ends, on this browser's clock (epoch milliseconds), and when the API last said so. */
export interface SessionDeadlines {
  readonly idleEndsAt: number;
  readonly absoluteEndsAt: number;
  readonly observedAt: number;
}

/** What the signed-in shell shows about the session's end. */
export type ExpiryNotice =
  /** Idle expiry is near; staying signed in (any request, or keep-alive) moves it. */
  | { readonly kind: 'idle'; readonly secondsLeft: number }
  /** The absolute lifetime is near its end; nothing extends it. */
  | { readonly kind: 'absolute'; readonly secondsLeft: number; readonly endsAt: Date };

/** The session's state at a moment: nothing to say yet, a notice, or over. */
export type LifetimeState = { readonly kind: 'quiet' } | ExpiryNotice | { readonly kind: 'expired' };

/**
 * Pure: what to show at `now`. The absolute end wins when it is near (staying signed in cannot move it), then the idle
 * end; either reached means the session is over.
 */
export function lifetimeStateAt(deadlines: SessionDeadlines | null, now: number): LifetimeState {
  if (!deadlines) return { kind: 'quiet' };
  const idleLeft = secondsUntil(deadlines.idleEndsAt, now);
  const absoluteLeft = secondsUntil(deadlines.absoluteEndsAt, now);
  if (idleLeft <= 0 || absoluteLeft <= 0) return { kind: 'expired' };
  if (absoluteLeft <= EXPIRY_WARNING_SECONDS) {
    return { kind: 'absolute', secondsLeft: absoluteLeft, endsAt: new Date(deadlines.absoluteEndsAt) };
  }
  if (idleLeft <= EXPIRY_WARNING_SECONDS) return { kind: 'idle', secondsLeft: idleLeft };
  return { kind: 'quiet' };
}

/** Whole seconds left, rounded up, so that "0:01" is shown until the very end. */
function secondsUntil(deadline: number, now: number): number {
  return Math.max(0, Math.ceil((deadline - now) / 1000));
}

/** What the tabs of one browser (one session cookie) tell each other. */
export type LifetimeMessage =
  | { readonly kind: 'deadlines'; readonly deadlines: SessionDeadlines }
  /** The session is over (expired, or an answer said 401): every tab goes to the sign-in page. */
  | { readonly kind: 'ended' };

/** The part of BroadcastChannel the lifetime uses; null where the browser has none. */
export interface LifetimeChannel {
  postMessage(message: LifetimeMessage): void;
  onmessage: ((event: MessageEvent<LifetimeMessage>) => void) | null;
}

/** The channel the portal's tabs share the session's deadlines on. No storage: nothing outlives the tabs. */
export const SESSION_LIFETIME_CHANNEL = new InjectionToken<LifetimeChannel | null>('SESSION_LIFETIME_CHANNEL', {
  providedIn: 'root',
  factory: () =>
    typeof BroadcastChannel === 'undefined'
      ? null
      : (new BroadcastChannel('aidial-session-lifetime') as unknown as LifetimeChannel),
});

const TICK_MS = 1000;

export type KeepAliveResult = { readonly ok: true } | { readonly ok: false; readonly message: string };

const KEEP_ALIVE_FAILED = 'The portal could not keep your session alive. Check your connection and try again.';

/**
 * The session's two ends as the API reports them (the lifetime headers of every answer, the keep-alive answer), kept
 * as deadlines on this browser's clock and shared with the other tabs. While the signed-in shell watches it, it ticks
 * once a second, says when to warn (`state`), and at either end forgets the session and goes to the sign-in page with
 * "Your session ended" and the page to return to. The API decides when a session ends; this only tells the user first.
 */
@Injectable({ providedIn: 'root' })
export class SessionLifetime {
  private readonly clock = inject(CLOCK);
  private readonly client = inject(API_CLIENT);
  private readonly router = inject(Router);
  private readonly session = inject(SessionStore);
  private readonly channel = inject(SESSION_LIFETIME_CHANNEL);

  private readonly deadlines = signal<SessionDeadlines | null>(null);
  private readonly now = signal(this.clock.now().getTime());
  private timer: ReturnType<typeof setInterval> | null = null;
  private ending = false;

  /** What to show now: quiet, an idle warning, the absolute notice, or expired (briefly, while leaving). */
  readonly state = computed(() => lifetimeStateAt(this.deadlines(), this.now()));
  readonly keepingAlive = signal(false);

  constructor() {
    if (this.channel) this.channel.onmessage = (event) => this.receive(event.data);
  }

  /**
   * Reads an answer's lifetime: its headers, or the session summary's `idle_expires_in` and `absolute_expires_in`
   * (GET /api/session) when a proxy dropped the headers.
   */
  observeAnswer(headers: HttpHeaders, body?: unknown): void {
    const idle = seconds(headers.get(IDLE_EXPIRES_IN_HEADER)) ?? seconds(field(body, 'idle_expires_in'));
    const absolute = seconds(headers.get(ABSOLUTE_EXPIRES_IN_HEADER)) ?? seconds(field(body, 'absolute_expires_in'));
    this.observe(idle, absolute);
  }

  /** The API said the session ends if idle in `idleSeconds`, and at the latest in `absoluteSeconds`. */
  observe(idleSeconds: number | null, absoluteSeconds: number | null): void {
    if (idleSeconds === null || absoluteSeconds === null) return;
    const observedAt = this.clock.now().getTime();
    const deadlines: SessionDeadlines = {
      idleEndsAt: observedAt + idleSeconds * 1000,
      absoluteEndsAt: observedAt + absoluteSeconds * 1000,
      observedAt,
    };
    this.deadlines.set(deadlines);
    this.ending = false;
    this.tick();
    this.channel?.postMessage({ kind: 'deadlines', deadlines });
  }

  /**
   * Ticks while the caller (the signed-in shell) lives: the sign-in and access-denied pages never warn or redirect.
   */
  watch(destroyRef: DestroyRef): void {
    this.stopTicking();
    this.tick();
    const timer = setInterval(() => this.tick(), TICK_MS);
    this.timer = timer;
    // Only this watcher's own timer: a shell created meanwhile keeps ticking.
    destroyRef.onDestroy(() => {
      if (this.timer === timer) this.stopTicking();
    });
  }

  /** "Stay signed in": a request that counts as activity, whose answer moves the idle end. */
  async keepAlive(): Promise<KeepAliveResult> {
    this.keepingAlive.set(true);
    try {
      const { data, response } = await keepSessionAlive({ client: this.client });
      if (data && response.status >= 200 && response.status < 300) {
        this.observe(data.idle_expires_in, data.absolute_expires_in);
        return { ok: true };
      }
      return { ok: false, message: KEEP_ALIVE_FAILED };
    } catch {
      return { ok: false, message: KEEP_ALIVE_FAILED };
    } finally {
      this.keepingAlive.set(false);
    }
  }

  /**
   * An answer said the session is over (401): forget the deadlines and tell the other tabs, which go to the sign-in
   * page too. The caller (the access interceptor) navigates this tab.
   */
  ended(): void {
    this.deadlines.set(null);
    this.channel?.postMessage({ kind: 'ended' });
  }

  private receive(message: LifetimeMessage): void {
    if (message.kind === 'deadlines') {
      // Adopt only news: an answer another tab received after this tab's latest.
      if (message.deadlines.observedAt >= (this.deadlines()?.observedAt ?? 0)) {
        this.deadlines.set(message.deadlines);
        this.ending = false;
        this.tick();
      }
    } else if (this.timer !== null) {
      this.endSession(false);
    }
  }

  private tick(): void {
    this.now.set(this.clock.now().getTime());
    if (this.timer !== null && this.state().kind === 'expired') this.endSession(true);
  }

  /** Forgets the session and goes to the sign-in page with "Your session ended" and the page to come back to. */
  private endSession(tellOtherTabs: boolean): void {
    if (this.ending) return;
    this.ending = true;
    this.stopTicking();
    this.session.clear();
    this.deadlines.set(null);
    if (tellOtherTabs) this.channel?.postMessage({ kind: 'ended' });
    void this.router.navigateByUrl(sessionEndedUrl(this.router, this.router.url), { replaceUrl: true });
  }

  private stopTicking(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }
}

function seconds(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : null;
  if (typeof value !== 'string' || value.trim() === '') return null;
  const parsed = Number(value);
  return Number.isFinite(parsed) && parsed >= 0 ? parsed : null;
}

function field(body: unknown, name: string): unknown {
  return typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[name] : undefined;
}
