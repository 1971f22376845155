import { DatePipe, formatNumber } from '@angular/common';
import { ChangeDetectionStrategy, Component, LOCALE_ID, computed, inject } from '@angular/core';
import { PlatformStore } from '@aidial/portal/platform/data-access';
import {
  DISCOUNT_SCOPE_LABELS,
  DISCOUNT_STATUS_LABELS,
  type Figure,
  Figures,
  PlatformProblem,
  calendarDay,
} from '@aidial/portal/platform/ui';

/** `/admin/discounts` (aidial_admin, aidial_operator): the discounts on tenants' bills, from the AiDial platform. */
@Component({
  selector: 'aidial-discounts-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, Figures, PlatformProblem],
  providers: [PlatformStore],
  template: `
    <h1 class="page-title">Discounts</h1>
    @let view = store.discounts.view();
    @switch (view.kind) {
      @case ('loading') {
        <p class="state-message" role="status">Loading discounts…</p>
      }
      @case ('loaded') {
        <aidial-figures [figures]="figures()" label="Discounts by status" />
        <h2 class="section-title">Every discount</h2>
        @if (view.data.items.length === 0) {
          <p class="state-message" role="status">No tenant has a discount.</p>
        } @else {
          <div class="table-scroll" role="region" aria-label="Discounts" tabindex="0">
            <table class="data-table">
              <caption class="cdk-visually-hidden">
                Discounts on tenants’ bills
              </caption>
              <thead>
                <tr>
                  <th scope="col">Tenant</th>
                  <th scope="col">Discount</th>
                  <th scope="col">Off</th>
                  <th scope="col">Applies to</th>
                  <th scope="col">From</th>
                  <th scope="col">Until</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                @for (discount of view.data.items; track discount.id) {
                  <tr>
                    <th scope="row">{{ discount.tenant.name }}</th>
                    <td>{{ discount.name }}</td>
                    <td>{{ percent(discount.percent_off) }}</td>
                    <td>{{ scopeLabels[discount.applies_to] ?? discount.applies_to }}</td>
                    <td>{{ day(discount.starts_on) | date: 'mediumDate' }}</td>
                    <td>{{ discount.ends_on ? (day(discount.ends_on) | date: 'mediumDate') : 'No end date' }}</td>
                    <td>{{ statusLabels[discount.status] ?? discount.status }}</td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
        }
      }
      @default {
        <aidial-platform-problem [kind]="view.kind" [problem]="view.problem" subject="Discounts" (retry)="load()" />
      }
    }
  `,
})
export class DiscountsPage {
  protected readonly store = inject(PlatformStore);
  private readonly locale = inject(LOCALE_ID);
  protected readonly scopeLabels = DISCOUNT_SCOPE_LABELS;
  protected readonly statusLabels = DISCOUNT_STATUS_LABELS;
  protected readonly day = calendarDay;

  protected readonly figures = computed<Figure[]>(() => {
    const view = this.store.discounts.view();
    if (view.kind !== 'loaded') return [];
    return (['active', 'scheduled', 'expired'] as const).map((status) => ({
      label: DISCOUNT_STATUS_LABELS[status] ?? status,
      value: formatNumber(view.data.items.filter((item) => item.status === status).length, this.locale, '1.0-0'),
    }));
  });

  constructor() {
    this.load();
  }

  protected load(): void {
    void this.store.discounts.load();
  }

  protected percent(value: number): string {
    return `${formatNumber(value, this.locale, '1.0-2')}%`;
  }
}
