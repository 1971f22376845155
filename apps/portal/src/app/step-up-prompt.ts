import type { Injector } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import { confirmWith } from '@aidial/portal/shared/ui';

/** Step-up (docs/sessions.md): asks whether to sign in again now; resolves true for yes. Loaded on first use. */
export function askToSignInAgain(injector: Injector): Promise<boolean> {
  return confirmWith(injector.get(MatDialog), {
    title: 'Confirm it’s you',
    message:
      'This change needs a recent sign-in. Sign in again and you will come back to this page to finish it. ' +
      'Nothing has been changed yet.',
    confirm: 'Sign in again',
  });
}
