import { ChangeDetectionStrategy, Component, type OnInit, computed, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatCard, MatCardContent } from '@angular/material/card';
import type { MfaAction } from '@aidial/portal/api-client';
import { MfaSummaryStore, SmsEnrolmentStore } from '@aidial/portal/mfa/data-access';
import { MfaActions, MfaRemediationNotice, ProfileSummary, SmsFactorCard, remediationOf } from '@aidial/portal/mfa/ui';
import { ErrorNotice } from '@aidial/portal/shared/ui';
import { isInternalRole } from '@aidial/shared/access';

/**
 * The Profile section (spec/04), the default section of `/settings` (customer and partner roles) and `/admin/profile`
 * (internal roles): the managed identity fields and the session's MFA facts, why a mandatory-MFA session was sent here
 * and what fixes it, the recovery-code prompts, the MFA actions the server offers, and the SMS one-time code card
 * (spec/05) when the summary says SMS is available to this role and organisation. The frame holds the heading.
 */
@Component({
  selector: 'aidial-profile-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ErrorNotice,
    MatButton,
    MatCard,
    MatCardContent,
    MfaActions,
    MfaRemediationNotice,
    ProfileSummary,
    SmsFactorCard,
  ],
  providers: [MfaSummaryStore, SmsEnrolmentStore],
  template: `
    @if (store.notice(); as notice) {
      @if (notice.tone === 'success') {
        <p class="done" role="status">{{ notice.message }}</p>
      } @else {
        <aidial-error-notice [problem]="notice" />
      }
    }
    @switch (state().kind) {
      @case ('loading') {
        <p role="status">Loading your profile…</p>
      }
      @case ('error') {
        @if (problem(); as problem) {
          <aidial-error-notice [problem]="problem" />
        }
        <div>
          <button mat-stroked-button type="button" (click)="store.load()">Retry the profile summary</button>
        </div>
        <p class="note">
          If the profile summary still does not load, your session, organisation or MFA state may need an
          administrator's attention. You can also sign out and sign in again.
        </p>
      }
      @case ('loaded') {
        @if (summary(); as summary) {
          @if (remediation(); as remediation) {
            <aidial-mfa-remediation-notice [explanation]="remediation" [busy]="store.busy()" (act)="act($event)" />
          }
          <mat-card appearance="outlined">
            <mat-card-content>
              <h2 class="section-title">Profile</h2>
              <aidial-mfa-profile-summary
                [profile]="summary"
                [profileUpdate]="internal() ? 'administrator' : 'support'"
              />
            </mat-card-content>
          </mat-card>
          <mat-card appearance="outlined">
            <mat-card-content>
              <h2 class="section-title">Multi-factor authentication</h2>
              <aidial-mfa-actions
                [profile]="summary"
                [busy]="store.busy()"
                [exclude]="remediation()?.actions ?? []"
                (act)="act($event)"
              />
            </mat-card-content>
          </mat-card>
          @if (summary.sms_otp_available) {
            <mat-card appearance="outlined" role="region" aria-labelledby="sms-factor-title">
              <mat-card-content>
                <h2 id="sms-factor-title" class="section-title">SMS one-time code</h2>
                <aidial-mfa-sms-factor-card
                  [enrolled]="summary.allowed_factors.includes('sms_code')"
                  [enrolment]="sms.state()"
                  (enrol)="enrolSms($event)"
                />
              </mat-card-content>
            </mat-card>
          }
        }
      }
    }
  `,
  styles: `
    :host {
      display: grid;
      gap: 1rem;
      max-inline-size: 56rem;
    }
    .section-title {
      margin: 0 0 0.5rem;
      font: var(--mat-sys-title-large);
    }
    .done {
      margin: 0;
      padding: 0.75rem 1rem;
      border-radius: 0.5rem;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    .note {
      margin: 0;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class ProfilePage implements OnInit {
  protected readonly store = inject(MfaSummaryStore);
  protected readonly sms = inject(SmsEnrolmentStore);
  protected readonly state = this.store.state;
  protected readonly summary = computed(() => {
    const state = this.state();
    return state.kind === 'loaded' ? state.summary : null;
  });
  protected readonly problem = computed(() => {
    const state = this.state();
    return state.kind === 'error' ? state.problem : null;
  });
  protected readonly remediation = computed(() => {
    const summary = this.summary();
    return summary && remediationOf(summary);
  });
  protected readonly internal = computed(() => {
    const summary = this.summary();
    return !!summary && isInternalRole(summary.role);
  });

  ngOnInit(): void {
    void this.store.load();
  }

  /** Once the factor is set up, the summary is read again so the page shows what the server now says. */
  protected async enrolSms(phone: string): Promise<void> {
    if (await this.sms.enrol(phone)) await this.store.reload();
  }

  protected act(action: MfaAction): void {
    switch (action) {
      case 'open_setup':
        void this.store.openSetup();
        return;
      case 'refresh_status':
        void this.store.refreshStatus();
        return;
      case 'open_disable':
        void this.store.openDisable();
        return;
      default:
        void this.store.acknowledge(action);
    }
  }
}
