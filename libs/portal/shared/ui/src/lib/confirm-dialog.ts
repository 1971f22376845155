import type { MatDialog } from '@angular/material/dialog';
import { firstValueFrom } from 'rxjs';
import type { ConfirmDialog } from './confirm-dialog.component';

export interface Confirmation {
  readonly title: string;
  readonly message: string;
  /** The confirming button's words: "Suspend tenant". */
  readonly confirm: string;
  /** The change takes something away (suspends, removes): the confirming button is in the error colour. */
  readonly destructive?: boolean;
}

/**
 * Opens the confirmation and resolves true when the user confirms. The dialog's own code loads when it is first asked
 * for: a page that uses other building blocks of this library does not download it (docs/bench.md, "Lighthouse").
 */
export async function confirmWith(dialog: MatDialog, confirmation: Confirmation): Promise<boolean> {
  const { ConfirmDialog: component } = await import('./confirm-dialog.component');
  const reference = dialog.open<ConfirmDialog, Confirmation, boolean>(component, {
    data: confirmation,
    role: 'alertdialog',
    autoFocus: 'first-tabbable',
    restoreFocus: true,
  });
  return (await firstValueFrom(reference.afterClosed())) === true;
}
