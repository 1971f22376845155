import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { DestructiveAction } from '@aidial/portal/shared/ui';
import { API_KEY_STATUS_LABELS } from './api-key-labels';

/** A key as the Integrations endpoints list one (ApiKey): never its secret. */
export interface ApiKeyRow {
  readonly id: string;
  readonly name: string;
  readonly prefix: string;
  readonly last_four: string;
  readonly scopes: readonly string[];
  readonly client_name: string | null;
  readonly project_ids: readonly string[] | null;
  readonly created_by_name: string | null;
  readonly created_at: string;
  readonly expires_at: string;
  readonly last_used_at: string | null;
  readonly status: string;
  /** The key a rotation of this one made (its last four), or null. */
  readonly replaced_by_id?: string | null;
  readonly replaced_by_last_four?: string | null;
}

/**
 * The organisation's API keys: how each starts and ends (never the secret), what it may do, who made it and when,
 * when it was last used and when it expires. With `canManage`, an active key offers Rotate and Revoke.
 */
@Component({
  selector: 'aidial-api-keys-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, DestructiveAction, MatButton],
  template: `
    <div class="table-scroll" role="region" aria-label="API keys" tabindex="0">
      <table class="data-table">
        <caption class="cdk-visually-hidden">
          API keys
        </caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Key</th>
            <th scope="col">Scopes</th>
            <th scope="col">Projects</th>
            <th scope="col">Created by</th>
            <th scope="col">Created</th>
            <th scope="col">Last used</th>
            <th scope="col">Expires</th>
            <th scope="col">Status</th>
            @if (canManage()) {
              <th scope="col"><span class="cdk-visually-hidden">Actions</span></th>
            }
          </tr>
        </thead>
        <tbody>
          @for (key of keys(); track key.id) {
            <tr>
              <th scope="row">{{ key.name }}</th>
              <td>
                <!-- One line where there is room; otherwise the key's start and end on two lines, at the <wbr>. -->
                <code class="key">{{ key.prefix }}<wbr />…{{ key.last_four }}</code>
                <span class="cdk-visually-hidden">, last four {{ key.last_four }}</span>
              </td>
              <td>{{ key.scopes.join(', ') }}</td>
              <td>
                @if (key.client_name) {
                  {{ key.client_name }}:
                }
                {{ key.project_ids === null ? 'All projects' : key.project_ids.length + ' selected' }}
              </td>
              <td>{{ key.created_by_name ?? '—' }}</td>
              <!-- Short dates: nine columns and the row actions must fit a 1366-wide laptop (layout.spec.ts). -->
              <td>{{ key.created_at | date: 'short' }}</td>
              <td>{{ key.last_used_at ? (key.last_used_at | date: 'short') : 'Never' }}</td>
              <td>{{ key.expires_at | date: 'short' }}</td>
              <td>
                @if (key.status === 'active' && key.replaced_by_last_four) {
                  <!-- Still working, for the overlap the rotation gave it: say so, and by what it was replaced. -->
                  Replaced by …{{ key.replaced_by_last_four }},<br />works until {{ key.expires_at | date: 'short' }}
                } @else {
                  {{ statusLabels[key.status] ?? key.status }}
                }
              </td>
              @if (canManage()) {
                <td>
                  @if (key.status === 'active') {
                    <span class="actions">
                      <!-- Two keys may share a name (a rotation keeps it): each button names its key's last four. -->
                      @if (!key.replaced_by_last_four) {
                        <button mat-stroked-button type="button" [disabled]="saving()" (click)="rotate.emit(key)">
                          Rotate<span class="cdk-visually-hidden"> {{ key.name }} ending {{ key.last_four }}</span>
                        </button>
                      }
                      <button
                        mat-stroked-button
                        aidialDestructive
                        type="button"
                        [disabled]="saving()"
                        (click)="revoke.emit(key)"
                      >
                        Revoke<span class="cdk-visually-hidden"> {{ key.name }} ending {{ key.last_four }}</span>
                      </button>
                    </span>
                  }
                </td>
              }
            </tr>
          }
        </tbody>
      </table>
    </div>
  `,
  styles: `
    .key {
      font-size: 0.8125rem;
    }
    /* A cell stays a table cell (its column keeps its header); the buttons stack when the column is narrow. */
    .actions {
      display: inline-flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
  `,
})
export class ApiKeysTable {
  readonly keys = input.required<readonly ApiKeyRow[]>();
  readonly canManage = input(false);
  readonly saving = input(false);

  readonly rotate = output<ApiKeyRow>();
  readonly revoke = output<ApiKeyRow>();

  protected readonly statusLabels = API_KEY_STATUS_LABELS;
}
