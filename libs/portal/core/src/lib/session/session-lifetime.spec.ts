import { HttpHeaders, provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component, type DestroyRef } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { provideApiClient } from '@aidial/portal/api-client';
import { CLOCK } from '../clock';
import {
  type LifetimeChannel,
  type LifetimeMessage,
  SESSION_LIFETIME_CHANNEL,
  type SessionDeadlines,
  SessionLifetime,
  lifetimeStateAt,
} from './session-lifetime';
import { SessionStore } from './session.store';

@Component({ template: '' })
class AnyPage {}

const START = Date.parse('2026-11-23T17:00:00Z');
const SECOND = 1000;

const deadlines = (idleIn: number, absoluteIn: number): SessionDeadlines => ({
  idleEndsAt: START + idleIn * SECOND,
  absoluteEndsAt: START + absoluteIn * SECOND,
  observedAt: START,
});

describe('lifetimeStateAt', () => {
  it.each([
    { case: 'nothing known yet', idle: null, absolute: null, at: 0, expected: { kind: 'quiet' } },
    { case: 'both ends far', idle: 900, absolute: 28_800, at: 0, expected: { kind: 'quiet' } },
    { case: 'idle end 121 s away', idle: 121, absolute: 28_800, at: 0, expected: { kind: 'quiet' } },
    {
      case: 'idle end 120 s away',
      idle: 120,
      absolute: 28_800,
      at: 0,
      expected: { kind: 'idle', secondsLeft: 120 },
    },
    {
      case: 'idle end 104.2 s away (rounded up)',
      idle: 900,
      absolute: 28_800,
      at: 795.8,
      expected: { kind: 'idle', secondsLeft: 105 },
    },
    {
      case: 'absolute end near, idle end nearer (nothing extends past the absolute end)',
      idle: 30,
      absolute: 100,
      at: 0,
      expected: { kind: 'absolute', secondsLeft: 100, endsAt: new Date(START + 100 * SECOND) },
    },
    { case: 'idle end reached', idle: 60, absolute: 28_800, at: 60, expected: { kind: 'expired' } },
    { case: 'absolute end reached', idle: 900, absolute: 60, at: 60, expected: { kind: 'expired' } },
  ])('$case → $expected.kind', ({ idle, absolute, at, expected }) => {
    const known = idle === null || absolute === null ? null : deadlines(idle, absolute);
    expect(lifetimeStateAt(known, START + at * SECOND)).toEqual(expected);
  });
});

/** Two tabs' channels, wired to each other as BroadcastChannel does (never to the sender itself). */
class FakeChannel implements LifetimeChannel {
  onmessage: ((event: MessageEvent<LifetimeMessage>) => void) | null = null;
  readonly sent: LifetimeMessage[] = [];
  peer: FakeChannel | null = null;
  postMessage(message: LifetimeMessage): void {
    this.sent.push(message);
    this.peer?.onmessage?.({ data: message } as MessageEvent<LifetimeMessage>);
  }
  receive(message: LifetimeMessage): void {
    this.onmessage?.({ data: message } as MessageEvent<LifetimeMessage>);
  }
}

describe('SessionLifetime', () => {
  let now: number;
  let lifetime: SessionLifetime;
  let channel: FakeChannel;
  let http: HttpTestingController;
  let router: Router;
  let navigate: jest.SpyInstance;
  let destroy: () => void;

  beforeEach(async () => {
    jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick'] });
    now = START;
    channel = new FakeChannel();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: '**', component: AnyPage }]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideApiClient({ baseUrl: '' }),
        { provide: CLOCK, useValue: { now: () => new Date(now) } },
        { provide: SESSION_LIFETIME_CHANNEL, useValue: channel },
      ],
    });
    lifetime = TestBed.inject(SessionLifetime);
    http = TestBed.inject(HttpTestingController);
    router = TestBed.inject(Router);
    const navigated = router.navigateByUrl('/settings/sessions?tab=1');
    await jest.runOnlyPendingTimersAsync();
    await navigated;
    navigate = jest.spyOn(router, 'navigateByUrl').mockResolvedValue(true);
    const callbacks: Array<() => void> = [];
    destroy = () => callbacks.forEach((callback) => callback());
    lifetime.watch({ onDestroy: (callback: () => void) => callbacks.push(callback) } as unknown as DestroyRef);
  });

  afterEach(() => {
    destroy();
    http.verify();
    jest.useRealTimers();
  });

  /** Moves this browser's clock and the interval timer together. */
  function advance(seconds: number): void {
    for (let step = 0; step < seconds; step++) {
      now += SECOND;
      jest.advanceTimersByTime(SECOND);
    }
  }

  const headers = (idle: number, absolute: number) =>
    new HttpHeaders({ 'X-Session-Idle-Expires-In': String(idle), 'X-Session-Absolute-Expires-In': String(absolute) });

  it('keeps deadlines as this clock plus the seconds an answer reports, and warns 120 s before the idle end', () => {
    lifetime.observeAnswer(headers(125, 28_800));
    expect(lifetime.state()).toEqual({ kind: 'quiet' });

    advance(5);
    expect(lifetime.state()).toEqual({ kind: 'idle', secondsLeft: 120 });
    advance(15);
    expect(lifetime.state()).toEqual({ kind: 'idle', secondsLeft: 105 });
  });

  it('reads the session summary when an answer has no lifetime headers', () => {
    lifetime.observeAnswer(new HttpHeaders(), { idle_expires_in: 60, absolute_expires_in: 28_800 });
    expect(lifetime.state()).toEqual({ kind: 'idle', secondsLeft: 60 });
  });

  it('ignores an answer without a lifetime (a public request, a proxy that dropped the headers)', () => {
    lifetime.observeAnswer(new HttpHeaders({ 'X-Session-Idle-Expires-In': 'soon' }), { role: 'client_admin' });
    expect(lifetime.state()).toEqual({ kind: 'quiet' });
    expect(channel.sent).toEqual([]);
  });

  it('any later answer moves the idle end, and the warning goes', () => {
    lifetime.observe(100, 28_800);
    expect(lifetime.state().kind).toBe('idle');
    advance(10);
    lifetime.observe(900, 28_790);
    expect(lifetime.state()).toEqual({ kind: 'quiet' });
  });

  it('Stay signed in asks POST /api/session/keep-alive and takes the new idle end from its answer', async () => {
    lifetime.observe(90, 28_800);
    const kept = lifetime.keepAlive();
    expect(lifetime.keepingAlive()).toBe(true);
    await jest.advanceTimersByTimeAsync(0);
    const request = http.expectOne('/api/session/keep-alive');
    expect(request.request.method).toBe('POST');
    request.flush({ idle_expires_in: 900, absolute_expires_in: 28_700 });
    expect(await kept).toEqual({ ok: true });
    expect(lifetime.keepingAlive()).toBe(false);
    expect(lifetime.state()).toEqual({ kind: 'quiet' });
  });

  it('says so when keep-alive fails, and keeps warning', async () => {
    lifetime.observe(90, 28_800);
    const kept = lifetime.keepAlive();
    await jest.advanceTimersByTimeAsync(0);
    http
      .expectOne('/api/session/keep-alive')
      .flush({ code: 'internal_error', message: 'x', request_id: 'r' }, { status: 500, statusText: 'Error' });
    expect(await kept).toEqual({ ok: false, message: expect.stringContaining('could not keep your session alive') });
    expect(lifetime.state().kind).toBe('idle');
  });

  it('shows the absolute notice with the time the session ends, which nothing extends', () => {
    lifetime.observe(900, 125);
    advance(5);
    expect(lifetime.state()).toEqual({ kind: 'absolute', secondsLeft: 120, endsAt: new Date(START + 125 * SECOND) });
  });

  it.each([
    ['idle', 5, 28_800],
    ['absolute', 900, 5],
  ])(
    'at the %s end, forgets the session and goes to the sign-in page saying so, with the page to return to',
    (_end, idle, absolute) => {
      const clear = jest.spyOn(TestBed.inject(SessionStore), 'clear');
      lifetime.observe(idle, absolute);
      advance(4);
      expect(navigate).not.toHaveBeenCalled();

      advance(1);
      expect(clear).toHaveBeenCalled();
      expect(navigate).toHaveBeenCalledTimes(1);
      const [target, options] = navigate.mock.calls[0];
      expect(router.serializeUrl(target)).toBe('/sign-in?session_ended=1&return_to=%2Fsettings%2Fsessions%3Ftab%3D1');
      expect(options).toEqual({ replaceUrl: true });
      expect(channel.sent.at(-1)).toEqual({ kind: 'ended' });

      advance(5);
      expect(navigate).toHaveBeenCalledTimes(1);
    },
  );

  it('neither warns nor leaves once the shell that watched it is gone (public pages)', () => {
    destroy();
    lifetime.observe(3, 28_800);
    advance(10);
    expect(navigate).not.toHaveBeenCalled();
  });

  it('tells the other tabs every new deadline, without storing it anywhere', () => {
    const setItem = jest.spyOn(Storage.prototype, 'setItem');
    lifetime.observe(900, 28_800);
    expect(channel.sent).toEqual([{ kind: 'deadlines', deadlines: deadlines(900, 28_800) }]);
    expect(setItem).not.toHaveBeenCalled();
  });

  it("adopts another tab's newer deadlines: activity there closes the warning here", () => {
    lifetime.observe(100, 28_800);
    advance(10);
    expect(lifetime.state().kind).toBe('idle');
    channel.receive({
      kind: 'deadlines',
      deadlines: { idleEndsAt: now + 900 * SECOND, absoluteEndsAt: START + 28_800 * SECOND, observedAt: now },
    });
    expect(lifetime.state()).toEqual({ kind: 'quiet' });
  });

  it("ignores another tab's older deadlines", () => {
    advance(10);
    lifetime.observe(900, 28_800);
    channel.receive({ kind: 'deadlines', deadlines: deadlines(100, 28_800) });
    advance(1);
    expect(lifetime.state()).toEqual({ kind: 'quiet' });
  });

  it('goes to the sign-in page when another tab says the session ended', () => {
    lifetime.observe(900, 28_800);
    channel.receive({ kind: 'ended' });
    expect(router.serializeUrl(navigate.mock.calls[0][0])).toBe(
      '/sign-in?session_ended=1&return_to=%2Fsettings%2Fsessions%3Ftab%3D1',
    );
  });
});
