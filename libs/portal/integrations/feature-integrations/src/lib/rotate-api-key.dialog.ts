import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import {
  MAT_DIALOG_DATA,
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  MatDialogTitle,
} from '@angular/material/dialog';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatOption, MatSelect } from '@angular/material/select';
import type { CreatedApiKeyDto } from '@aidial/portal/api-client';
import { CLOCK } from '@aidial/portal/core';
import { ApiKeysStore } from '@aidial/portal/integrations/data-access';
import { ApiKeySecret } from '@aidial/portal/integrations/ui';
import type { ApiProblem } from '@aidial/portal/shared/data-access';
import { ErrorNotice } from '@aidial/portal/shared/ui';
import { API_KEY_ROTATION_OVERLAP_DEFAULT_HOURS, API_KEY_ROTATION_OVERLAP_MAX_HOURS } from '@aidial/shared/access';

export interface RotateApiKeyData {
  readonly id: string;
  readonly name: string;
  readonly expiresAt: string;
}

const OVERLAPS = [0, 1, 24, 72, API_KEY_ROTATION_OVERLAP_MAX_HOURS] as const;

/**
 * Rotates a key: a new key with the same settings, shown once; the old key keeps working for the overlap window
 * chosen here (never past its own expiry). The new key lives only in this dialog's state.
 */
@Component({
  selector: 'aidial-rotate-api-key-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ApiKeySecret,
    DatePipe,
    ErrorNotice,
    MatButton,
    MatDialogActions,
    MatDialogClose,
    MatDialogContent,
    MatDialogTitle,
    MatFormField,
    MatHint,
    MatLabel,
    MatOption,
    MatSelect,
    ReactiveFormsModule,
  ],
  template: `
    @if (rotated(); as rotation) {
      <h2 mat-dialog-title>{{ data.name }} rotated</h2>
      <mat-dialog-content>
        <p data-testid="overlap-note">
          The old key keeps working until {{ rotation.oldKeyUntil | date: 'medium' }}; move your integration to the new
          key before then.
        </p>
        <aidial-api-key-secret [secret]="rotation.key.key" label="The new API key" />
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-flat-button type="button" [mat-dialog-close]="true">Done</button>
      </mat-dialog-actions>
    } @else {
      <h2 mat-dialog-title>Rotate {{ data.name }}?</h2>
      <mat-dialog-content>
        <p>
          A new key with the same name, scopes, client and projects, and the same lifetime from now, replaces this one.
          The new key is shown once.
        </p>
        <mat-form-field>
          <mat-label>Old key keeps working for</mat-label>
          <mat-select [formControl]="overlap">
            @for (hours of overlaps; track hours) {
              <mat-option [value]="hours">{{ overlapLabel(hours) }}</mat-option>
            }
          </mat-select>
          <mat-hint>Until {{ oldKeyUntil() | date: 'medium' }}</mat-hint>
        </mat-form-field>
        @if (problem(); as problem) {
          <aidial-error-notice [problem]="problem" />
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" [mat-dialog-close]="false" cdkFocusInitial>Cancel</button>
        <button mat-flat-button type="button" [disabled]="store.saving()" (click)="rotate()">Rotate key</button>
      </mat-dialog-actions>
    }
  `,
})
export class RotateApiKeyDialog {
  protected readonly data = inject<RotateApiKeyData>(MAT_DIALOG_DATA);
  protected readonly store = inject(ApiKeysStore);
  private readonly clock = inject(CLOCK);

  protected readonly overlaps = OVERLAPS;
  protected readonly overlap = new FormControl<number>(API_KEY_ROTATION_OVERLAP_DEFAULT_HOURS, { nonNullable: true });
  private readonly overlapHours = signal<number>(API_KEY_ROTATION_OVERLAP_DEFAULT_HOURS);
  protected readonly oldKeyUntil = computed(() => this.untilFor(this.overlapHours()));
  protected readonly problem = signal<ApiProblem | null>(null);
  /** The new key, secret included: only here, only while the dialog is open. */
  protected readonly rotated = signal<{ key: CreatedApiKeyDto; oldKeyUntil: Date } | null>(null);

  constructor() {
    this.overlap.valueChanges.pipe(takeUntilDestroyed()).subscribe((hours) => this.overlapHours.set(hours));
  }

  protected overlapLabel(hours: number): string {
    if (hours === 0) return 'No overlap: stops now';
    if (hours % 24 === 0) return `${hours / 24} ${hours === 24 ? 'day' : 'days'}`;
    return `${hours} ${hours === 1 ? 'hour' : 'hours'}`;
  }

  protected rotate(): void {
    void this.submit();
  }

  private async submit(): Promise<void> {
    this.problem.set(null);
    const hours = this.overlap.value;
    const result = await this.store.rotate(this.data.id, hours);
    if (!result.ok) {
      this.problem.set(result.problem);
      return;
    }
    // The list was read again after the rotation: the old key's own expiry is the overlap window's end.
    const old = this.store.keys().find((key) => key.id === this.data.id);
    this.rotated.set({ key: result.data, oldKeyUntil: old ? new Date(old.expires_at) : this.untilFor(hours) });
  }

  /** The old key's new expiry: now plus the overlap, never later than it already was. */
  private untilFor(hours: number): Date {
    const until = this.clock.now().getTime() + hours * 3_600_000;
    return new Date(Math.min(until, Date.parse(this.data.expiresAt)));
  }
}
