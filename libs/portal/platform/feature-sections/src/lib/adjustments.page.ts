import { DatePipe, formatCurrency, formatDate, getCurrencySymbol } from '@angular/common';
import { ChangeDetectionStrategy, Component, LOCALE_ID, inject } from '@angular/core';
import { PlatformStore } from '@aidial/portal/platform/data-access';
import { ADJUSTMENT_KIND_LABELS, PlatformProblem, calendarDay } from '@aidial/portal/platform/ui';

/** `/admin/adjustments` (aidial_admin, aidial_operator): credits and charges on tenants' bills, newest first. */
@Component({
  selector: 'aidial-adjustments-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, PlatformProblem],
  providers: [PlatformStore],
  template: `
    <h1 class="page-title">Adjustments</h1>
    @let view = store.adjustments.view();
    @switch (view.kind) {
      @case ('loading') {
        <p class="state-message" role="status">Loading adjustments…</p>
      }
      @case ('loaded') {
        <p>Credits and charges applied to tenants’ bills, newest first.</p>
        @if (view.data.items.length === 0) {
          <p class="state-message" role="status">No adjustments.</p>
        } @else {
          <div class="table-scroll" role="region" aria-label="Adjustments" tabindex="0">
            <table class="data-table">
              <caption class="cdk-visually-hidden">
                Adjustments to tenants’ bills, newest first
              </caption>
              <thead>
                <tr>
                  <th scope="col">Made</th>
                  <th scope="col">Tenant</th>
                  <th scope="col">Bill</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Amount</th>
                  <th scope="col">Reason</th>
                </tr>
              </thead>
              <tbody>
                @for (adjustment of view.data.items; track adjustment.id) {
                  <tr>
                    <th scope="row">
                      <time [attr.datetime]="adjustment.created_at">{{
                        adjustment.created_at | date: 'mediumDate'
                      }}</time>
                    </th>
                    <td>{{ adjustment.tenant.name }}</td>
                    <td>{{ month(adjustment.period) }}</td>
                    <td>{{ kindLabels[adjustment.kind] ?? adjustment.kind }}</td>
                    <td class="amount">
                      {{
                        (adjustment.kind === 'credit' ? '−' : '+') + money(adjustment.amount_cents, adjustment.currency)
                      }}
                    </td>
                    <td class="reason">{{ adjustment.reason }}</td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
        }
      }
      @default {
        <aidial-platform-problem [kind]="view.kind" [problem]="view.problem" subject="Adjustments" (retry)="load()" />
      }
    }
  `,
  styles: `
    .amount {
      white-space: nowrap;
    }
    .reason {
      min-inline-size: 16rem;
    }
  `,
})
export class AdjustmentsPage {
  protected readonly store = inject(PlatformStore);
  private readonly locale = inject(LOCALE_ID);
  protected readonly kindLabels = ADJUSTMENT_KIND_LABELS;

  constructor() {
    this.load();
  }

  protected load(): void {
    void this.store.adjustments.load();
  }

  /** A bill's period, `YYYY-MM`, as a month: "December 2026". */
  protected month(period: string): string {
    return formatDate(calendarDay(`${period}-01`), 'MMMM y', this.locale);
  }

  protected money(cents: number, currency: string): string {
    return formatCurrency(cents / 100, this.locale, getCurrencySymbol(currency, 'narrow', this.locale), currency);
  }
}
