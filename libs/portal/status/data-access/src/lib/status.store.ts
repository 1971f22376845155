import { Injectable, computed, inject, signal } from '@angular/core';
import { API_CLIENT, type ErrorEnvelopeDto, getReadiness, isErrorEnvelope } from '@aidial/portal/api-client';
import { CLOCK } from '@aidial/portal/core';

/** What the readiness check (GET /health/ready) found. */
export type Readiness =
  | { readonly state: 'checking' }
  /** Ready; whether ZITADEL confirmed the API's service account lately (`unknown` while it could not be asked). */
  | { readonly state: 'ready'; readonly identityProvider: 'up' | 'unknown' }
  /** The API answered 503 `service_unavailable`: it runs, but PostgreSQL does not answer it. */
  | { readonly state: 'database-unavailable'; readonly error: ErrorEnvelopeDto }
  /** The API answered 503 `identity_provider_misconfigured`: ZITADEL refuses the API's service account. */
  | { readonly state: 'identity-provider-misconfigured'; readonly error: ErrorEnvelopeDto }
  /** No answer, or an answer that is not the API's (a proxy's error page, an unparsable body). */
  | { readonly state: 'api-unreachable' };

/** How one row of the status page reads; `unconfirmed`: not known to be wrong, but not confirmed lately either. */
export type ServiceHealth = 'checking' | 'healthy' | 'unconfirmed' | 'unavailable';

/** The health of the API, its database and its identity provider, as the Status page shows them. */
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
      case 'identity-provider-misconfigured':
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
      case 'identity-provider-misconfigured':
        return 'healthy';
      case 'database-unavailable':
      case 'api-unreachable':
        return 'unavailable';
    }
  });

  /** Not checked while the database is down (the API checks it first), nor vouched for when the API is unreachable. */
  readonly identityProvider = computed<ServiceHealth>(() => {
    const readiness = this.current();
    switch (readiness.state) {
      case 'checking':
        return 'checking';
      case 'ready':
        return readiness.identityProvider === 'up' ? 'healthy' : 'unconfirmed';
      case 'database-unavailable':
        return 'unconfirmed';
      case 'identity-provider-misconfigured':
      case 'api-unreachable':
        return 'unavailable';
    }
  });

  /** The envelope of a 503 answer, for its message and request id. */
  readonly problem = computed(() => {
    const readiness = this.current();
    return readiness.state === 'database-unavailable' || readiness.state === 'identity-provider-misconfigured'
      ? readiness.error
      : null;
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
    if (status === 200 && data?.status === 'ok') {
      return { state: 'ready', identityProvider: data.checks.identity_provider?.status === 'up' ? 'up' : 'unknown' };
    }
    if (status === 503 && isErrorEnvelope(error) && error.code === 'service_unavailable') {
      return { state: 'database-unavailable', error };
    }
    if (status === 503 && isErrorEnvelope(error) && error.code === 'identity_provider_misconfigured') {
      return { state: 'identity-provider-misconfigured', error };
    }
    return { state: 'api-unreachable' };
  }
}
