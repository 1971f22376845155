import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatCard, MatCardActions, MatCardContent } from '@angular/material/card';
import { type ServiceHealth, StatusStore } from '@aidial/portal/status/data-access';

const HEALTH_LABELS: Record<ServiceHealth, string> = {
  checking: 'Checking…',
  healthy: 'Healthy',
  unconfirmed: 'Not confirmed',
  unavailable: 'Unavailable',
};

/** `/status`: whether the API, its database and its identity provider are up, checked on open and on Refresh. */
@Component({
  selector: 'aidial-status-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, MatButton, MatCard, MatCardActions, MatCardContent],
  templateUrl: './status.page.html',
  styleUrl: './status.page.scss',
})
export class StatusPage {
  protected readonly store = inject(StatusStore);
  protected readonly healthLabels = HEALTH_LABELS;
  protected readonly checks = computed(() => [
    { name: 'API', health: this.store.api() },
    { name: 'Database', health: this.store.database() },
    { name: 'Identity provider', health: this.store.identityProvider() },
  ]);

  constructor() {
    void this.store.refresh();
  }

  protected refresh(): void {
    void this.store.refresh();
  }
}
