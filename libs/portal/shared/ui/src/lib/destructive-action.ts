import { Directive, booleanAttribute, computed, input } from '@angular/core';

/** Material's button tokens, set to the theme's error colours. */
const ERROR_BUTTON_TOKENS: Readonly<Record<string, string>> = {
  '--mat-button-filled-container-color': 'var(--mat-sys-error)',
  '--mat-button-filled-label-text-color': 'var(--mat-sys-on-error)',
  '--mat-button-filled-state-layer-color': 'var(--mat-sys-on-error)',
  '--mat-button-filled-ripple-color': 'color-mix(in srgb, var(--mat-sys-on-error) 12%, transparent)',
  '--mat-button-outlined-label-text-color': 'var(--mat-sys-error)',
  '--mat-button-outlined-outline-color': 'var(--mat-sys-error)',
  '--mat-button-outlined-state-layer-color': 'var(--mat-sys-error)',
  '--mat-button-outlined-ripple-color': 'color-mix(in srgb, var(--mat-sys-error) 12%, transparent)',
};

/**
 * `<button mat-stroked-button aidialDestructive>Remove</button>`: a Material button in the theme's error colour, for an
 * action that takes something away (suspending, removing, revoking): filled for a dialog's confirming button, outlined
 * on a page. `[aidialDestructive]="false"` turns it off, for a button whose action changes (Suspend / Reactivate) and
 * that must stay the same element so focus can come back to it. Material 3 has no `color="warn"` without its
 * backwards-compatibility styles, so the button's own tokens are set on the element.
 */
@Directive({
  selector: 'button[aidialDestructive]',
  host: {
    '[class.aidial-destructive]': 'aidialDestructive()',
    '[style]': 'tokens()',
  },
})
export class DestructiveAction {
  readonly aidialDestructive = input(true, { transform: booleanAttribute });

  protected readonly tokens = computed(() => (this.aidialDestructive() ? ERROR_BUTTON_TOKENS : null));
}
