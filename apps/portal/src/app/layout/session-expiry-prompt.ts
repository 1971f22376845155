import { DestroyRef, Injectable, Injector, computed, effect, inject, signal, untracked } from '@angular/core';
import type { MatDialogRef } from '@angular/material/dialog';
import { Router } from '@angular/router';
import {
  RETURN_TO_PARAM,
  SIGN_IN_PATH,
  SessionLifetime,
  SessionStore,
  returnPathWorthKeeping,
} from '@aidial/portal/core';
import { type SessionExpiryDialog, type SessionExpiryWarning, openSessionExpiryDialog } from '@aidial/portal/shared/ui';

/**
 * The signed-in shell's side of the session lifetime: while the shell lives, `SessionLifetime` ticks, and its warning
 * shows as a dialog (idle: Stay signed in / Sign out; absolute: Sign in again). Public pages have no shell, so they
 * never warn. Provided by the shell; `start` once, with the shell's own Sign out. Material's dialog loads when the
 * first warning shows, not with every signed-in page (docs/bench.md, "Lighthouse").
 */
@Injectable()
export class SessionExpiryPrompt {
  private readonly lifetime = inject(SessionLifetime);
  private readonly session = inject(SessionStore);
  private readonly router = inject(Router);
  private readonly destroyRef = inject(DestroyRef);
  private readonly injector = inject(Injector);

  /** The absolute end the user chose "Not now" for: not shown again for that end. */
  private readonly dismissedAbsoluteEnd = signal<number | null>(null);
  private readonly problem = signal<string | null>(null);
  private reference: MatDialogRef<SessionExpiryDialog> | null = null;
  /** The dialog's code is on its way: the warning is shown once it is there, if it still applies. */
  private opening = false;
  private ended = false;

  readonly warning = computed<SessionExpiryWarning | null>(() => {
    const state = this.lifetime.state();
    if (state.kind === 'idle') return state;
    if (state.kind === 'absolute' && state.endsAt.getTime() !== this.dismissedAbsoluteEnd()) return state;
    return null;
  });

  start(signOut: () => void): void {
    this.lifetime.watch(this.destroyRef);
    effect(
      () => {
        const shown = this.warning() !== null;
        untracked(() => (shown ? this.open(signOut) : this.close()));
      },
      { injector: this.injector },
    );
    this.destroyRef.onDestroy(() => {
      this.ended = true;
      this.close();
    });
  }

  private open(signOut: () => void): void {
    if (this.reference || this.opening) return;
    this.opening = true;
    this.problem.set(null);
    void this.openDialog(signOut).finally(() => (this.opening = false));
  }

  private async openDialog(signOut: () => void): Promise<void> {
    const { MatDialog } = await import('@angular/material/dialog');
    // The warning may have gone (the user was active elsewhere) or the shell with it while the code loaded.
    if (this.ended || this.warning() === null) return;
    const reference = await openSessionExpiryDialog(this.injector.get(MatDialog), {
      warning: this.warning,
      busy: this.lifetime.keepingAlive,
      problem: this.problem,
      stay: () => void this.stay(),
      signOut: () => {
        this.close();
        signOut();
      },
      signInAgain: () => void this.signInAgain(),
      dismiss: () => {
        const warning = this.warning();
        if (warning?.kind === 'absolute') this.dismissedAbsoluteEnd.set(warning.endsAt.getTime());
      },
    });
    this.reference = reference;
    if (this.ended || this.warning() === null) this.close();
  }

  private close(): void {
    this.reference?.close();
    this.reference = null;
  }

  /** The keep-alive answer moves the idle end; the warning (and so the dialog) then goes by itself. */
  private async stay(): Promise<void> {
    this.problem.set(null);
    const result = await this.lifetime.keepAlive();
    if (!result.ok) this.problem.set(result.message);
  }

  /** Straight to the identity provider with the user's email; the sign-in page when that cannot start. */
  private async signInAgain(): Promise<void> {
    this.close();
    const returnTo = returnPathWorthKeeping(this.router.url);
    const email = this.session.session()?.user.email;
    if (email && (await this.session.startSignIn(email, returnTo)).kind === 'redirecting') return;
    await this.router.navigate([SIGN_IN_PATH], { queryParams: returnTo ? { [RETURN_TO_PARAM]: returnTo } : {} });
  }
}
