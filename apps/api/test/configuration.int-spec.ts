import { REQUIRED_VARIABLES } from '@aidial/api/core';
import { cloneTestDatabase, testApiEnv } from '@aidial/api/testing';
import { spawnBuiltApi, waitForListening } from './support/built-api';

describe('configuration at boot (the built API as its own process)', () => {
  let database: Awaited<ReturnType<typeof cloneTestDatabase>>;

  beforeAll(async () => {
    database = await cloneTestDatabase();
  });
  afterAll(() => database.drop());

  it.each(REQUIRED_VARIABLES)('refuses to start without %s, naming it, with a non-zero exit', async (name) => {
    const { result } = spawnBuiltApi(testApiEnv(database.url, { [name]: undefined, LOG_LEVEL: 'info' }));
    const { code, stderr, stdout } = await result;
    expect(code).not.toBe(0);
    expect(stderr).toContain(`- ${name} is required but not set`);
    expect(stderr.trim().split('\n')).toHaveLength(2);
    expect(stdout).not.toContain('successfully started');
  });

  it('lists every missing variable at once, one line each', async () => {
    const { result } = spawnBuiltApi({});
    const { code, stderr } = await result;
    expect(code).toBe(1);
    for (const name of REQUIRED_VARIABLES) expect(stderr).toContain(`- ${name} is required but not set`);
  });

  it('refuses a malformed value, naming the variable', async () => {
    const { result } = spawnBuiltApi(testApiEnv(database.url, { AIDIAL_API_TIMEOUT_MS: 'soon' }));
    const { code, stderr } = await result;
    expect(code).toBe(1);
    expect(stderr).toContain('- AIDIAL_API_TIMEOUT_MS must be a whole number from 1 to 120000');
  });

  it.each(['SIGTERM', 'SIGINT'] as const)(
    'starts with a complete configuration and shuts down gracefully on %s',
    async (signal) => {
      const { child, result } = spawnBuiltApi(testApiEnv(database.url, { LOG_LEVEL: 'info' }));
      await waitForListening(child);
      child.kill(signal);
      const exit = await result;
      expect(exit.stdout).toContain(`${signal} received: shutting down`);
      expect(exit.stdout).toContain('disconnected from PostgreSQL');
      expect({ code: exit.code, signal: exit.signal, stderr: exit.stderr }).toEqual({
        code: 0,
        signal: null,
        stderr: '',
      });
    },
  );
});
