import { Injectable, computed, inject, signal } from '@angular/core';
import { API_CLIENT, type ErrorEnvelopeDto, getReadiness, isErrorEnvelope } from '@aidial/portal/api-client';
import { CLOCK } from '@aidial/portal/core';

/** What the readiness check (GET /health/ready) found. */
export type Readiness =
  | { readonly state: 'checking' }
  | { readonly state: 'ready' }
  /** The API answered 503 `service_unavailable`: it runs, but PostgreSQL does not answer it. */
  | { readonly state: 'database-unavailable'; readonly error: ErrorEnvelopeDto }
  /** No answer, or an answer that is not the API's (a proxy's error page, an unparsable body). */
  | { readonly state: 'api-unreachable' };

/** How one row of the status page reads. */
export type ServiceHealth = 'checking' | 'healthy' | 'unavailable';

/** The health of the API and of its database, as the Status page shows them. */
@Injectable({ providedIn: 'root' })
export class StatusStore {
  private readonly client = inject(API_CLIENT);
  private readonly clock = inject(CLOCK);
  private readonly current = signal<Readiness>({ state: 'checking' });
  private readonly checkedAt = signal<Date | null>(null);
  /** Only the latest check may set the state: an earlier, slower answer is dropped. */
  private latestCheck = 0;

  readonly readiness = this.current.asReadonly();
  readonly lastCheckedAt = this.checkedAt.asReadonly();
  readonly checking = computed(() => this.current().state === 'checking');

  readonly api = computed<ServiceHealth>(() => {
    switch (this.current().state) {
      case 'checking':
        return 'checking';
      case 'ready':
      case 'database-unavailable':
        return 'healthy';
      case 'api-unreachable':
        return 'unavailable';
    }
  });

  /** Unavailable too when the API is unreachable: nothing can vouch for the database then. */
  readonly database = computed<ServiceHealth>(() => {
    switch (this.current().state) {
      case 'checking':
        return 'checking';
      case 'ready':
        return 'healthy';
      case 'database-unavailable':
      case 'api-unreachable':
        return 'unavailable';
    }
  });

  /** The envelope of the 503 answer, for its message and request id. */
  readonly databaseError = computed(() => {
    const readiness = this.current();
    return readiness.state === 'database-unavailable' ? readiness.error : null;
  });

  async refresh(): Promise<void> {
    const check = ++this.latestCheck;
    this.current.set({ state: 'checking' });
    const readiness = await this.checkReadiness();
    if (check !== this.latestCheck) return;
    this.current.set(readiness);
    this.checkedAt.set(this.clock.now());
  }

  private async checkReadiness(): Promise<Readiness> {
    const { data, error, response } = await getReadiness({ client: this.client });
    // `response` is null when the request failed before HttpClient answered (the client returns, never throws).
    const status = (response as typeof response | null)?.status;
    if (status === 200 && data?.status === 'ok') return { state: 'ready' };
    if (status === 503 && isErrorEnvelope(error) && error.code === 'service_unavailable') {
      return { state: 'database-unavailable', error };
    }
    return { state: 'api-unreachable' };
  }
}
