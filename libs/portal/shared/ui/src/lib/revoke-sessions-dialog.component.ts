import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import {
  MAT_DIALOG_DATA,
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  MatDialogRef,
  MatDialogTitle,
} from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { SESSION_REVOCATION_NOTE_MAX_LENGTH } from '@aidial/shared/access';
import { map } from 'rxjs';
import { DestructiveAction } from './destructive-action';
import type { SessionRevocation } from './revoke-sessions-dialog';

/**
 * Asks an administrator why they are signing someone out: a required note (the user reads it in their Ended sessions),
 * at most 500 characters, with a counter. Closes with the trimmed note, or nothing when cancelled.
 */
@Component({
  selector: 'aidial-revoke-sessions-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    DestructiveAction,
    MatButton,
    MatDialogActions,
    MatDialogClose,
    MatDialogContent,
    MatDialogTitle,
    MatError,
    MatFormField,
    MatHint,
    MatInput,
    MatLabel,
    ReactiveFormsModule,
  ],
  template: `
    <h2 mat-dialog-title>{{ data.title }}</h2>
    <form (submit)="submit($event)">
      <mat-dialog-content>
        <p>{{ data.message }}</p>
        <mat-form-field class="note-field">
          <mat-label>Reason</mat-label>
          <textarea
            matInput
            rows="3"
            [formControl]="note"
            [attr.maxlength]="maxLength"
            required
            cdkFocusInitial
            aria-describedby="revocation-note-hint"
          ></textarea>
          <mat-hint id="revocation-note-hint">The user sees this reason in their ended sessions.</mat-hint>
          <mat-hint align="end">{{ length() }} / {{ maxLength }}</mat-hint>
          @if (note.hasError('required') || note.hasError('blank')) {
            <mat-error>Enter a reason.</mat-error>
          } @else if (note.hasError('maxlength')) {
            <mat-error>Use at most {{ maxLength }} characters.</mat-error>
          }
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" [mat-dialog-close]="undefined">Cancel</button>
        <button mat-flat-button aidialDestructive type="submit">{{ data.confirm }}</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .note-field {
      inline-size: 100%;
    }
  `,
})
export class RevokeSessionsDialog {
  protected readonly data = inject<SessionRevocation>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject<MatDialogRef<RevokeSessionsDialog, string>>(MatDialogRef);

  protected readonly maxLength = SESSION_REVOCATION_NOTE_MAX_LENGTH;
  protected readonly note = new FormControl('', {
    nonNullable: true,
    validators: [
      Validators.required,
      Validators.maxLength(SESSION_REVOCATION_NOTE_MAX_LENGTH),
      (control) => (typeof control.value === 'string' && control.value.trim() === '' ? { blank: true } : null),
    ],
  });
  protected readonly length = toSignal(this.note.valueChanges.pipe(map((value) => value.length)), { initialValue: 0 });

  protected submit(event: Event): void {
    event.preventDefault();
    if (this.note.invalid) {
      this.note.markAsTouched();
      return;
    }
    this.dialogRef.close(this.note.value.trim());
  }
}
