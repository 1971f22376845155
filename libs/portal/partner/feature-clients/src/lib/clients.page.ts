import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import type { PartnerClientDto } from '@aidial/portal/api-client';
import { ClientSelectionStore } from '@aidial/portal/partner/data-access';
import { ErrorNotice, TENANT_STATUS_LABELS, labelOf } from '@aidial/portal/shared/ui';

/** `/partner/clients`: the clients a partner manages, and selecting the one the session works on. */
@Component({
  selector: 'aidial-clients-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ErrorNotice, MatButton, RouterLink],
  template: `
    <h1 class="page-title">Clients</h1>
    <p>
      The client organisations your partner organisation manages. Select one to work on it: the Dashboard and other
      pages then show that client.
    </p>
    <p class="cdk-visually-hidden" role="status">{{ announcement() }}</p>
    @if (store.selectProblem(); as problem) {
      <aidial-error-notice [problem]="problem" />
    }

    @let state = store.state();
    @if (state.kind === 'loading' || state.kind === 'idle') {
      <p class="state-message" role="status">Loading clients…</p>
    } @else if (state.kind === 'error') {
      <aidial-error-notice [problem]="state.problem" />
      <p><button mat-stroked-button type="button" (click)="store.load()">Try again</button></p>
    } @else if (state.clients.length === 0) {
      <p class="state-message" role="status">Your organisation manages no clients yet.</p>
    } @else {
      <div class="table-scroll" role="region" aria-label="Clients" tabindex="0">
        <table class="data-table">
          <caption class="cdk-visually-hidden">
            Clients
          </caption>
          <thead>
            <tr>
              <th scope="col">Client</th>
              <th scope="col">Status</th>
              <th scope="col">Projects</th>
              <th scope="col"><span class="cdk-visually-hidden">Selection</span></th>
            </tr>
          </thead>
          <tbody>
            @for (client of state.clients; track client.id) {
              <tr>
                <th scope="row">{{ client.name }}</th>
                <td>{{ labelOf(statusLabels, client.status) }}</td>
                <td>
                  <a routerLink="/partner/projects" [queryParams]="{ client: client.id }">{{ client.project_count }}</a>
                </td>
                <td>
                  @if (client.selected) {
                    <span>Selected</span>
                  } @else if (client.status === 'active') {
                    <button
                      mat-stroked-button
                      type="button"
                      [disabled]="store.selecting()"
                      [attr.aria-label]="'Select ' + client.name"
                      (click)="select(client)"
                    >
                      Select
                    </button>
                  } @else {
                    <span>Not active</span>
                  }
                </td>
              </tr>
            }
          </tbody>
        </table>
      </div>
    }
  `,
})
export class ClientsPage {
  protected readonly store = inject(ClientSelectionStore);
  protected readonly statusLabels = TENANT_STATUS_LABELS;
  protected readonly labelOf = labelOf;
  protected readonly announcement = signal('');

  constructor() {
    void this.store.load();
  }

  protected select(client: PartnerClientDto): void {
    void this.store.select(client.id).then((done) => {
      if (done) this.announcement.set(`${client.name} is now the selected client.`);
    });
  }
}
