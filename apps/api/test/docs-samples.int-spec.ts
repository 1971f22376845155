import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { createKey, sessionAs, tenantId } from './support/api-keys';
import { type SignInStack, startSignInStack } from './support/sign-in-flow';

const run = promisify(execFile);

type Sample = { lang: string; label: string; source: string };
type Document = { paths: Record<string, Record<string, { 'x-codeSamples'?: Sample[] }>> };

/**
 * The `/v1` code samples of the served OpenAPI document (`/docs`), run as an integrator would run them: the curl one in
 * a shell, the Node.js one in Node, each with only AIDIAL_URL and AIDIAL_API_KEY in its environment, against the real
 * API. A sample that does not work fails here, not in a customer's terminal.
 */
describe('the /docs code samples, run against the API', () => {
  let stack: SignInStack;
  let document: Document;
  let key: string;

  beforeAll(async () => {
    stack = await startSignInStack();
    document = (await (await fetch(`${stack.api.baseUrl}/docs/openapi.json`)).json()) as Document;
    // A partner's key for one client, as the portal makes them.
    key = (
      await createKey(stack, await sessionAs(stack, 'partner_admin'), {
        scopes: ['projects:read'],
        client_id: await tenantId(stack, 'Acme Health'),
      })
    ).key;
  });
  afterAll(() => stack.close());

  const sample = (path: string, label: string) =>
    document.paths[path]?.['get']?.['x-codeSamples']?.find((candidate) => candidate.label === label)?.source ?? '';
  const environment = (apiKey: string) => ({
    PATH: process.env['PATH'] ?? '',
    AIDIAL_URL: stack.api.baseUrl,
    AIDIAL_API_KEY: apiKey,
  });

  it.each(['/v1/whoami', '/v1/projects'])('runs the curl sample of GET %s and gets the answer', async (path) => {
    const { stdout } = await run('sh', ['-c', sample(path, 'curl')], { env: environment(key) });
    const body = JSON.parse(stdout) as Record<string, unknown>;
    expect(body['code']).toBeUndefined();
    if (path === '/v1/projects') expect(Array.isArray(body['items'])).toBe(true);
  });

  it.each(['/v1/whoami', '/v1/projects'])('runs the Node.js sample of GET %s and prints the answer', async (path) => {
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', sample(path, 'Node.js')], {
      env: environment(key),
    });
    expect(stdout).not.toContain('code:');
    if (path === '/v1/projects') expect(stdout).toContain('items');
  });

  it('makes the Node.js sample fail with the refusal’s code, sentence and request id when the key is wrong', async () => {
    const failed = await run(process.execPath, ['--input-type=module', '-e', sample('/v1/projects', 'Node.js')], {
      env: environment('aidial_not_a_real_key'),
    }).then(
      () => null,
      (error: { code?: number; stderr?: string }) => error,
    );
    expect(failed?.code).not.toBe(0);
    expect(failed?.stderr).toMatch(/api_key_invalid: .+ \(request [0-9a-f-]{36}\)/);
  });

  it('serves /docs without "Try it out": from a browser a key is always refused', async () => {
    const init = await (await fetch(`${stack.api.baseUrl}/docs/swagger-ui-init.js`)).text();
    expect(init).toMatch(/"supportedSubmitMethods":\s*\[\]/);
  });
});
