import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  effect,
  inject,
  input,
  output,
  untracked,
  viewChild,
} from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { ErrorNotice } from '@aidial/portal/shared/ui';
import { ACTION_LABELS } from './mfa-wording';

/** The APP-5 collection notice of spec/05, word for word, shown before the number is asked for. */
export const SMS_PRIVACY_NOTICE =
  'By enrolling SMS one-time code, you consent to AiDial Pty Ltd disclosing your mobile number to Twilio Inc. ' +
  '(United States) — our authentication SMS sub-processor — for the sole purpose of delivering security codes. ' +
  'Twilio handles this data outside Australia. You may withdraw consent by removing SMS one-time code through the ' +
  'identity-provider management flow launched from Settings when available.';

/**
 * Where an enrolment stands, as the page's store reports it (`SmsEnrolmentState` of the MFA data-access library,
 * restated here because presentational components do not import it). `enrolled` carries only the masked tail.
 */
export type SmsFactorEnrolment =
  | { readonly kind: 'idle' }
  | { readonly kind: 'sending' }
  | { readonly kind: 'enrolled'; readonly phoneTail: string }
  | {
      readonly kind: 'refused';
      readonly message: string;
      readonly requestId: string | null;
      readonly phoneError: string | null;
    };

/**
 * The SMS one-time code card (spec/05), for a page that shows it only when the summary says SMS is available. Before
 * enrolment: the privacy notice and an Australian mobile field (the server validates the number; only "required" is
 * checked here). Once set up: the masked tail the server answered, or, when the provider already lists the factor,
 * where it is changed or removed. The number typed leaves the field once it is set up and is kept nowhere else.
 */
@Component({
  selector: 'aidial-mfa-sms-factor-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ErrorNotice, MatButton, MatError, MatFormField, MatHint, MatInput, MatLabel, ReactiveFormsModule],
  template: `
    @if (phoneTail(); as tail) {
      <div class="done" role="status">
        <p>SMS one-time codes are set up for {{ tail }}.</p>
        <p>
          You will be asked for a code sent to this number at your next sign-in. To update the security status on this
          page now, use {{ refreshLabel }}.
        </p>
        <p class="note">
          If the code does not arrive at that sign-in, use another second factor if you have one; otherwise ask your
          administrator to remove SMS codes from your account at the identity provider.
        </p>
      </div>
    } @else if (enrolled()) {
      <p>SMS one-time codes are set up for your account.</p>
      <p class="note">
        To change the number or remove SMS one-time codes, use the identity provider's MFA management from the
        multi-factor authentication actions on this page, then {{ refreshLabel.toLowerCase() }}.
      </p>
    } @else {
      <p id="sms-privacy-notice" class="privacy">{{ privacyNotice }}</p>
      <form class="enrol" [formGroup]="form" (ngSubmit)="submit()">
        <mat-form-field>
          <mat-label>Australian mobile number</mat-label>
          <input #phoneInput matInput type="tel" formControlName="phone" autocomplete="tel" required />
          <mat-hint>For example 0412 345 678</mat-hint>
          @if (phoneError(); as message) {
            <mat-error>{{ message }}</mat-error>
          } @else {
            <mat-error>Enter your Australian mobile number.</mat-error>
          }
        </mat-form-field>
        @if (banner(); as problem) {
          <aidial-error-notice #banner tabindex="-1" [problem]="problem" />
        }
        <div>
          <button mat-flat-button type="submit" [disabled]="sending()" aria-describedby="sms-privacy-notice">
            {{ sending() ? 'Setting up SMS codes…' : 'Set up SMS codes' }}
          </button>
        </div>
      </form>
    }
  `,
  styles: `
    :host {
      display: grid;
      gap: 0.75rem;
    }
    p {
      margin: 0;
    }
    .enrol {
      display: grid;
      gap: 0.75rem;
      max-inline-size: 28rem;
    }
    .done {
      display: grid;
      gap: 0.25rem;
      padding: 0.75rem 1rem;
      border-radius: 0.5rem;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    .note,
    .privacy {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class SmsFactorCard {
  /** The provider already lists SMS one-time codes for the user (`allowed_factors` has `sms_code`). */
  readonly enrolled = input.required<boolean>();
  readonly enrolment = input<SmsFactorEnrolment>({ kind: 'idle' });
  /** The number exactly as typed, for the server to validate. */
  readonly enrol = output<string>();

  protected readonly privacyNotice = SMS_PRIVACY_NOTICE;
  protected readonly refreshLabel = ACTION_LABELS.refresh_status;
  protected readonly form = new FormGroup({
    phone: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
  });
  protected readonly sending = computed(() => this.enrolment().kind === 'sending');
  protected readonly phoneTail = computed(() => {
    const enrolment = this.enrolment();
    return enrolment.kind === 'enrolled' ? enrolment.phoneTail : null;
  });
  protected readonly phoneError = computed(() => {
    const enrolment = this.enrolment();
    return enrolment.kind === 'refused' ? enrolment.phoneError : null;
  });
  /** A refusal that is not about the field: the envelope's message (and request id) as an alert. */
  protected readonly banner = computed(() => {
    const enrolment = this.enrolment();
    return enrolment.kind === 'refused' && !enrolment.phoneError
      ? { message: enrolment.message, requestId: enrolment.requestId }
      : null;
  });

  private readonly phoneInput = viewChild<ElementRef<HTMLInputElement>>('phoneInput');
  private readonly bannerElement = viewChild('banner', { read: ElementRef });
  private readonly injector = inject(Injector);

  constructor() {
    effect(() => {
      const enrolment = this.enrolment();
      untracked(() => this.show(enrolment));
    });
  }

  protected submit(): void {
    if (this.sending()) return;
    const phone = this.form.controls.phone;
    if (phone.invalid) {
      phone.markAsTouched();
      this.focusAfterRender(() => this.phoneInput()?.nativeElement);
      return;
    }
    this.enrol.emit(phone.value);
  }

  /** Clears the number once it is set up; puts a refusal on the field or the banner, and moves focus to it. */
  private show(enrolment: SmsFactorEnrolment): void {
    const phone = this.form.controls.phone;
    if (enrolment.kind === 'enrolled') {
      phone.reset('');
      return;
    }
    if (enrolment.kind !== 'refused') return;
    if (enrolment.phoneError) {
      phone.setErrors({ server: enrolment.phoneError });
      phone.markAsTouched();
      this.focusAfterRender(() => this.phoneInput()?.nativeElement);
    } else {
      this.focusAfterRender(() => this.bannerElement()?.nativeElement);
    }
  }

  private focusAfterRender(target: () => HTMLElement | undefined): void {
    afterNextRender({ write: () => target()?.focus() }, { injector: this.injector });
  }
}
