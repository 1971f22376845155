import { Client } from 'pg';
import { type PortalSession, createKey, callV1, sessionAs, selectClient, tenantId } from './support/api-keys';
import { startSignInStack, type SignInStack } from './support/sign-in-flow';

/** One statement as node-postgres was asked to send it: its text, and its name when it was a named (prepared) one. */
interface Sent {
  readonly text: string;
  readonly name: string | null;
}

/**
 * Every statement any pool of this process sends while `work` runs, seen where they all pass: node-postgres's
 * `Client.query` (TypeORM's queries and the named statements alike). Observed, never changed.
 */
async function statementsDuring(work: () => Promise<void>): Promise<Sent[]> {
  const spy = jest.spyOn(Client.prototype, 'query');
  try {
    await work();
    return spy.mock.calls.map(([query]: unknown[]) => {
      if (typeof query === 'string') return { text: query.trim(), name: null };
      const config = query as { text?: string; name?: string };
      return { text: (config.text ?? '').trim(), name: config.name ?? null };
    });
  } finally {
    spy.mockRestore();
  }
}

/** DESIGN.md §11 and docs/bench.md: what a signed-in read may cost the database. */
describe('the statement budget of the hot reads', () => {
  let stack: SignInStack;

  beforeAll(async () => {
    stack = await startSignInStack();
  });
  afterAll(() => stack.close());

  async function read(session: PortalSession, path: string): Promise<Sent[]> {
    // The first read may slide the session's idle window (one write a minute at most): that is not the read measured.
    expect((await fetch(`${stack.api.baseUrl}${path}`, { headers: session.read })).status).toBe(200);
    return statementsDuring(async () => {
      expect((await fetch(`${stack.api.baseUrl}${path}`, { headers: session.read })).status).toBe(200);
    });
  }

  function expectReadsOnly(sent: readonly Sent[]): void {
    expect(sent.filter(({ text }) => !/^SELECT\b/i.test(text)).map(({ text }) => text)).toEqual([]);
  }

  function expectAllNamed(sent: readonly Sent[]): void {
    expect(sent.filter(({ name }) => name === null).map(({ text }) => text)).toEqual([]);
  }

  it('authenticates and scopes a session in 2 named reads (GET /api/session)', async () => {
    const sent = await read(await sessionAs(stack, 'client_manager'), '/api/session');
    expect(sent.map(({ name }) => name)).toEqual(['session_lookup', 'access_membership']);
    expectReadsOnly(sent);
  });

  it('answers the dashboard in 3 named reads in all, for a client', async () => {
    const sent = await read(await sessionAs(stack, 'client_admin'), '/api/dashboard');
    expect(sent.map(({ name }) => name)).toEqual(['session_lookup', 'access_membership', 'dashboard_summary']);
    expectReadsOnly(sent);
  });

  it('answers the dashboard in 3 named reads in all, for a partner with a client selected', async () => {
    const partner = await sessionAs(stack, 'partner_admin');
    await selectClient(stack, partner, await tenantId(stack, 'Acme Health'));
    const sent = await read(partner, '/api/dashboard');
    expect(sent).toHaveLength(3);
    expectAllNamed(sent);
    expectReadsOnly(sent);
  });

  it('answers /v1/projects with a key in 3 named reads and the per-key limit’s one counter step, no other write', async () => {
    // A partner's key for one client, as the portal makes them (v1.int-spec.ts).
    const key = await createKey(stack, await sessionAs(stack, 'partner_admin'), {
      scopes: ['projects:read'],
      client_id: await tenantId(stack, 'Acme Health'),
    });
    // The first use records when the key was last used (one write a minute at most).
    expect((await callV1(stack, '/v1/projects', key.key)).status).toBe(200);
    const sent = await statementsDuring(async () => {
      expect((await callV1(stack, '/v1/projects', key.key)).status).toBe(200);
    });
    // The per-key limit (docs/integrations.md) counts every request: one atomic named step in PostgreSQL (without
    // REDIS_URL), and nothing else is written.
    expect(sent.map(({ name }) => name)).toEqual([
      'api_key_lookup',
      'access_tenant',
      'rate_limit_consume',
      'projects_managed',
    ]);
    expectReadsOnly(sent.filter(({ name }) => name !== 'rate_limit_consume'));
  });

  it('answers a page of the Audit Log in 4 named reads: the page, and the names of the people and things it shows', async () => {
    const sent = await read(await sessionAs(stack, 'client_admin'), '/api/audit-events?limit=20');
    expect(sent.map(({ name }) => name?.replace(/_[0-9a-f]{16}$/, ''))).toEqual([
      'session_lookup',
      'access_membership',
      'audit_page',
      'directory_names',
    ]);
    expectAllNamed(sent);
    expectReadsOnly(sent);
  });

  it('answers a proxied platform read in 3 named reads', async () => {
    const sent = await read(await sessionAs(stack, 'client_admin'), '/api/platform/calls');
    expect(sent).toHaveLength(3);
    expectAllNamed(sent);
    expectReadsOnly(sent);
  });
});
