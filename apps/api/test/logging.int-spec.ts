import { cloneTestDatabase, freePort, testApiEnv } from '@aidial/api/testing';
import { spawnBuiltApi, waitForListening } from './support/built-api';

describe('request logging', () => {
  it('writes JSON lines that carry the request id and only the allow-listed headers', async () => {
    const database = await cloneTestDatabase();
    const port = await freePort();
    const { child, result } = spawnBuiltApi(testApiEnv(database.url, { LOG_LEVEL: 'info', PORT: String(port) }));
    try {
      await waitForListening(child);
      const response = await fetch(`http://127.0.0.1:${port}/health/ready?token=query-secret-value`, {
        headers: {
          Authorization: 'Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln',
          Cookie: 'aidial_session=cookie-secret-value',
          'X-API-Key': 'adk_live_key-secret-value',
          'X-XSRF-TOKEN': 'csrf-secret-value.0123456789abcdef',
          'X-Request-Id': 'log-test-request-0001',
        },
      });
      expect(response.status).toBe(200);
    } finally {
      child.kill('SIGTERM');
    }
    const { stdout } = await result;
    await database.drop();

    const lines = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const requestLine = lines.find((line) => line['request_id'] === 'log-test-request-0001');
    expect(requestLine).toMatchObject({
      msg: 'request completed',
      req: { method: 'GET', url: '/health/ready?token=[redacted]' },
      res: { statusCode: 200 },
    });
    expect(stdout).not.toMatch(/eyJhbGci|cookie-secret-value|key-secret-value|query-secret-value|csrf-secret-value/);
    expect(requestLine?.['req']).toMatchObject({ headers: { host: `127.0.0.1:${port}` } });
    expect(Object.keys((requestLine?.['req'] as { headers: object }).headers).sort()).toEqual(['host', 'user-agent']);
  });
});
