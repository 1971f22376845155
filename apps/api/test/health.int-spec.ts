import { type TestApp, startTestApp } from './support/test-app';

describe('health', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api.close());

  it('reports liveness', async () => {
    const response = await fetch(`${api.baseUrl}/health/live`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('reports ready while PostgreSQL answers, even with the identity provider out of reach', async () => {
    const response = await fetch(`${api.baseUrl}/health/ready`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({
      status: 'ok',
      checks: { database: { status: 'up', latency_ms: expect.any(Number) }, identity_provider: { status: 'unknown' } },
    });
  });

  it('reports not ready with 503 service_unavailable, and no internals, once the database is gone', async () => {
    await api.database.drop();
    const response = await fetch(`${api.baseUrl}/health/ready`);
    expect(response.status).toBe(503);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toEqual({
      code: 'service_unavailable',
      message: 'The database is not reachable.',
      request_id: response.headers.get('x-request-id'),
    });
    expect(JSON.stringify(body)).not.toContain(api.database.name);
  });
});
