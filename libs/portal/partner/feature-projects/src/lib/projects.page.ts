import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatOption, MatSelect } from '@angular/material/select';
import { ActivatedRoute, Router } from '@angular/router';
import { ClientSelectionStore, PartnerProjectsStore } from '@aidial/portal/partner/data-access';
import { ErrorNotice, PROJECT_STATUS_LABELS, labelOf } from '@aidial/portal/shared/ui';

/** `/partner/projects?client=<id>`: the projects of the partner's clients, filtered by client. */
@Component({
  selector: 'aidial-projects-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ErrorNotice, MatButton, MatFormField, MatLabel, MatOption, MatSelect],
  providers: [PartnerProjectsStore],
  template: `
    <h1 class="page-title">Projects</h1>
    <div class="filter-row">
      <mat-form-field>
        <mat-label>Client</mat-label>
        <mat-select [value]="store.clientFilter()" (selectionChange)="filter($event.value)">
          <mat-option [value]="null">All clients</mat-option>
          @for (client of clients.clients(); track client.id) {
            <mat-option [value]="client.id">{{ client.name }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
    </div>

    @let state = store.state();
    @if (state.kind === 'loading') {
      <p class="state-message" role="status">Loading projects…</p>
    } @else if (state.kind === 'error') {
      <aidial-error-notice [problem]="state.problem" />
      <p><button mat-stroked-button type="button" (click)="store.load()">Try again</button></p>
    } @else if (state.projects.length === 0) {
      <p class="state-message" role="status">No projects for this selection.</p>
    } @else {
      <div class="table-scroll" role="region" aria-label="Projects" tabindex="0">
        <table class="data-table">
          <caption class="cdk-visually-hidden">
            Projects
          </caption>
          <thead>
            <tr>
              <th scope="col">Project</th>
              <th scope="col">Client</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            @for (project of state.projects; track project.id) {
              <tr>
                <th scope="row">{{ project.name }}</th>
                <td>{{ project.client.name }}</td>
                <td>{{ labelOf(statusLabels, project.status) }}</td>
              </tr>
            }
          </tbody>
        </table>
      </div>
    }
  `,
})
export class ProjectsPage {
  protected readonly store = inject(PartnerProjectsStore);
  protected readonly clients = inject(ClientSelectionStore);
  private readonly router = inject(Router);
  protected readonly statusLabels = PROJECT_STATUS_LABELS;
  protected readonly labelOf = labelOf;

  constructor() {
    if (this.clients.state().kind !== 'loaded') void this.clients.load();
    void this.store.load(inject(ActivatedRoute).snapshot.queryParamMap.get('client'));
  }

  protected filter(clientId: string | null): void {
    void this.router.navigate([], { queryParams: { client: clientId }, replaceUrl: true });
    void this.store.load(clientId);
  }
}
