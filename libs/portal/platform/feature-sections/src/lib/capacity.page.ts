import { DatePipe, formatNumber } from '@angular/common';
import { ChangeDetectionStrategy, Component, LOCALE_ID, computed, inject } from '@angular/core';
import { PlatformStore } from '@aidial/portal/platform/data-access';
import { type Figure, Figures, PlatformProblem } from '@aidial/portal/platform/ui';

/** `/capacity` (a partner's own lines) and `/admin/capacity` (platform-wide): line capacity from the platform. */
@Component({
  selector: 'aidial-capacity-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, Figures, PlatformProblem],
  providers: [PlatformStore],
  template: `
    <h1 class="page-title">Capacity</h1>
    @let view = store.capacity.view();
    @switch (view.kind) {
      @case ('loading') {
        <p class="state-message" role="status">Loading capacity…</p>
      }
      @case ('loaded') {
        <p>
          {{ view.data.scope === 'platform' ? 'Platform-wide line capacity' : 'Your line capacity' }}, as of
          <time [attr.datetime]="view.data.updated_at">{{ view.data.updated_at | date: 'medium' }}</time>.
        </p>
        <aidial-figures [figures]="figures()" label="Line capacity" />
      }
      @default {
        <aidial-platform-problem
          [kind]="view.kind"
          [problem]="view.problem"
          subject="Capacity figures"
          (retry)="load()"
        />
      }
    }
  `,
})
export class CapacityPage {
  protected readonly store = inject(PlatformStore);
  private readonly locale = inject(LOCALE_ID);

  protected readonly figures = computed<Figure[]>(() => {
    const view = this.store.capacity.view();
    if (view.kind !== 'loaded') return [];
    const number = (value: number) => formatNumber(value, this.locale, '1.0-0');
    return [
      { label: 'Concurrent lines', value: number(view.data.concurrent_lines) },
      { label: 'In use', value: number(view.data.in_use) },
      { label: 'Queued', value: number(view.data.queued) },
    ];
  });

  constructor() {
    this.load();
  }

  protected load(): void {
    void this.store.capacity.load();
  }
}
