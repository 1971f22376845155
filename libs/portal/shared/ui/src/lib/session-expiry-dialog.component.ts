import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogActions, MatDialogContent, MatDialogTitle } from '@angular/material/dialog';
import { type SessionExpiryDialogData, countdownOf } from './session-expiry-dialog';

/** The points of the countdown a screen reader hears (the visible countdown moves every second, silently). */
const ANNOUNCED_AT = [10, 30, 60, 90, 120];

/** 90 → "1 minute 30 seconds". */
function inWords(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  const parts = [
    minutes > 0 ? `${minutes} ${minutes === 1 ? 'minute' : 'minutes'}` : '',
    rest > 0 ? `${rest} seconds` : '',
  ];
  return parts.filter(Boolean).join(' ');
}

/**
 * The session expiry warning, opened by the signed-in shell: "You'll be signed out in 1:45 because of inactivity."
 * with Stay signed in and Sign out, or, near the absolute end, "Your session ends at 17:05. Sign in again to
 * continue." An alert dialog: it takes focus (on the main action), traps it, and gives it back when closed.
 */
@Component({
  selector: 'aidial-session-expiry-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, MatButton, MatDialogActions, MatDialogContent, MatDialogTitle],
  template: `
    @if (data.warning(); as warning) {
      @if (warning.kind === 'idle') {
        <h2 mat-dialog-title>Are you still there?</h2>
        <mat-dialog-content>
          <p id="session-expiry-message">
            You'll be signed out in <span class="countdown">{{ countdown() }}</span> because of inactivity.
          </p>
          <p class="cdk-visually-hidden" aria-live="polite">{{ announcement() }}</p>
          @if (data.problem(); as problem) {
            <p class="problem" role="alert">{{ problem }}</p>
          }
        </mat-dialog-content>
        <mat-dialog-actions align="end">
          <button mat-button type="button" (click)="data.signOut()">Sign out</button>
          <button mat-flat-button type="button" cdkFocusInitial [disabled]="data.busy()" (click)="data.stay()">
            Stay signed in
          </button>
        </mat-dialog-actions>
      } @else {
        <h2 mat-dialog-title>Your session is ending</h2>
        <mat-dialog-content>
          <p id="session-expiry-message">
            Your session ends at {{ warning.endsAt | date: 'HH:mm' }}. Sign in again to continue.
          </p>
          <p class="cdk-visually-hidden" aria-live="polite">{{ announcement() }}</p>
        </mat-dialog-content>
        <mat-dialog-actions align="end">
          <button mat-button type="button" (click)="data.dismiss()">Not now</button>
          <button mat-flat-button type="button" cdkFocusInitial (click)="data.signInAgain()">Sign in again</button>
        </mat-dialog-actions>
      }
    }
  `,
  styles: `
    .countdown {
      font-variant-numeric: tabular-nums;
      font-weight: 600;
    }
    .problem {
      color: var(--mat-sys-error);
    }
  `,
})
export class SessionExpiryDialog {
  protected readonly data = inject<SessionExpiryDialogData>(MAT_DIALOG_DATA);

  protected readonly countdown = computed(() => countdownOf(this.data.warning()?.secondsLeft ?? 0));
  /** Changes only at the announced points, so the live region speaks a few times, not every second. */
  protected readonly announcement = computed(() => {
    const warning = this.data.warning();
    if (!warning) return '';
    const point = ANNOUNCED_AT.find((seconds) => warning.secondsLeft <= seconds);
    if (point === undefined) return '';
    return warning.kind === 'idle'
      ? `About ${inWords(point)} left before you are signed out because of inactivity.`
      : `About ${inWords(point)} left before your session ends.`;
  });
}
