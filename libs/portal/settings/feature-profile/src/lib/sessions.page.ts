import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, type ElementRef, inject, signal, viewChild } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { Router } from '@angular/router';
import type { SessionDto } from '@aidial/portal/api-client';
import { SIGN_IN_PATH, SessionStore } from '@aidial/portal/core';
import { SessionsStore } from '@aidial/portal/settings/data-access';
import { ErrorNotice, confirmWith, sessionsEndedMessage } from '@aidial/portal/shared/ui';
import { browserAndSystemOf, deviceOf, endReasonOf, networkOf } from './session-wording';

/**
 * The Sessions section of `/settings/sessions` and `/admin/profile/sessions`: where the user is signed in (this device
 * marked), revoking another session or every other one, signing out here, and the sessions that ended lately, with how
 * and by whom. The session cookie never reaches the page: the list is the API's, by session id.
 */
@Component({
  selector: 'aidial-sessions-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, ErrorNotice, MatButton],
  templateUrl: './sessions.page.html',
  styles: `
    .this-device {
      display: inline-block;
      margin-inline-start: 0.5rem;
      padding: 0 0.5rem;
      border-radius: 0.75rem;
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
      font: var(--mat-sys-label-medium);
    }
    .note {
      display: block;
      color: var(--mat-sys-on-surface-variant);
    }
    .everywhere-else {
      margin-block-start: 1rem;
    }
  `,
})
export class SessionsPage {
  protected readonly store = inject(SessionsStore);
  private readonly session = inject(SessionStore);
  private readonly dialog = inject(MatDialog);
  private readonly router = inject(Router);

  protected readonly browserAndSystemOf = browserAndSystemOf;
  protected readonly deviceOf = deviceOf;
  protected readonly networkOf = networkOf;
  protected readonly endReasonOf = endReasonOf;
  protected readonly announcement = signal<string | null>(null);
  protected readonly signOutProblem = signal<string | null>(null);
  protected readonly signingOut = signal(false);
  /** Where focus goes once a revoked row (and the button that was focused in it) is gone. */
  private readonly activeHeading = viewChild<ElementRef<HTMLElement>>('activeHeading');

  constructor() {
    void this.store.load();
  }

  protected revoke(session: SessionDto): void {
    void this.confirmRevocation(session);
  }

  private async confirmRevocation(session: SessionDto): Promise<void> {
    this.announcement.set(null);
    const what = browserAndSystemOf(session);
    const confirmed = await confirmWith(this.dialog, {
      title: 'Revoke this session?',
      message: `${what} (${deviceOf(session.device)}) is signed out at its next request.`,
      confirm: 'Revoke session',
    });
    if (confirmed && (await this.store.revoke(session.id))) {
      this.announcement.set(`Session on ${what} revoked.`);
      this.activeHeading()?.nativeElement.focus();
    }
  }

  protected revokeOthers(): void {
    void this.confirmRevokeOthers();
  }

  private async confirmRevokeOthers(): Promise<void> {
    this.announcement.set(null);
    const confirmed = await confirmWith(this.dialog, {
      title: 'Sign out everywhere else?',
      message: 'Every other browser and device signed in to your account here is signed out. This one stays signed in.',
      confirm: 'Sign out everywhere else',
    });
    if (!confirmed) return;
    const revoked = await this.store.revokeOthers();
    if (revoked !== null) {
      this.announcement.set(sessionsEndedMessage(revoked));
      this.activeHeading()?.nativeElement.focus();
    }
  }

  /** The current row's Sign out: the same as the header's, ending the session at the identity provider too. */
  protected signOutHere(): void {
    void this.signOut();
  }

  private async signOut(): Promise<void> {
    this.signingOut.set(true);
    this.signOutProblem.set(null);
    const outcome = await this.session.signOut();
    if (outcome.kind === 'redirecting') return;
    this.signingOut.set(false);
    if (outcome.kind === 'already-signed-out') {
      await this.router.navigate([SIGN_IN_PATH], { queryParams: { signed_out: 1 } });
    } else {
      this.signOutProblem.set(outcome.message);
    }
  }
}
