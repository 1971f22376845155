import { DatePipe } from '@angular/common';
import { RoleLabelPipe } from '@aidial/portal/shared/ui';
import { ChangeDetectionStrategy, Component, computed, input, output, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { AUDIT_ACTION_LABELS, AUDIT_OUTCOME_LABELS, AUDIT_TARGET_TYPE_LABELS, auditLabelOf } from './audit-labels';

/** An audit event as the API describes one (AuditEvent); its details are already redacted by the API. */
export interface AuditEventRow {
  readonly id: string;
  readonly occurred_at: string;
  readonly tenant_id: string | null;
  readonly actor_user_id: string | null;
  readonly actor_api_key_id: string | null;
  readonly actor_role: string | null;
  readonly action: string;
  readonly outcome: string;
  readonly target_type: string | null;
  readonly target_id: string | null;
  readonly request_id: string | null;
  readonly ip: string | null;
  readonly user_agent: string | null;
  readonly details: Readonly<Record<string, unknown>>;
}

/**
 * The events of one page, newest first: time, actor, role, action in words, target, outcome, request id; each row's
 * details open below it with a toggle button. With `showTenant`, a column names whose log the event belongs to.
 */
@Component({
  selector: 'aidial-audit-events-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, MatButton, RoleLabelPipe],
  template: `
    <div class="table-scroll" role="region" [attr.aria-label]="caption()" tabindex="0">
      <table class="data-table audit-events">
        <caption class="cdk-visually-hidden">
          {{
            caption()
          }}
        </caption>
        <thead>
          <tr>
            <th scope="col">Time</th>
            @if (showTenant()) {
              <th scope="col">Tenant</th>
            }
            <th scope="col">Actor</th>
            <th scope="col">Role</th>
            <th scope="col">Action</th>
            <th scope="col">Target</th>
            <th scope="col">Outcome</th>
            <th scope="col">Request id</th>
            <th scope="col"><span class="cdk-visually-hidden">Details</span></th>
          </tr>
        </thead>
        <tbody>
          @for (event of events(); track event.id) {
            @let open = expanded().has(event.id);
            <tr [class.open]="open">
              <td>
                <time [attr.datetime]="event.occurred_at">{{ event.occurred_at | date: 'medium' }}</time>
              </td>
              @if (showTenant()) {
                <td>{{ tenantName(event.tenant_id) }}</td>
              }
              <td>
                @if (event.actor_user_id; as actor) {
                  <button
                    mat-button
                    type="button"
                    class="actor"
                    [attr.aria-label]="'Show only events by user ' + actor"
                    [title]="actor"
                    (click)="actorSelected.emit(actor)"
                  >
                    <code>{{ actor.slice(0, 8) }}</code>
                  </button>
                } @else if (event.actor_api_key_id) {
                  API key <code>{{ event.actor_api_key_id.slice(0, 8) }}</code>
                } @else {
                  <span class="none">No signed-in user</span>
                }
              </td>
              <td>{{ event.actor_role ? (event.actor_role | roleLabel) : '—' }}</td>
              <th scope="row" class="action">{{ actionLabel(event.action) }}</th>
              <td>
                @if (event.target_type) {
                  {{ targetLabel(event) }}
                  @if (event.target_id && !(event.target_type === 'tenant' && tenantNames()[event.target_id])) {
                    <code class="target-id">{{ event.target_id }}</code>
                  }
                } @else {
                  —
                }
              </td>
              <td>
                <span class="outcome" [attr.data-outcome]="event.outcome">{{ outcomeLabel(event.outcome) }}</span>
              </td>
              <td>
                @if (event.request_id) {
                  <code class="request-id">{{ event.request_id }}</code>
                } @else {
                  —
                }
              </td>
              <td>
                <button
                  mat-button
                  type="button"
                  [attr.aria-expanded]="open"
                  [attr.aria-controls]="'audit-details-' + event.id"
                  (click)="toggle(event.id)"
                >
                  {{ open ? 'Hide details' : 'Details' }}
                  <span class="cdk-visually-hidden"
                    >of {{ actionLabel(event.action) }} at {{ event.occurred_at | date: 'medium' }}</span
                  >
                </button>
              </td>
            </tr>
            @if (open) {
              <tr class="details-row">
                <td [attr.colspan]="columnCount()" [id]="'audit-details-' + event.id">
                  <dl class="details">
                    @for (entry of detailsOf(event); track entry.key) {
                      <div class="detail">
                        <dt>{{ entry.key }}</dt>
                        <dd>
                          <code>{{ entry.value }}</code>
                        </dd>
                      </div>
                    }
                  </dl>
                </td>
              </tr>
            }
          }
        </tbody>
      </table>
    </div>
  `,
  styles: `
    .audit-events td,
    .audit-events th {
      vertical-align: top;
    }
    .action {
      font: inherit;
      color: inherit;
    }
    .actor {
      min-inline-size: 0;
      padding-inline: 0.25rem;
    }
    .target-id,
    .request-id {
      display: block;
      font-size: 0.75rem;
      overflow-wrap: anywhere;
    }
    .outcome[data-outcome='denied'],
    .outcome[data-outcome='failure'] {
      color: var(--mat-sys-error);
      font-weight: 600;
    }
    .none {
      color: var(--mat-sys-on-surface-variant);
    }
    .details-row td {
      background: var(--mat-sys-surface-container-low);
    }
    .details {
      display: grid;
      gap: 0.25rem;
      margin: 0;
    }
    .detail {
      display: grid;
      grid-template-columns: 10rem 1fr;
      gap: 1rem;
    }
    dt {
      font: var(--mat-sys-title-small);
    }
    dd {
      margin: 0;
      overflow-wrap: anywhere;
    }
  `,
})
export class AuditEventsTable {
  readonly events = input.required<readonly AuditEventRow[]>();
  /** Tenant names by id, for the tenant column and tenant targets. */
  readonly tenantNames = input<Readonly<Record<string, string>>>({});
  readonly showTenant = input(false);
  readonly caption = input('Audit events');

  /** The acting user whose events alone to show. */
  readonly actorSelected = output<string>();

  protected readonly expanded = signal<ReadonlySet<string>>(new Set());
  protected readonly columnCount = computed(() => (this.showTenant() ? 9 : 8));

  protected toggle(id: string): void {
    this.expanded.update((open) => {
      const next = new Set(open);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  }

  protected actionLabel(action: string): string {
    return auditLabelOf(AUDIT_ACTION_LABELS, action);
  }

  protected outcomeLabel(outcome: string): string {
    return auditLabelOf(AUDIT_OUTCOME_LABELS, outcome);
  }

  protected tenantName(id: string | null): string {
    if (!id) return 'No tenant';
    return this.tenantNames()[id] ?? id;
  }

  protected targetLabel(event: AuditEventRow): string {
    const kind = auditLabelOf(AUDIT_TARGET_TYPE_LABELS, event.target_type ?? '');
    const name = event.target_type === 'tenant' && event.target_id ? this.tenantNames()[event.target_id] : undefined;
    return name ? `${kind} ${name}` : kind;
  }

  /** The event's declared details (already redacted by the API), then what identifies the request and the actor. */
  protected detailsOf(event: AuditEventRow): { key: string; value: string }[] {
    const entries = Object.entries(event.details ?? {}).map(([key, value]) => ({ key, value: textOf(value) }));
    const context: [string, string | null][] = [
      ['event id', event.id],
      ['actor user id', event.actor_user_id],
      ['actor API key id', event.actor_api_key_id],
      ['tenant id', event.tenant_id],
      ['IP (network)', event.ip],
      ['user agent', event.user_agent],
    ];
    for (const [key, value] of context) if (value) entries.push({ key, value });
    return entries;
  }
}

function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return '—';
  return JSON.stringify(value);
}
