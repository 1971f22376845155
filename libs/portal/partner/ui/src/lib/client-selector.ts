import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatOption, MatSelect } from '@angular/material/select';

/** A client a partner manages, as the selector lists it. */
export interface SelectableClient {
  readonly id: string;
  readonly name: string;
  readonly status: string;
}

/** The partner's client selector: the session's selected client, and the clients to switch to (active ones). */
@Component({
  selector: 'aidial-client-selector',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatFormField, MatLabel, MatOption, MatSelect],
  template: `
    <mat-form-field class="selector" subscriptSizing="dynamic">
      <mat-label>Client</mat-label>
      <mat-select
        [value]="selectedId()"
        [disabled]="disabled()"
        (selectionChange)="selected.emit($event.value)"
        placeholder="Select a client"
      >
        <mat-option [value]="null">No client selected</mat-option>
        @for (client of clients(); track client.id) {
          <mat-option [value]="client.id" [disabled]="client.status !== 'active'">
            {{ client.name }}{{ client.status === 'active' ? '' : ' (not active)' }}
          </mat-option>
        }
      </mat-select>
    </mat-form-field>
  `,
  styles: `
    .selector {
      inline-size: 14rem;
    }
  `,
})
export class ClientSelector {
  readonly clients = input.required<readonly SelectableClient[]>();
  readonly selectedId = input<string | null>(null);
  readonly disabled = input(false);
  /** The client chosen, or null for none. */
  readonly selected = output<string | null>();
}
