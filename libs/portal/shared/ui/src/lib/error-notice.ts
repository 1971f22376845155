import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/** An error the API answered with: its message, and the request id support asks for. */
export interface ProblemDetails {
  readonly message: string;
  readonly requestId?: string | null;
}

/**
 * Shows a problem as an alert: the envelope's message, and its request id, when there is one, folded behind "Details
 * for support" (people read the message; support asks for the id).
 */
@Component({
  selector: 'aidial-error-notice',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="error-notice" role="alert">
      <p class="message">{{ problem().message }}</p>
      @if (problem().requestId; as requestId) {
        <details class="request-id">
          <summary>Details for support</summary>
          Request id <code>{{ requestId }}</code>
        </details>
      }
    </div>
  `,
  styles: `
    .error-notice {
      padding: 0.75rem 1rem;
      border-radius: 0.5rem;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    p {
      margin: 0;
    }
    summary {
      cursor: pointer;
    }
    .request-id {
      margin-block-start: 0.25rem;
      font: var(--mat-sys-body-small);
      overflow-wrap: anywhere;
    }
  `,
})
export class ErrorNotice {
  readonly problem = input.required<ProblemDetails>();
}
