import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatCard, MatCardContent } from '@angular/material/card';

/** A section this portal will offer but does not yet: said plainly, with what it is for. */
@Component({
  selector: 'aidial-not-available-state',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatCard, MatCardContent],
  template: `
    <mat-card appearance="outlined">
      <mat-card-content>
        <h2 class="heading">Not available yet</h2>
        <p>{{ purpose() }}</p>
        <p class="last">This section is not available in the portal yet. Nothing here is hidden from you.</p>
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
    .last {
      margin: 0;
    }
  `,
})
export class NotAvailableState {
  /** What the section will be for, as one sentence. */
  readonly purpose = input.required<string>();
}
