import type { Signal } from '@angular/core';
import type { MatDialog, MatDialogRef } from '@angular/material/dialog';
import type { SessionExpiryDialog } from './session-expiry-dialog.component';

/** The warning before a session ends: idle (can be extended) or absolute (cannot). */
export type SessionExpiryWarning =
  | { readonly kind: 'idle'; readonly secondsLeft: number }
  | { readonly kind: 'absolute'; readonly secondsLeft: number; readonly endsAt: Date };

/** What the dialog shows (live signals, so the countdown moves) and what its buttons do. */
export interface SessionExpiryDialogData {
  readonly warning: Signal<SessionExpiryWarning | null>;
  /** "Stay signed in" is on its way. */
  readonly busy: Signal<boolean>;
  /** Why staying signed in did not work. */
  readonly problem: Signal<string | null>;
  stay(): void;
  signOut(): void;
  signInAgain(): void;
  /** Closes the absolute notice for now (the session still ends at its time). */
  dismiss(): void;
}

/** "1:45". */
export function countdownOf(seconds: number): string {
  const whole = Math.max(0, Math.ceil(seconds));
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

/**
 * Opens the warning as an alert dialog that only its buttons close (no Escape, no backdrop click). Its code loads when
 * it is first shown, not with every signed-in page.
 */
export async function openSessionExpiryDialog(
  dialog: MatDialog,
  data: SessionExpiryDialogData,
): Promise<MatDialogRef<SessionExpiryDialog>> {
  const { SessionExpiryDialog: component } = await import('./session-expiry-dialog.component');
  return dialog.open(component, {
    data,
    role: 'alertdialog',
    ariaDescribedBy: 'session-expiry-message',
    disableClose: true,
    autoFocus: 'first-tabbable',
    restoreFocus: true,
    width: '28rem',
  });
}
