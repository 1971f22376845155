import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { PlatformStore } from '@aidial/portal/platform/data-access';
import { CAMPAIGN_STATUS_LABELS, PlatformProblem, ProjectNamePipe } from '@aidial/portal/platform/ui';
import { loadForSelectedClient } from './follow-selected-client';

/** `/partner/campaigns`: the outbound campaigns of the selected client, from the AiDial platform. */
@Component({
  selector: 'aidial-campaigns-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [PlatformProblem, ProjectNamePipe],
  providers: [PlatformStore],
  template: `
    <h1 class="page-title">Outbound Campaigns</h1>
    @let view = store.campaigns.view();
    @if (needsClient()) {
      <aidial-platform-problem kind="client-required" subject="Campaigns" />
    } @else {
      @switch (view.kind) {
        @case ('loading') {
          <p class="state-message" role="status">Loading campaigns…</p>
        }
        @case ('loaded') {
          @if (view.data.items.length === 0) {
            <p class="state-message" role="status">No outbound campaigns.</p>
          } @else {
            <div class="table-scroll" role="region" aria-label="Outbound campaigns" tabindex="0">
              <table class="data-table">
                <caption class="cdk-visually-hidden">
                  Outbound campaigns
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Campaign</th>
                    <th scope="col">Project</th>
                    <th scope="col">Status</th>
                    <th scope="col">Progress</th>
                  </tr>
                </thead>
                <tbody>
                  @for (campaign of view.data.items; track campaign.id) {
                    <tr>
                      <th scope="row">{{ campaign.name }}</th>
                      <td>{{ campaign.project_id | projectName: store.projectNames() }}</td>
                      <td>{{ statusLabels[campaign.status] ?? campaign.status }}</td>
                      <td>{{ campaign.completed }} of {{ campaign.contacts }} contacts completed</td>
                    </tr>
                  }
                </tbody>
              </table>
            </div>
          }
        }
        @default {
          <aidial-platform-problem [kind]="view.kind" [problem]="view.problem" subject="Campaigns" (retry)="load()" />
        }
      }
    }
  `,
})
export class CampaignsPage {
  protected readonly store = inject(PlatformStore);
  /** A partner with no client selected: nothing to ask the platform for. */
  protected readonly needsClient = loadForSelectedClient(() => this.load());
  protected readonly statusLabels = CAMPAIGN_STATUS_LABELS;

  protected load(): void {
    void this.store.workspace.load();
    void this.store.campaigns.load();
  }
}
