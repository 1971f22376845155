import { ApiResource, readStateOf } from './api-resource';
import type { ApiResult } from './api-result';

const problem = { status: 500, code: 'internal', message: 'Something failed.', requestId: 'req-1', fields: [] };

describe('ApiResource', () => {
  it('is loading until the answer arrives, then shows its data or its problem', async () => {
    const answers: Array<ApiResult<number>> = [
      { ok: true, data: 7 },
      { ok: false, problem },
    ];
    const resource = new ApiResource(async () => answers.shift() as ApiResult<number>, readStateOf);
    expect(resource.view()).toEqual({ kind: 'loading' });
    await resource.load();
    expect(resource.view()).toEqual({ kind: 'loaded', data: 7 });
    await resource.load();
    expect(resource.view()).toEqual({ kind: 'error', problem });
  });

  it('shows the latest request’s answer, not one that arrives after it', async () => {
    const pending: Array<(result: ApiResult<string>) => void> = [];
    const resource = new ApiResource(
      () => new Promise<ApiResult<string>>((resolve) => pending.push(resolve)),
      readStateOf,
    );
    const first = resource.load();
    const second = resource.load();
    pending[1]?.({ ok: true, data: 'new' });
    await second;
    pending[0]?.({ ok: true, data: 'old' });
    await first;
    expect(resource.view()).toEqual({ kind: 'loaded', data: 'new' });
  });
});
