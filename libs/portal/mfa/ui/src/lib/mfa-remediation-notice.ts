import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButton } from '@angular/material/button';
import type { MfaAction } from '@aidial/shared/access';
import { ACTION_LABELS, type RemediationExplanation } from './mfa-wording';

/**
 * "Why you were sent here" (spec/02 "MFA Required"): the rule that requires MFA, what this sign-in lacked, and the
 * action that fixes it first. Shown while a mandatory-MFA session is not compliant.
 */
@Component({
  selector: 'aidial-mfa-remediation-notice',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButton],
  template: `
    <section class="notice" aria-labelledby="mfa-remediation-title">
      <h2 id="mfa-remediation-title" class="title">Multi-factor authentication is required</h2>
      <p>{{ explanation().rule }}</p>
      <p>{{ explanation().lacking }}</p>
      <p>Until then, the other pages of the portal stay closed. Settings, Support and signing out remain available.</p>
      @if (explanation().actions.length > 0) {
        <div class="actions">
          @for (action of explanation().actions; track action; let first = $first) {
            @if (first) {
              <button mat-flat-button type="button" [disabled]="busy() !== null" (click)="act.emit(action)">
                {{ labels[action] }}
              </button>
            } @else {
              <button mat-stroked-button type="button" [disabled]="busy() !== null" (click)="act.emit(action)">
                {{ labels[action] }}
              </button>
            }
          }
        </div>
      }
    </section>
  `,
  styles: `
    .notice {
      padding: 1rem;
      border-radius: 0.75rem;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .title {
      margin: 0 0 0.5rem;
      font: var(--mat-sys-title-large);
    }
    p {
      margin: 0 0 0.5rem;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      margin-block-start: 0.75rem;
    }
  `,
})
export class MfaRemediationNotice {
  readonly explanation = input.required<RemediationExplanation>();
  /** The action in flight, if any: the buttons wait for it. */
  readonly busy = input<MfaAction | null>(null);
  readonly act = output<MfaAction>();

  protected readonly labels = ACTION_LABELS;
}
