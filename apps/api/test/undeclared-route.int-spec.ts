import { Controller, Get, Module } from '@nestjs/common';
import { listRoutePolicies } from '@aidial/api/core';
import { type TestApp, startTestApp } from './support/test-app';

/** A route someone forgot to declare: the guard must refuse it, and the policy listing must flag it. */
@Controller('api/forgotten')
class ForgottenController {
  @Get()
  read(): { secret: string } {
    return { secret: 'should never be served' };
  }
}

@Module({ controllers: [ForgottenController] })
class ForgottenModule {}

describe('deny by default', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp({ imports: [ForgottenModule] });
  });
  afterAll(() => api.close());

  it('answers a route without an access declaration as if it did not exist', async () => {
    const response = await fetch(`${api.baseUrl}/api/forgotten`);
    expect(response.status).toBe(404);
    const body = await response.text();
    expect(JSON.parse(body)).toMatchObject({ code: 'not_found' });
    expect(body).not.toContain('should never be served');
  });

  it('is reported as UNDECLARED by the route-policy listing', () => {
    expect(listRoutePolicies(api.app)).toContainEqual({ route: 'GET /api/forgotten', access: 'UNDECLARED' });
  });
});
