import { Clipboard } from '@angular/cdk/clipboard';
import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';

/**
 * A key's secret, shown once: the whole key to select or copy, and a plain warning that it will not be shown again.
 * It holds the secret only while it is on screen; nothing here writes it anywhere but the clipboard, on request.
 */
@Component({
  selector: 'aidial-api-key-secret',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButton],
  template: `
    <p class="warning" role="alert">
      Copy this key now. <strong>You will not see it again</strong>: AiDial keeps only a fingerprint of it. If it is
      lost, rotate the key.
    </p>
    <label class="label" for="api-key-secret">{{ label() }}</label>
    <div class="secret-row">
      <input
        id="api-key-secret"
        class="secret"
        type="text"
        readonly
        autocomplete="off"
        spellcheck="false"
        [value]="secret()"
        (focus)="selectAll($event)"
      />
      <button mat-flat-button type="button" (click)="copy()">Copy key</button>
    </div>
    <p class="copy-state" role="status">{{ copyState() }}</p>
  `,
  styles: `
    .warning {
      margin: 0 0 1rem;
      padding: 0.75rem 1rem;
      border-radius: 0.5rem;
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
    .label {
      display: block;
      font: var(--mat-sys-title-small);
      margin-block-end: 0.25rem;
    }
    .secret-row {
      display: flex;
      gap: 0.5rem;
      align-items: center;
    }
    .secret {
      flex: 1;
      min-inline-size: 0;
      padding: 0.5rem;
      font-family: ui-monospace, 'SF Mono', Menlo, Consolas, 'Liberation Mono', monospace;
      border: 1px solid var(--mat-sys-outline);
      border-radius: 0.25rem;
      background: var(--mat-sys-surface-container-low);
      color: inherit;
    }
    .copy-state {
      min-block-size: 1.25rem;
      margin: 0.5rem 0 0;
    }
  `,
})
export class ApiKeySecret {
  readonly secret = input.required<string>();
  readonly label = input('Your new API key');

  private readonly clipboard = inject(Clipboard);
  protected readonly copyState = signal('');

  protected copy(): void {
    this.copyState.set(
      this.clipboard.copy(this.secret())
        ? 'Copied to the clipboard.'
        : 'The browser did not allow copying: select the key and copy it yourself.',
    );
  }

  protected selectAll(event: FocusEvent): void {
    (event.target as HTMLInputElement).select();
  }
}
