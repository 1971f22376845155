import { type Signal, signal } from '@angular/core';
import type { ApiProblem, ApiResult } from './api-result';

/** What a read shows before its answer arrives. */
export interface Loading {
  readonly kind: 'loading';
}

/** What a read of the portal's own API shows: loading, its data, or the problem the API answered. */
export type ReadState<T> =
  Loading | { readonly kind: 'loaded'; readonly data: T } | { readonly kind: 'error'; readonly problem: ApiProblem };

export function readStateOf<T>(result: ApiResult<T>): ReadState<T> {
  return result.ok ? { kind: 'loaded', data: result.data } : { kind: 'error', problem: result.problem };
}

/**
 * One read, done again on demand; only the latest request may set the view. `viewOf` turns an answer into what a page
 * shows: {@link readStateOf} for the portal's own routes, the platform's view for proxied reads (which tell an
 * outage of the AiDial platform apart).
 */
export class ApiResource<T, V = ReadState<T>> {
  private readonly current = signal<Loading | V>({ kind: 'loading' });
  private latest = 0;

  readonly view: Signal<Loading | V> = this.current.asReadonly();

  constructor(
    private readonly fetch: () => Promise<ApiResult<T>>,
    private readonly viewOf: (result: ApiResult<T>) => V,
  ) {}

  async load(): Promise<void> {
    const request = ++this.latest;
    this.current.set({ kind: 'loading' });
    const result = await this.fetch();
    if (request === this.latest) this.current.set(this.viewOf(result));
  }
}
