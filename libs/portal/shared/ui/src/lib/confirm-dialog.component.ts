import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import {
  MAT_DIALOG_DATA,
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  MatDialogTitle,
} from '@angular/material/dialog';
import type { Confirmation } from './confirm-dialog';
import { DestructiveAction } from './destructive-action';

/**
 * Asks before a change that is hard to undo. The dialog traps focus, starts on Cancel, closes on Escape, and gives
 * focus back to the control that opened it.
 */
@Component({
  selector: 'aidial-confirm-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DestructiveAction, MatButton, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogTitle],
  template: `
    <h2 mat-dialog-title>{{ data.title }}</h2>
    <mat-dialog-content>
      <p>{{ data.message }}</p>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" [mat-dialog-close]="false" cdkFocusInitial>Cancel</button>
      @if (data.destructive) {
        <button mat-flat-button aidialDestructive type="button" [mat-dialog-close]="true">{{ data.confirm }}</button>
      } @else {
        <button mat-flat-button type="button" [mat-dialog-close]="true">{{ data.confirm }}</button>
      }
    </mat-dialog-actions>
  `,
})
export class ConfirmDialog {
  protected readonly data = inject<Confirmation>(MAT_DIALOG_DATA);
}
