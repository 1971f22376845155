import { ChangeDetectionStrategy, Component, LOCALE_ID, computed, inject } from '@angular/core';
import { formatCurrency, formatDate, formatNumber, getCurrencySymbol } from '@angular/common';
import { PlatformStore } from '@aidial/portal/platform/data-access';
import { type Figure, Figures, PlatformProblem, ProjectNamePipe, calendarDay } from '@aidial/portal/platform/ui';
import { loadForSelectedClient } from './follow-selected-client';

/** `/billing`: this period's usage and charges of the customer shown, by project, from the AiDial platform. */
@Component({
  selector: 'aidial-billing-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [Figures, PlatformProblem, ProjectNamePipe],
  providers: [PlatformStore],
  template: `
    <h1 class="page-title">Billing</h1>
    @let view = store.billing.view();
    @if (needsClient()) {
      <aidial-platform-problem kind="client-required" subject="Billing figures" />
    } @else {
      @switch (view.kind) {
        @case ('loading') {
          <p class="state-message" role="status">Loading billing…</p>
        }
        @case ('loaded') {
          <h2 class="section-title">{{ month(view.data.period) }}</h2>
          <aidial-figures [figures]="figures()" label="Usage and charges this period" />
          <h2 class="section-title">By project</h2>
          @if (view.data.projects.length === 0) {
            <p class="state-message">No usage in this period.</p>
          } @else {
            <div class="table-scroll" role="region" aria-label="Usage and charges by project" tabindex="0">
              <table class="data-table">
                <caption class="cdk-visually-hidden">
                  Usage and charges by project
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Project</th>
                    <th scope="col">Calls</th>
                    <th scope="col">Minutes</th>
                    <th scope="col">Amount</th>
                  </tr>
                </thead>
                <tbody>
                  @for (project of view.data.projects; track project.project_id) {
                    <tr>
                      <th scope="row">{{ project.project_id | projectName: store.projectNames() }}</th>
                      <td>{{ number(project.calls) }}</td>
                      <td>{{ number(project.minutes) }}</td>
                      <td>{{ money(project.amount_cents, view.data.currency) }}</td>
                    </tr>
                  }
                </tbody>
              </table>
            </div>
          }
        }
        @default {
          <aidial-platform-problem
            [kind]="view.kind"
            [problem]="view.problem"
            subject="Billing figures"
            (retry)="load()"
          />
        }
      }
    }
  `,
})
export class BillingPage {
  protected readonly store = inject(PlatformStore);
  /** A partner with no client selected: nothing to ask the platform for. */
  protected readonly needsClient = loadForSelectedClient(() => this.load());
  private readonly locale = inject(LOCALE_ID);

  protected readonly figures = computed<Figure[]>(() => {
    const view = this.store.billing.view();
    if (view.kind !== 'loaded') return [];
    const billing = view.data;
    return [
      { label: 'Charges', value: this.money(billing.amount_cents, billing.currency) },
      { label: 'Calls', value: this.number(billing.calls) },
      { label: 'Minutes', value: this.number(billing.minutes) },
    ];
  });

  protected load(): void {
    void this.store.workspace.load();
    void this.store.billing.load();
  }

  /** The billing period as a person reads it: "December 2026", not the API's "2026-12". */
  protected month(period: string): string {
    return formatDate(calendarDay(period), 'MMMM y', this.locale);
  }

  protected number(value: number): string {
    return formatNumber(value, this.locale, '1.0-0');
  }

  protected money(cents: number, currency: string): string {
    return formatCurrency(cents / 100, this.locale, getCurrencySymbol(currency, 'narrow', this.locale), currency);
  }
}
