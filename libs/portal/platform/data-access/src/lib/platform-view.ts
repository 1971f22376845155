import { type ApiProblem, ApiResource, type ApiResult } from '@aidial/portal/shared/data-access';

/** The AiDial platform's failures the proxy maps to 502 and 504 (DESIGN.md §3, the proxy module). */
const UPSTREAM_CODES: readonly (string | null)[] = ['upstream_unavailable', 'upstream_timeout'];

/**
 * What a page of AiDial platform data shows: the data; the prompt to pick a client (a partner with none selected);
 * "the AiDial platform is not answering" (502, 504); or any other problem with its message and request id.
 */
export type PlatformView<T> =
  | { readonly kind: 'loading' }
  | { readonly kind: 'loaded'; readonly data: T }
  | { readonly kind: 'client-required'; readonly problem: ApiProblem }
  | { readonly kind: 'unavailable'; readonly problem: ApiProblem }
  | { readonly kind: 'error'; readonly problem: ApiProblem };

/** The view of a problem answered by a platform route. */
export function platformProblemView(
  problem: ApiProblem,
): Extract<PlatformView<never>, { kind: 'client-required' | 'unavailable' | 'error' }> {
  if (problem.code === 'client_selection_required') return { kind: 'client-required', problem };
  if (UPSTREAM_CODES.includes(problem.code) || problem.status === 502 || problem.status === 504) {
    return { kind: 'unavailable', problem };
  }
  return { kind: 'error', problem };
}

export function platformViewOf<T>(result: ApiResult<T>): PlatformView<T> {
  return result.ok ? { kind: 'loaded', data: result.data } : platformProblemView(result.problem);
}

/** One read of platform data, read again on demand; only the latest request may set the view. */
export class PlatformResource<T> extends ApiResource<T, PlatformView<T>> {
  constructor(fetch: () => Promise<ApiResult<T>>) {
    super(fetch, platformViewOf);
  }
}
