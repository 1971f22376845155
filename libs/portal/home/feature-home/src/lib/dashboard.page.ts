import { formatNumber, formatPercent } from '@angular/common';
import { ChangeDetectionStrategy, Component, LOCALE_ID, computed, effect, inject, untracked } from '@angular/core';
import { MatAnchor, MatButton } from '@angular/material/button';
import { MatCard, MatCardContent } from '@angular/material/card';
import { RouterLink } from '@angular/router';
import { SessionStore } from '@aidial/portal/core';
import { DashboardStore } from '@aidial/portal/home/data-access';
import { PlatformStore } from '@aidial/portal/platform/data-access';
import { type Figure, Figures, PlatformProblem } from '@aidial/portal/platform/ui';
import { ErrorNotice, PROJECT_STATUS_LABELS, labelOf } from '@aidial/portal/shared/ui';
import { SignedInSummary } from './signed-in-summary';

/**
 * `/dashboard`, the home of customer and partner roles: the organisation, the selected client (partners), the
 * projects in scope; call metrics wait for the AiDial platform connection. It reads again when the partner selects
 * another client.
 */
@Component({
  selector: 'aidial-dashboard-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ErrorNotice,
    Figures,
    MatAnchor,
    MatButton,
    MatCard,
    MatCardContent,
    PlatformProblem,
    RouterLink,
    SignedInSummary,
  ],
  providers: [DashboardStore, PlatformStore],
  template: `
    <h1 class="page-title">Dashboard</h1>
    <aidial-signed-in-summary />

    @let state = store.state();
    @if (state.kind === 'loading') {
      <p class="state-message" role="status">Loading your dashboard…</p>
    } @else if (state.kind === 'error') {
      <aidial-error-notice [problem]="state.problem" />
      <p><button mat-stroked-button type="button" (click)="store.load()">Try again</button></p>
    } @else {
      @let dashboard = state.dashboard;
      <div class="cards">
        <mat-card appearance="outlined">
          <mat-card-content>
            <h2 class="card-title">Organisation</h2>
            <p class="big">{{ dashboard.organisation.name }}</p>
            <!-- A partner's member count is the selected client's: it is shown on that card, never under the partner. -->
            @if (dashboard.member_count !== null && !isPartner()) {
              <p>{{ dashboard.member_count }} {{ dashboard.member_count === 1 ? 'member' : 'members' }}</p>
            }
            @if (dashboard.managed_client_count !== null) {
              <p>
                Manages {{ dashboard.managed_client_count }}
                {{ dashboard.managed_client_count === 1 ? 'client' : 'clients' }}
              </p>
            }
          </mat-card-content>
        </mat-card>

        @if (isPartner()) {
          <mat-card appearance="outlined">
            <mat-card-content>
              <h2 class="card-title">Selected client</h2>
              @if (dashboard.client; as client) {
                <p class="big" data-testid="dashboard-client">{{ client.name }}</p>
                @if (dashboard.member_count !== null) {
                  <p>{{ dashboard.member_count }} {{ dashboard.member_count === 1 ? 'member' : 'members' }}</p>
                }
              } @else {
                <p>No client is selected. Pick a client to see its projects and work on its behalf.</p>
                <a mat-flat-button routerLink="/partner/clients">Choose a client</a>
              }
            </mat-card-content>
          </mat-card>
        }
      </div>

      @if (!isPartner() || dashboard.client) {
        <h2 class="section-title">Projects</h2>
        @if (dashboard.projects.length === 0) {
          <p class="state-message">No projects in your scope.</p>
        } @else {
          <ul class="projects" aria-label="Projects in scope">
            @for (project of dashboard.projects; track project.id) {
              <li>{{ project.name }} ({{ labelOf(projectStatusLabels, project.status) }})</li>
            }
          </ul>
        }
      }
    }

    <h2 class="section-title">Call metrics</h2>
    @if (isPartner() && !selectedClientId()) {
      <p class="state-message">Call metrics are shown for the selected client.</p>
    } @else {
      @let metrics = platform.summary.view();
      @switch (metrics.kind) {
        @case ('loading') {
          <p class="state-message" role="status">Loading call metrics…</p>
        }
        @case ('loaded') {
          <aidial-figures [figures]="callFigures()" label="Call metrics" />
        }
        @default {
          <aidial-platform-problem
            [kind]="metrics.kind"
            [problem]="metrics.problem"
            subject="Call metrics"
            (retry)="platform.summary.load()"
          />
        }
      }
    }
  `,
  styles: `
    .cards {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr));
      gap: 1rem;
      margin-block-start: 1rem;
      max-inline-size: 48rem;
    }
    .card-title {
      margin: 0 0 0.5rem;
      font: var(--mat-sys-title-medium);
    }
    .big {
      font: var(--mat-sys-headline-small);
    }
    p {
      margin: 0 0 0.5rem;
    }
  `,
})
export class DashboardPage {
  protected readonly store = inject(DashboardStore);
  protected readonly platform = inject(PlatformStore);
  private readonly session = inject(SessionStore).session;
  private readonly locale = inject(LOCALE_ID);
  protected readonly projectStatusLabels = PROJECT_STATUS_LABELS;
  protected readonly labelOf = labelOf;

  protected readonly isPartner = computed(() => this.session()?.tenant.kind === 'partner');
  /** The session's selected client: the dashboard reads again when it changes. */
  protected readonly selectedClientId = computed(() => this.session()?.client?.id ?? null);

  protected readonly callFigures = computed<Figure[]>(() => {
    const view = this.platform.summary.view();
    if (view.kind !== 'loaded') return [];
    const number = (value: number) => formatNumber(value, this.locale, '1.0-0');
    return [
      { label: 'Calls today', value: number(view.data.calls_today) },
      { label: 'Answered today', value: formatPercent(view.data.answered_rate, this.locale, '1.0-0') },
      { label: 'Minutes this month', value: number(view.data.minutes_this_month) },
      { label: 'Running campaigns', value: number(view.data.active_campaigns) },
    ];
  });

  constructor() {
    effect(() => {
      const clientId = this.selectedClientId();
      untracked(() => {
        void this.store.load();
        // A partner's metrics are the selected client's: with none selected there is nothing to ask for.
        if (!this.isPartner() || clientId) void this.platform.summary.load();
      });
    });
  }
}
