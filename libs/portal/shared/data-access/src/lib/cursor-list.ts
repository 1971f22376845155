import { computed, signal } from '@angular/core';
import type { ApiProblem, ApiResult } from './api-result';

/** One page of a keyset-paginated list, as the admin endpoints answer. */
export interface CursorPage<T> {
  readonly items: readonly T[];
  readonly next_cursor: string | null;
}

export type ListState<T> =
  | { readonly kind: 'loading' }
  | { readonly kind: 'loaded'; readonly items: readonly T[]; readonly nextCursor: string | null }
  | { readonly kind: 'error'; readonly problem: ApiProblem };

/**
 * A searchable list read a page at a time with the API's cursors: Next follows `next_cursor`, Previous goes back to
 * the cursor of the page before. Changing the filters starts again at the first page. Only the latest request may
 * set the state, so a slow earlier answer never replaces a newer one.
 */
export class CursorList<T, F> {
  private readonly cursors = signal<ReadonlyArray<string | undefined>>([undefined]);
  private readonly current = signal<ListState<T>>({ kind: 'loading' });
  private latest = 0;

  readonly filters;
  readonly state = this.current.asReadonly();
  readonly pageNumber = computed(() => this.cursors().length);
  readonly hasPrevious = computed(() => this.cursors().length > 1);
  readonly hasNext = computed(() => {
    const state = this.current();
    return state.kind === 'loaded' && state.nextCursor !== null;
  });

  constructor(
    initialFilters: F,
    private readonly fetchPage: (filters: F, cursor: string | undefined) => Promise<ApiResult<CursorPage<T>>>,
  ) {
    this.filters = signal<F>(initialFilters);
  }

  /** Applies new filters and shows their first page. */
  search(filters: F): Promise<void> {
    this.filters.set(filters);
    this.cursors.set([undefined]);
    return this.load();
  }

  next(): Promise<void> {
    const state = this.current();
    if (state.kind !== 'loaded' || state.nextCursor === null) return Promise.resolve();
    this.cursors.update((cursors) => [...cursors, state.nextCursor ?? undefined]);
    return this.load();
  }

  previous(): Promise<void> {
    if (this.cursors().length <= 1) return Promise.resolve();
    this.cursors.update((cursors) => cursors.slice(0, -1));
    return this.load();
  }

  /** Reads the current page again (after a change elsewhere). */
  async load(): Promise<void> {
    const request = ++this.latest;
    this.current.set({ kind: 'loading' });
    const cursors = this.cursors();
    const result = await this.fetchPage(this.filters(), cursors[cursors.length - 1]);
    if (request !== this.latest) return;
    this.current.set(
      result.ok
        ? { kind: 'loaded', items: result.data.items, nextCursor: result.data.next_cursor }
        : { kind: 'error', problem: result.problem },
    );
  }
}
