import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatCard, MatCardContent } from '@angular/material/card';

/**
 * The one way a page says its data comes from the AiDial platform API, which this environment is not connected to:
 * what the page will show once it is, and that nothing is shown until then. Never a placeholder figure.
 */
@Component({
  selector: 'aidial-not-connected-state',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatCard, MatCardContent],
  template: `
    <mat-card appearance="outlined" class="not-connected">
      <mat-card-content>
        <h2 class="heading">Not connected yet</h2>
        <p>
          {{ subject() }} come from the AiDial platform. The connection to the AiDial platform is not available in this
          environment yet, so there is nothing to show here — no figures are estimated or made up.
        </p>
        @if (willShow().length > 0) {
          <p class="will-show-intro">Once it is connected, this will show:</p>
          <ul class="will-show">
            @for (item of willShow(); track item) {
              <li>{{ item }}</li>
            }
          </ul>
        }
      </mat-card-content>
    </mat-card>
  `,
  styles: `
    :host {
      display: block;
      max-inline-size: 48rem;
    }
    .heading {
      margin: 0 0 0.5rem;
      font: var(--mat-sys-title-large);
    }
    p {
      margin: 0 0 0.75rem;
    }
    .will-show {
      margin: 0;
      padding-inline-start: 1.25rem;
    }
  `,
})
export class NotConnectedState {
  /** What the data is, as the start of a sentence: "Call records and recordings". */
  readonly subject = input.required<string>();
  /** What the page will show once connected, one line each. */
  readonly willShow = input<readonly string[]>([]);
}
