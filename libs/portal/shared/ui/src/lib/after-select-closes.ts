import type { MatSelect } from '@angular/material/select';
import { first } from 'rxjs';

/**
 * Runs `ask` (which opens a confirmation) once the select that asked has closed its panel and taken the focus back, so
 * the dialog returns focus to the select when it closes. A select changed from the keyboard without opening runs it
 * at once: it has the focus already.
 */
export function afterSelectCloses(select: MatSelect, ask: () => void): void {
  if (!select.panelOpen) {
    ask();
    return;
  }
  // Material emits `false` a microtask after closing, and focuses the select synchronously as it closes.
  select.openedChange.pipe(first((open) => !open)).subscribe(() => ask());
}
