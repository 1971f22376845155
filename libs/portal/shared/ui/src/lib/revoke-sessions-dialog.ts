import type { MatDialog } from '@angular/material/dialog';
import { firstValueFrom } from 'rxjs';
import type { RevokeSessionsDialog } from './revoke-sessions-dialog.component';

/** What the administrator is about to do: "Sign out all sessions of Jack Wilson?". */
export interface SessionRevocation {
  readonly title: string;
  readonly message: string;
  /** The confirming button's words: "Sign out all sessions". */
  readonly confirm: string;
}

/**
 * Opens the dialog; resolves with the note, or null when the administrator cancelled. Its code (Material's form field
 * and Angular's forms) loads when it is first asked for, not with every page that imports this library.
 */
export async function askForRevocationNote(dialog: MatDialog, revocation: SessionRevocation): Promise<string | null> {
  const { RevokeSessionsDialog: component } = await import('./revoke-sessions-dialog.component');
  const reference = dialog.open<RevokeSessionsDialog, SessionRevocation, string>(component, {
    data: revocation,
    autoFocus: 'first-tabbable',
    restoreFocus: true,
    width: '32rem',
  });
  return (await firstValueFrom(reference.afterClosed())) ?? null;
}

/** The announcement after sessions were ended: "1 session ended.", "3 sessions ended." */
export function sessionsEndedMessage(count: number): string {
  return `${count} ${count === 1 ? 'session' : 'sessions'} ended.`;
}
