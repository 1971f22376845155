import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatCard, MatCardContent } from '@angular/material/card';
import { SessionStore } from '@aidial/portal/core';
import { AccountSummary } from '@aidial/portal/shared/ui';
import { accountDetailsOf } from './account-details';

/**
 * The Profile section of `/settings` (customer and partner roles) and `/admin/profile` (internal roles): the signed-in
 * account, from the session. The frame around it holds the heading. Multi-factor setup joins these pages later.
 */
@Component({
  selector: 'aidial-account-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [AccountSummary, MatCard, MatCardContent],
  template: `
    <mat-card appearance="outlined" class="panel">
      <mat-card-content>
        <h2 class="section-title">Your account</h2>
        @if (account(); as account) {
          <aidial-account-summary [account]="account" />
        }
        <p class="note">
          Your name and email come from your sign-in with the identity provider. To change your role or organisation,
          ask your organisation's administrator.
        </p>
      </mat-card-content>
    </mat-card>
    <mat-card appearance="outlined" class="panel">
      <mat-card-content>
        <h2 class="section-title">Security</h2>
        <p class="note">
          Multi-factor authentication setup is not available on this page yet. Until it is, manage your authenticator
          through the identity provider's sign-in pages.
        </p>
      </mat-card-content>
    </mat-card>
  `,
  styles: `
    :host {
      display: grid;
      gap: 1rem;
      max-inline-size: 48rem;
    }
    .section-title {
      margin: 0 0 0.5rem;
      font: var(--mat-sys-title-large);
    }
    .note {
      margin: 0.75rem 0 0;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class AccountPage {
  private readonly session = inject(SessionStore).session;

  protected readonly account = computed(() => {
    const session = this.session();
    return session && accountDetailsOf(session);
  });
}
