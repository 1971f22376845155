import type { ApiResult } from './api-result';
import { type CursorPage, CursorList } from './cursor-list';

type Fetch = (filters: { q: string }, cursor: string | undefined) => Promise<ApiResult<CursorPage<string>>>;

describe('CursorList', () => {
  const page = (items: string[], next: string | null): ApiResult<CursorPage<string>> => ({
    ok: true,
    data: { items, next_cursor: next },
  });

  it('follows next_cursor forward and goes back to the page before', async () => {
    const fetch = jest.fn<ReturnType<Fetch>, Parameters<Fetch>>(async (_filters, cursor) =>
      cursor === undefined ? page(['a', 'b'], 'c1') : page(['c'], null),
    );
    const list = new CursorList({ q: '' }, fetch);
    await list.load();
    expect(list.state()).toEqual({ kind: 'loaded', items: ['a', 'b'], nextCursor: 'c1' });
    expect([list.hasPrevious(), list.hasNext(), list.pageNumber()]).toEqual([false, true, 1]);

    await list.next();
    expect(fetch).toHaveBeenLastCalledWith({ q: '' }, 'c1');
    expect([list.hasPrevious(), list.hasNext(), list.pageNumber()]).toEqual([true, false, 2]);

    await list.previous();
    expect(fetch).toHaveBeenLastCalledWith({ q: '' }, undefined);
    expect(list.pageNumber()).toBe(1);
  });

  it('starts again at the first page when the filters change', async () => {
    const fetch = jest.fn<ReturnType<Fetch>, Parameters<Fetch>>(async () => page(['a'], 'next'));
    const list = new CursorList({ q: '' }, fetch);
    await list.load();
    await list.next();
    await list.search({ q: 'acme' });
    expect(fetch).toHaveBeenLastCalledWith({ q: 'acme' }, undefined);
    expect(list.pageNumber()).toBe(1);
  });

  it('keeps the problem of a failed read', async () => {
    const problem = { status: 503, code: 'service_unavailable', message: 'Down.', requestId: 'r-1', fields: [] };
    const list = new CursorList({ q: '' }, async () => ({ ok: false, problem }));
    await list.load();
    expect(list.state()).toEqual({ kind: 'error', problem });
  });

  it('lets only the latest request set the state', async () => {
    let releaseFirst: (value: ApiResult<CursorPage<string>>) => void = () => undefined;
    const first = new Promise<ApiResult<CursorPage<string>>>((resolve) => (releaseFirst = resolve));
    const fetch = jest
      .fn<ReturnType<Fetch>, Parameters<Fetch>>()
      .mockReturnValueOnce(first)
      .mockResolvedValueOnce(page(['new'], null));
    const list = new CursorList({ q: '' }, fetch);
    const slow = list.load();
    await list.search({ q: 'x' });
    releaseFirst(page(['old'], null));
    await slow;
    expect(list.state()).toEqual({ kind: 'loaded', items: ['new'], nextCursor: null });
  });
});
