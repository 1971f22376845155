import { DatePipe } from '@angular/common';
import { RoleLabelPipe } from '@aidial/portal/shared/ui';
import { ChangeDetectionStrategy, Component, computed, input, output, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { type AuditDetailLine, auditDetailLines } from './audit-details';
import { AUDIT_ACTION_LABELS, AUDIT_OUTCOME_LABELS, auditLabelOf } from './audit-labels';

/** Who acted, in words, as the API resolves it (AuditActor). `id` is what the actor filter takes. */
export interface AuditActorRow {
  readonly kind: string;
  readonly id: string;
  readonly name: string;
  readonly email: string | null;
}

/** An audit event as the API describes one (AuditEvent); its details are already redacted by the API. */
export interface AuditEventRow {
  readonly id: string;
  readonly occurred_at: string;
  readonly tenant_id: string | null;
  readonly actor_user_id: string | null;
  readonly actor_api_key_id: string | null;
  readonly actor: AuditActorRow;
  readonly actor_role: string | null;
  readonly action: string;
  readonly outcome: string;
  readonly target_type: string | null;
  readonly target_id: string | null;
  readonly target_description: string | null;
  readonly request_id: string | null;
  readonly ip: string | null;
  readonly user_agent: string | null;
  readonly details: Readonly<Record<string, unknown>>;
}

/** A target a person chose in the list: show only the events about it. */
export interface AuditTargetChoice {
  readonly type: string;
  readonly id: string;
  readonly description: string;
}

/** The second line under an actor who is not a person (a person's is their email). */
export const AUDIT_ACTOR_KIND_LABELS: Readonly<Record<string, string>> = {
  aidial_support: 'AiDial staff',
  api_key: 'Integration (/v1)',
  system: 'No one signed in',
};

/**
 * The events of one page, newest first: time, actor (name, and email or what kind of actor), role, action in words,
 * what the event is about, outcome; each row's details open below it with a toggle button, the ids support asks for
 * folded inside them. With `showTenant`, a column names whose log the event belongs to. Actors and targets are
 * buttons that narrow the list to them. No id is shown as text: the CSV export carries them.
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
            <th scope="col"><span class="cdk-visually-hidden">Details</span></th>
          </tr>
        </thead>
        <tbody>
          @for (event of events(); track event.id) {
            @let open = expanded().has(event.id);
            @let actor = event.actor;
            <tr [class.open]="open">
              <td>
                <time [attr.datetime]="event.occurred_at">{{ event.occurred_at | date: 'medium' }}</time>
              </td>
              @if (showTenant()) {
                <td>{{ tenantName(event.tenant_id) }}</td>
              }
              <td>
                <button
                  type="button"
                  class="choice actor"
                  [title]="actor.email ?? actor.name"
                  (click)="actorSelected.emit(actor)"
                >
                  <span class="cdk-visually-hidden">Show only events by </span>
                  <span class="name">{{ actor.name }}</span><span class="cdk-visually-hidden">, </span>
                  <span class="second-line">{{ actor.email ?? actorKindLabel(actor.kind) }}</span>
                </button>
              </td>
              <td>{{ event.actor_role ? (event.actor_role | roleLabel) : '—' }}</td>
              <th scope="row" class="action">{{ actionLabel(event.action) }}</th>
              <td>
                @if (event.target_type && event.target_id && event.target_description) {
                  <button type="button" class="choice target" (click)="chooseTarget(event)">
                    <span class="cdk-visually-hidden">Show only events about </span>{{ event.target_description }}
                  </button>
                } @else {
                  {{ event.target_description ?? '—' }}
                }
              </td>
              <td>
                <span class="outcome" [attr.data-outcome]="event.outcome">{{ outcomeLabel(event.outcome) }}</span>
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
                    @for (line of detailsOf(event); track $index) {
                      <div class="detail">
                        <dt>{{ line.label }}</dt>
                        <dd>{{ line.value }}</dd>
                      </div>
                    }
                  </dl>
                  <details class="for-support">
                    <summary>Identifiers for support</summary>
                    <dl class="details">
                      @for (line of identifiersOf(event); track line.label) {
                        <div class="detail">
                          <dt>{{ line.label }}</dt>
                          <dd>
                            <code>{{ line.value }}</code>
                          </dd>
                        </div>
                      }
                    </dl>
                  </details>
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
    .choice {
      display: block;
      min-inline-size: 9rem;
      max-inline-size: 16rem;
      padding: 0;
      border: 0;
      background: none;
      color: inherit;
      font: inherit;
      text-align: start;
      overflow-wrap: break-word;
      cursor: pointer;
    }
    .choice:hover .name,
    .choice.target:hover {
      text-decoration: underline;
    }
    .choice:focus-visible {
      outline: 2px solid var(--mat-sys-primary);
      outline-offset: 2px;
    }
    .name {
      display: block;
      font-weight: 500;
    }
    .second-line {
      display: block;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .for-support {
      margin-block-start: 0.5rem;
    }
    .for-support summary {
      cursor: pointer;
    }
    code {
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
      grid-template-columns: minmax(6rem, 12rem) 1fr;
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
  /** Tenant names by id, for the tenant column. */
  readonly tenantNames = input<Readonly<Record<string, string>>>({});
  readonly showTenant = input(false);
  readonly caption = input('Audit events');

  /** The actor whose events alone to show. */
  readonly actorSelected = output<AuditActorRow>();
  /** The target whose events alone to show. */
  readonly targetSelected = output<AuditTargetChoice>();

  protected readonly expanded = signal<ReadonlySet<string>>(new Set());
  protected readonly columnCount = computed(() => (this.showTenant() ? 8 : 7));

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

  protected actorKindLabel(kind: string): string {
    return AUDIT_ACTOR_KIND_LABELS[kind] ?? '';
  }

  protected tenantName(id: string | null): string {
    if (!id) return 'No tenant';
    return this.tenantNames()[id] ?? 'Another tenant';
  }

  protected chooseTarget(event: AuditEventRow): void {
    if (!event.target_type || !event.target_id || !event.target_description) return;
    this.targetSelected.emit({ type: event.target_type, id: event.target_id, description: event.target_description });
  }

  /** The event's declared details in words (already redacted by the API), then where the request came from. */
  protected detailsOf(event: AuditEventRow): AuditDetailLine[] {
    const lines = auditDetailLines(event.details);
    if (event.ip) lines.push({ label: 'Network', value: event.ip });
    if (event.user_agent) lines.push({ label: 'Browser or client', value: event.user_agent });
    return lines;
  }

  /** What support asks for to find the event and its request in their logs; folded away, never in the table's text. */
  protected identifiersOf(event: AuditEventRow): AuditDetailLine[] {
    const lines: [string, string | null][] = [
      ['Event id', event.id],
      ['Request id', event.request_id],
      ['Target id', event.target_id],
      ['Tenant id', event.tenant_id],
    ];
    return lines.flatMap(([label, value]) => (value ? [{ label, value }] : []));
  }
}
