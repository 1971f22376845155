import { Controller, Get, Inject, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Public } from '@aidial/api/core';
import { type TestApp, startTestApp } from './support/test-app';

/** A route that needs the database, as every later feature route will. */
@Controller('api/probe-tenants')
class ProbeTenantsController {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  @Get()
  @Public()
  async count(): Promise<{ tenants: number }> {
    const [row] = (await this.dataSource.query('SELECT count(*)::int AS tenants FROM tenant')) as Array<{
      tenants: number;
    }>;
    return { tenants: row?.tenants ?? 0 };
  }
}

@Module({ controllers: [ProbeTenantsController] })
class ProbeModule {}

describe('when PostgreSQL stops answering', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp({ imports: [ProbeModule] });
  });
  afterAll(() => api.close());

  it('serves normally while the database is there', async () => {
    const response = await fetch(`${api.baseUrl}/api/probe-tenants`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ tenants: 0 });
  });

  it('answers 503 service_unavailable with Retry-After, never a 500 with internals', async () => {
    await api.database.drop();
    const response = await fetch(`${api.baseUrl}/api/probe-tenants`);
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({
      code: 'service_unavailable',
      message: 'The service is temporarily unavailable. Try again shortly.',
      request_id: response.headers.get('x-request-id'),
    });
    expect(text).not.toMatch(/tenant|postgres|127\.0\.0\.1|aidial_test/i);
  });
});
