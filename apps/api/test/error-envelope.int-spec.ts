import { Body, Controller, Get, Module, Post } from '@nestjs/common';
import { IsEmail, IsInt, Max, Min } from 'class-validator';
import { Public } from '@aidial/api/core';
import { type TestApp, startTestApp } from './support/test-app';

class ProbeBodyDto {
  @IsEmail()
  email!: string;

  @IsInt()
  @Min(1)
  @Max(10)
  seats!: number;
}

/** Routes that exist only in this test, to reach the filter through validation and through an unexpected error. */
// Outside /api: the portal surface's CSRF check would answer before the body and validation are reached.
@Controller('probe')
class ProbeController {
  @Post('echo')
  @Public()
  echo(@Body() body: ProbeBodyDto): ProbeBodyDto {
    return body;
  }

  @Get('explode')
  @Public()
  explode(): never {
    throw new Error('relation "secret_table" does not exist at db.internal.example:5432');
  }
}

@Module({ controllers: [ProbeController] })
class ProbeModule {}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('the error envelope', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp({ imports: [ProbeModule] });
  });
  afterAll(() => api.close());

  async function expectEnvelope(response: Response, status: number, code: string): Promise<Record<string, unknown>> {
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body['code']).toBe(code);
    expect(typeof body['message']).toBe('string');
    expect(body['request_id']).toBe(response.headers.get('x-request-id'));
    expect(body['request_id']).toMatch(UUID);
    expect(JSON.stringify(body)).not.toMatch(/at .*\.(ts|js):\d+|Error:|stack/);
    return body;
  }

  it('answers an unknown route with 404 not_found', async () => {
    const body = await expectEnvelope(await fetch(`${api.baseUrl}/api/does-not-exist`), 404, 'not_found');
    expect(Object.keys(body).sort()).toEqual(['code', 'message', 'request_id']);
  });

  it('answers malformed JSON with 400 malformed_json', async () => {
    const response = await fetch(`${api.baseUrl}/probe/echo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"email": "a@b.co",',
    });
    await expectEnvelope(response, 400, 'malformed_json');
  });

  it('answers an unknown field with 400 validation_failed naming the field', async () => {
    const response = await fetch(`${api.baseUrl}/probe/echo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'a@b.co', seats: 2, isAdmin: true }),
    });
    const body = await expectEnvelope(response, 400, 'validation_failed');
    expect(body['fields']).toEqual([{ field: 'isAdmin', message: 'property isAdmin should not exist' }]);
  });

  it('answers invalid fields with one entry per broken rule', async () => {
    const response = await fetch(`${api.baseUrl}/probe/echo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'not-an-email', seats: 11 }),
    });
    const body = await expectEnvelope(response, 400, 'validation_failed');
    expect(body['fields']).toEqual([
      { field: 'email', message: 'email must be an email' },
      { field: 'seats', message: 'seats must not be greater than 10' },
    ]);
  });

  it('passes a valid body through', async () => {
    const response = await fetch(`${api.baseUrl}/probe/echo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'a@b.co', seats: 3 }),
    });
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ email: 'a@b.co', seats: 3 });
  });

  it('answers an oversized body with 413 payload_too_large', async () => {
    const response = await fetch(`${api.baseUrl}/probe/echo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'a@b.co', seats: 1, padding: 'x'.repeat(200 * 1024) }),
    });
    await expectEnvelope(response, 413, 'payload_too_large');
  });

  it('answers a body that is not JSON with 415 unsupported_media_type', async () => {
    const response = await fetch(`${api.baseUrl}/probe/echo`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'email=a%40b.co&seats=1',
    });
    await expectEnvelope(response, 415, 'unsupported_media_type');
  });

  it('answers a thrown error with 500 internal_error and none of its details', async () => {
    const response = await fetch(`${api.baseUrl}/probe/explode`);
    const body = await expectEnvelope(response, 500, 'internal_error');
    expect(JSON.stringify(body)).not.toMatch(/secret_table|db\.internal|5432/);
  });

  it('keeps a well-formed inbound X-Request-Id and replaces a malformed one', async () => {
    const kept = await fetch(`${api.baseUrl}/api/nowhere`, { headers: { 'X-Request-Id': 'trace-0123456789' } });
    expect(kept.headers.get('x-request-id')).toBe('trace-0123456789');
    expect(((await kept.json()) as { request_id: string }).request_id).toBe('trace-0123456789');

    const replaced = await fetch(`${api.baseUrl}/api/nowhere`, { headers: { 'X-Request-Id': '<script>x</script>' } });
    expect(replaced.headers.get('x-request-id')).toMatch(UUID);
  });
});
