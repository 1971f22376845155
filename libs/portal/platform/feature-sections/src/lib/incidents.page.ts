import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatCard, MatCardContent } from '@angular/material/card';
import type { PlatformIncidentDto } from '@aidial/portal/api-client';
import { PlatformStore } from '@aidial/portal/platform/data-access';
import { INCIDENT_SEVERITY_LABELS, INCIDENT_STATUS_LABELS, PlatformProblem } from '@aidial/portal/platform/ui';

/** `/admin/incidents` (aidial_admin, aidial_operator): the platform's open incidents in full, then every incident. */
@Component({
  selector: 'aidial-incidents-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, MatCard, MatCardContent, PlatformProblem],
  providers: [PlatformStore],
  template: `
    <h1 class="page-title">Incidents</h1>
    @let view = store.incidents.view();
    @switch (view.kind) {
      @case ('loading') {
        <p class="state-message" role="status">Loading incidents…</p>
      }
      @case ('loaded') {
        <h2 class="section-title">Open now</h2>
        @for (incident of open(); track incident.id) {
          <mat-card appearance="outlined" class="incident">
            <mat-card-content>
              <h3 class="incident-title">{{ incident.title }}</h3>
              <p>
                {{ severityLabels[incident.severity] ?? incident.severity }} ·
                {{ statusLabels[incident.status] ?? incident.status }} · since
                <time [attr.datetime]="incident.started_at">{{ incident.started_at | date: 'medium' }}</time>
              </p>
              <p>{{ incident.impact }}</p>
              <p>Affected: {{ affected(incident) }}</p>
              <h4 class="updates-title">Updates</h4>
              <ol class="updates">
                @for (update of incident.updates; track update.at) {
                  <li>
                    <time [attr.datetime]="update.at">{{ update.at | date: 'short' }}</time>
                    — {{ statusLabels[update.status] ?? update.status }}: {{ update.message }}
                  </li>
                }
              </ol>
            </mat-card-content>
          </mat-card>
        } @empty {
          <p class="state-message">No incident is open.</p>
        }

        <h2 class="section-title">All incidents</h2>
        <div class="table-scroll" role="region" aria-label="All incidents" tabindex="0">
          <table class="data-table">
            <caption class="cdk-visually-hidden">
              All incidents, newest first
            </caption>
            <thead>
              <tr>
                <th scope="col">Incident</th>
                <th scope="col">Severity</th>
                <th scope="col">Status</th>
                <th scope="col">Started</th>
                <th scope="col">Resolved</th>
                <th scope="col">Affected</th>
              </tr>
            </thead>
            <tbody>
              @for (incident of view.data.items; track incident.id) {
                <tr>
                  <th scope="row">{{ incident.title }}</th>
                  <td>{{ severityLabels[incident.severity] ?? incident.severity }}</td>
                  <td>{{ statusLabels[incident.status] ?? incident.status }}</td>
                  <td>
                    <time [attr.datetime]="incident.started_at">{{ incident.started_at | date: 'medium' }}</time>
                  </td>
                  <td>
                    @if (incident.resolved_at; as resolvedAt) {
                      <time [attr.datetime]="resolvedAt">{{ resolvedAt | date: 'medium' }}</time>
                    } @else {
                      Not yet
                    }
                  </td>
                  <td>{{ affected(incident) }}</td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      }
      @default {
        <aidial-platform-problem [kind]="view.kind" [problem]="view.problem" subject="Incidents" (retry)="load()" />
      }
    }
  `,
  styles: `
    .incident {
      max-inline-size: 48rem;
      margin-block-end: 1rem;
    }
    .incident-title {
      margin: 0 0 0.5rem;
      font: var(--mat-sys-title-medium);
    }
    .updates-title {
      margin: 0.75rem 0 0.25rem;
      font: var(--mat-sys-title-small);
    }
    .updates {
      margin: 0;
      padding-inline-start: 1.25rem;
    }
    p {
      margin: 0 0 0.5rem;
    }
  `,
})
export class IncidentsPage {
  protected readonly store = inject(PlatformStore);
  protected readonly severityLabels = INCIDENT_SEVERITY_LABELS;
  protected readonly statusLabels = INCIDENT_STATUS_LABELS;

  protected readonly open = computed(() => {
    const view = this.store.incidents.view();
    return view.kind === 'loaded' ? view.data.items.filter((incident) => incident.status !== 'resolved') : [];
  });

  constructor() {
    this.load();
  }

  protected load(): void {
    void this.store.incidents.load();
  }

  protected affected(incident: PlatformIncidentDto): string {
    return incident.affected_tenants.length === 0
      ? 'No tenant in particular'
      : incident.affected_tenants.map((tenant) => tenant.name).join(', ');
  }
}
