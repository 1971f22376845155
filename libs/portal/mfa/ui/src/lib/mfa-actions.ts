import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButton } from '@angular/material/button';
import type { MfaAction } from '@aidial/shared/access';
import { ACTION_LABELS, type MfaProfile, lostFactorAdviceOf } from './mfa-wording';

/** The actions shown as plain buttons; the two acknowledgements belong to their recovery-code prompts. */
const BUTTON_ACTIONS: readonly MfaAction[] = [
  'open_setup',
  'refresh_status',
  'regenerate_recovery_codes',
  'open_disable',
];

/**
 * The MFA actions of spec/04, each only when the server offers it (`profile.actions`), the recovery-code prompts, and
 * "MFA setup unavailable / MFA management unavailable". It never shows or asks for a code.
 */
@Component({
  selector: 'aidial-mfa-actions',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButton],
  template: `
    @if (storePrompt()) {
      <section class="prompt" aria-labelledby="store-codes-title">
        <h3 id="store-codes-title" class="prompt-title">Store your recovery codes</h3>
        <p>
          The identity provider issued a new set of recovery codes. Keep them in a password manager or print them and
          store them safely, then confirm here. The portal never sees or keeps the codes.
        </p>
        <button mat-flat-button type="button" [disabled]="busy() !== null" (click)="act.emit('store_recovery_codes')">
          {{ labels.store_recovery_codes }}
        </button>
      </section>
    }
    @if (reviewPrompt()) {
      <section class="prompt" aria-labelledby="review-codes-title">
        <h3 id="review-codes-title" class="prompt-title">Review your recovery codes</h3>
        <p>
          You signed in with a recovery code, which works only once. Check how many codes you have left at the identity
          provider, or generate a new set there, then confirm here.
        </p>
        <button mat-flat-button type="button" [disabled]="busy() !== null" (click)="act.emit('review_recovery_codes')">
          {{ labels.review_recovery_codes }}
        </button>
      </section>
    }
    @if (buttons().length > 0) {
      <div class="actions">
        @for (action of buttons(); track action) {
          <button mat-stroked-button type="button" [disabled]="busy() !== null" (click)="act.emit(action)">
            {{ labels[action] }}
          </button>
        }
      </div>
    }
    @if (profile().setup_unavailable) {
      <p class="unavailable">
        <strong>MFA setup unavailable.</strong> Your MFA state could not be verified with the identity provider. Refresh
        your security status after signing in again. If it remains unavailable, contact your administrator.
      </p>
    }
    @if (profile().management_unavailable) {
      <p class="unavailable">
        <strong>MFA management unavailable.</strong> Refresh your security status after signing in again. If it remains
        unavailable, contact your administrator.
      </p>
    }
    @if (lostFactorAdvice(); as advice) {
      <p class="note">{{ advice }}</p>
    }
  `,
  styles: `
    :host {
      display: grid;
      gap: 0.75rem;
    }
    .prompt {
      padding: 1rem;
      border-radius: 0.75rem;
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
    .prompt-title {
      margin: 0 0 0.5rem;
      font: var(--mat-sys-title-medium);
    }
    .prompt p {
      margin: 0 0 0.75rem;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
    .unavailable,
    .note {
      margin: 0;
    }
    .note {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class MfaActions {
  readonly profile = input.required<MfaProfile>();
  readonly busy = input<MfaAction | null>(null);
  /** Actions already offered elsewhere on the page (the remediation notice), not repeated here. */
  readonly exclude = input<readonly MfaAction[]>([]);
  readonly act = output<MfaAction>();

  protected readonly labels = ACTION_LABELS;
  protected readonly lostFactorAdvice = computed(() => lostFactorAdviceOf(this.profile()));
  protected readonly storePrompt = computed(
    () =>
      this.profile().lifecycle.recovery_codes === 'ack_required' &&
      this.profile().actions.includes('store_recovery_codes'),
  );
  protected readonly reviewPrompt = computed(
    () =>
      this.profile().lifecycle.recovery_codes === 'reminder' &&
      this.profile().actions.includes('review_recovery_codes'),
  );
  protected readonly buttons = computed(() =>
    BUTTON_ACTIONS.filter((action) => this.profile().actions.includes(action) && !this.exclude().includes(action)),
  );
}
