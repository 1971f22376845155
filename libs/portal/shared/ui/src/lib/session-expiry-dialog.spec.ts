import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatDialog } from '@angular/material/dialog';
import { type SessionExpiryWarning, countdownOf, openSessionExpiryDialog } from './session-expiry-dialog';

describe('countdownOf', () => {
  it.each([
    [120, '2:00'],
    [105, '1:45'],
    [61, '1:01'],
    [9, '0:09'],
    [0, '0:00'],
  ])('%i s reads %s', (seconds, words) => {
    expect(countdownOf(seconds)).toBe(words);
  });
});

describe('SessionExpiryDialog', () => {
  const warning = signal<SessionExpiryWarning | null>(null);
  const actions = { stay: jest.fn(), signOut: jest.fn(), signInAgain: jest.fn(), dismiss: jest.fn() };
  const overlay = () => document.querySelector('.cdk-overlay-container') as HTMLElement;
  const buttons = () => [...overlay().querySelectorAll('button')].map((button) => button.textContent?.trim());
  const button = (name: string) =>
    [...overlay().querySelectorAll<HTMLButtonElement>('button')].find(
      (candidate) => candidate.textContent?.trim() === name,
    );
  const settle = async () => {
    await new Promise((resolve) => setTimeout(resolve));
    TestBed.tick();
  };

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [{ provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } }],
    });
    warning.set({ kind: 'idle', secondsLeft: 105 });
    await openSessionExpiryDialog(TestBed.inject(MatDialog), {
      warning,
      busy: signal(false),
      problem: signal(null),
      ...actions,
    });
    await settle();
  });

  afterEach(() => document.querySelector('.cdk-overlay-container')?.replaceChildren());

  it('warns of the idle end with a live countdown, as an alert dialog described by its message', async () => {
    const dialog = overlay().querySelector('[role="alertdialog"]');
    expect(dialog?.getAttribute('aria-describedby')).toBe('session-expiry-message');
    expect(overlay().querySelector('#session-expiry-message')?.textContent?.replace(/\s+/g, ' ').trim()).toBe(
      "You'll be signed out in 1:45 because of inactivity.",
    );
    expect(buttons()).toEqual(['Sign out', 'Stay signed in']);

    warning.set({ kind: 'idle', secondsLeft: 104 });
    await settle();
    expect(overlay().querySelector('.countdown')?.textContent).toBe('1:44');
    expect(overlay().querySelector('[aria-live="polite"]')?.textContent).toBe(
      'About 2 minutes left before you are signed out because of inactivity.',
    );
    warning.set({ kind: 'idle', secondsLeft: 28 });
    await settle();
    expect(overlay().querySelector('[aria-live="polite"]')?.textContent).toBe(
      'About 30 seconds left before you are signed out because of inactivity.',
    );
  });

  it('hands its buttons to the shell', () => {
    button('Stay signed in')?.click();
    button('Sign out')?.click();
    expect(actions.stay).toHaveBeenCalledTimes(1);
    expect(actions.signOut).toHaveBeenCalledTimes(1);
  });

  it('says when the absolute end comes, and offers Sign in again instead of staying', async () => {
    const endsAt = new Date(2026, 10, 23, 17, 5);
    warning.set({ kind: 'absolute', secondsLeft: 90, endsAt });
    await settle();
    expect(overlay().querySelector('#session-expiry-message')?.textContent?.trim()).toBe(
      'Your session ends at 17:05. Sign in again to continue.',
    );
    expect(buttons()).toEqual(['Not now', 'Sign in again']);
    button('Sign in again')?.click();
    expect(actions.signInAgain).toHaveBeenCalled();
  });
});
