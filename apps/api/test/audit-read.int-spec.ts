import { AuditService } from '@aidial/api/audit';
import { type Answer, type Browser, auditCalls } from './support/audit-calls';
import { type SignInStack, cookieHeader, startSignInStack } from './support/sign-in-flow';

interface EventBody {
  id: string;
  occurred_at: string;
  tenant_id: string | null;
  actor_user_id: string | null;
  action: string;
  outcome: string;
  target_type: string | null;
  target_id: string | null;
  request_id: string | null;
  user_agent: string | null;
  details: Record<string, unknown>;
}

/**
 * Issue 7 "Reading": the scoping matrix for the page and the CSV export (client roles their tenant, partner roles
 * theirs and their managed clients', internal roles everything; another tenant's events never appear), the filters,
 * cursor pagination, and a CSV export that streams exactly the page's rows for the same filters.
 */
describe('reading the audit log', () => {
  let stack: SignInStack;
  const { as, call, db, userId, tenantId } = auditCalls(() => stack);
  const tenants: Record<string, string> = {};

  beforeAll(async () => {
    stack = await startSignInStack();
    for (const name of [
      'Acme Health',
      'Bluegum Dental',
      'Northwind Partners',
      'AiDial',
      'Harbour Physio',
      'Southern Cross Resellers',
    ]) {
      tenants[name] = await tenantId(name);
    }
    // Every sign-in is an event in its tenant's log.
    for (const email of [
      'amelia.hart@acme-health.example',
      'marcus.chen@acme-health.example',
      'sofia.rossi@acme-health.example',
      'priya.natarajan@northwind.example',
      'liam.obrien@northwind.example',
      'grace.okafor@aidial.example',
      'noah.williams@aidial.example',
      'ella.martin@harbour-physio.example',
      'jack.wilson@southerncross.example',
    ]) {
      await as(email);
    }
    // Bluegum Dental has no users: its events come from an administrator.
    const audit = stack.api.app.get(AuditService);
    for (const status of ['suspended', 'active'] as const) {
      await audit.record({
        action: 'admin.tenant.status_changed',
        outcome: 'success',
        tenantId: tenants['Bluegum Dental'],
        actor: { userId: await userId('grace.okafor@aidial.example'), role: 'aidial_admin' },
        targetId: tenants['Bluegum Dental'],
        details: { status },
      });
    }
    // A denial whose user agent is a spreadsheet formula, and an event of no tenant.
    const sofia = await as('sofia.rossi@acme-health.example');
    await fetch(`${stack.api.baseUrl}/api/audit-events`, {
      headers: { cookie: cookieHeader(sofia), 'user-agent': '=HYPERLINK("http://evil.example","x")' },
    });
    await audit.record({
      action: 'auth.sign_in',
      outcome: 'failure',
      tenantId: null,
      actor: {},
      details: { reason: 'sign_in_failed' },
    });
  });
  afterAll(() => stack.close());

  /** Every page of a listing, following next_cursor with a small page size so pagination is exercised. */
  async function everyPage(browser: Browser, query: string): Promise<EventBody[]> {
    const items: EventBody[] = [];
    let cursor: string | null = null;
    for (let pages = 0; pages < 100; pages++) {
      const answer: Answer = await call(
        browser,
        'GET',
        `/api/audit-events?limit=7${query}${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(answer.status).toBe(200);
      items.push(...(answer.body['items'] as EventBody[]));
      cursor = answer.body['next_cursor'] as string | null;
      if (!cursor) return items;
    }
    throw new Error('pagination did not end');
  }

  async function exportCsv(browser: Browser, query: string): Promise<{ response: Response; lines: string[][] }> {
    const response = await fetch(`${stack.api.baseUrl}/api/audit-events/export.csv?${query.replace(/^&/, '')}`, {
      headers: { cookie: cookieHeader(browser) },
    });
    const text = await response.text();
    return { response, lines: response.status === 200 && text ? parseCsv(text) : [] };
  }

  /** RFC 4180 as the export writes it: every cell quoted, quotes doubled, CRLF line ends. */
  function parseCsv(text: string): string[][] {
    const rows: string[][] = [];
    let row: string[] = [];
    let index = 0;
    while (index < text.length) {
      if (text.startsWith('\r\n', index)) {
        rows.push(row);
        row = [];
        index += 2;
        continue;
      }
      if (text[index] === ',') {
        index += 1;
        continue;
      }
      expect(text[index]).toBe('"');
      let cell = '';
      index += 1;
      for (;;) {
        if (text[index] === '"' && text[index + 1] === '"') {
          cell += '"';
          index += 2;
        } else if (text[index] === '"') {
          index += 1;
          break;
        } else {
          cell += text[index];
          index += 1;
        }
      }
      row.push(cell);
    }
    return rows;
  }

  async function allTenantIdsInLog(): Promise<Array<string | null>> {
    const rows = (await db().query(`SELECT DISTINCT tenant_id FROM audit_event`)) as Array<{
      tenant_id: string | null;
    }>;
    return rows.map((row) => row.tenant_id);
  }

  const SCOPES: Array<[string, string, () => Array<string | null>]> = [
    ['client_admin', 'amelia.hart@acme-health.example', () => [at(tenants, 'Acme Health')]],
    ['client_manager', 'marcus.chen@acme-health.example', () => [at(tenants, 'Acme Health')]],
    [
      'partner_admin',
      'priya.natarajan@northwind.example',
      () => [at(tenants, 'Northwind Partners'), at(tenants, 'Acme Health'), at(tenants, 'Bluegum Dental')],
    ],
    [
      'partner_user',
      'liam.obrien@northwind.example',
      () => [at(tenants, 'Northwind Partners'), at(tenants, 'Acme Health'), at(tenants, 'Bluegum Dental')],
    ],
  ];

  it.each(SCOPES)('%s sees exactly its scope’s events, on the page and in the export', async (_role, email, scope) => {
    const browser = await as(email);
    const items = await everyPage(browser, '');
    const expected = (await db().query(
      `SELECT id FROM audit_event WHERE tenant_id = ANY($1::uuid[]) ORDER BY occurred_at DESC, id DESC`,
      [scope()],
    )) as Array<{ id: string }>;
    expect(items.map((item) => item.id)).toEqual(expected.map((row) => row.id));
    expect(new Set(items.map((item) => item.tenant_id))).toEqual(new Set(scope()));
    const csv = await exportCsv(browser, '');
    expect(csv.response.status).toBe(200);
    expect(csv.lines.slice(1).map((line) => line[1])).toEqual(expected.map((row) => row.id));
  });

  it.each([
    ['aidial_admin', 'grace.okafor@aidial.example'],
    ['aidial_operator', 'noah.williams@aidial.example'],
  ])('%s sees every tenant’s events, and those of no tenant', async (_role, email) => {
    const items = await everyPage(await as(email), '');
    expect(new Set(items.map((item) => item.tenant_id))).toEqual(new Set(await allTenantIdsInLog()));
    expect(items.map((item) => item.tenant_id)).toContain(null);
  });

  it('lets a partner narrow to one managed client, and answers 404 for any other client like a missing one', async () => {
    const priya = await as('priya.natarajan@northwind.example');
    const acme = await everyPage(priya, `&client_id=${tenants['Acme Health']}`);
    expect(acme.length).toBeGreaterThan(0);
    expect(new Set(acme.map((item) => item.tenant_id))).toEqual(new Set([tenants['Acme Health']]));
    const refusals = [];
    for (const clientId of [
      tenants['Harbour Physio'],
      tenants['Northwind Partners'],
      '00000000-0000-4000-8000-000000000000',
      'nope',
    ]) {
      const page = await call(priya, 'GET', `/api/audit-events?client_id=${clientId}`);
      const csv = await exportCsv(priya, `client_id=${clientId}`);
      refusals.push([page.status, page.body['code'], csv.response.status]);
    }
    expect(refusals).toEqual(Array(4).fill([404, 'not_found', 404]));
  });

  it('refuses the other roles’ filters with 404: tenant_id is for internal roles, client_id for partners', async () => {
    const amelia = await as('amelia.hart@acme-health.example');
    for (const query of [`tenant_id=${tenants['Acme Health']}`, `client_id=${tenants['Bluegum Dental']}`]) {
      const answer = await call(amelia, 'GET', `/api/audit-events?${query}`);
      expect([answer.status, answer.body['code']]).toEqual([404, 'not_found']);
    }
    const grace = await as('grace.okafor@aidial.example');
    const harbour = await everyPage(grace, `&tenant_id=${tenants['Harbour Physio']}`);
    expect(harbour.length).toBeGreaterThan(0);
    expect(new Set(harbour.map((item) => item.tenant_id))).toEqual(new Set([tenants['Harbour Physio']]));
  });

  it('answers 404 to client_staff, who may not open the Audit Log', async () => {
    const sofia = await as('sofia.rossi@acme-health.example');
    expect((await call(sofia, 'GET', '/api/audit-events')).status).toBe(404);
    expect((await exportCsv(sofia, '')).response.status).toBe(404);
  });

  it.each<
    [
      string,
      (ids: { amelia: string; bluegum: string }) => string,
      (item: EventBody, ids: { amelia: string; bluegum: string }) => boolean,
    ]
  >([
    ['action', () => '&action=auth.sign_in', (item) => item.action === 'auth.sign_in'],
    ['outcome', () => '&outcome=denied', (item) => item.outcome === 'denied'],
    ['actor', ({ amelia }) => `&actor=${amelia}`, (item, { amelia }) => item.actor_user_id === amelia],
    [
      'target',
      ({ bluegum }) => `&target_type=tenant&target_id=${bluegum}`,
      (item, { bluegum }) => item.target_type === 'tenant' && item.target_id === bluegum,
    ],
  ])('filters by %s, and the export holds the same rows', async (_name, query, matches) => {
    const ids = { amelia: await userId('amelia.hart@acme-health.example'), bluegum: at(tenants, 'Bluegum Dental') };
    const grace = await as('grace.okafor@aidial.example');
    const all = await everyPage(grace, '');
    const filtered = await everyPage(grace, query(ids));
    expect(filtered.length).toBeGreaterThan(0);
    expect(filtered.map((item) => item.id)).toEqual(all.filter((item) => matches(item, ids)).map((item) => item.id));
    const csv = await exportCsv(grace, query(ids));
    expect(csv.lines.slice(1).map((line) => line[1])).toEqual(filtered.map((item) => item.id));
  });

  it('filters by time range: from inclusive, to exclusive', async () => {
    const grace = await as('grace.okafor@aidial.example');
    const all = await everyPage(grace, '');
    const middle = at(all, Math.floor(all.length / 2));
    const from = encodeURIComponent(middle.occurred_at);
    const newer = await everyPage(grace, `&from=${from}`);
    const older = await everyPage(grace, `&to=${from}`);
    expect(newer.map((item) => item.id)).toContain(middle.id);
    expect(older.map((item) => item.id)).not.toContain(middle.id);
    expect(newer.length + older.length).toBe(all.length);
  });

  it('refuses a cursor it did not issue and malformed filters with 400', async () => {
    const amelia = await as('amelia.hart@acme-health.example');
    for (const query of [
      'cursor=abc',
      'cursor=WyJ4IiwieSJd',
      'from=yesterday',
      'actor=nope',
      'action=made.up',
      'limit=0',
    ]) {
      const answer = await call(amelia, 'GET', `/api/audit-events?${query}`);
      expect([query, answer.status, answer.body['code']]).toEqual([query, 400, 'validation_failed']);
    }
  });

  it('streams the export as CSV with a header line, and quotes cells a spreadsheet would run as formulas', async () => {
    const { response, lines } = await exportCsv(await as('amelia.hart@acme-health.example'), '');
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="audit-events.csv"');
    expect(response.headers.get('transfer-encoding')).toBe('chunked');
    expect(response.headers.get('content-length')).toBeNull();
    expect(lines[0]).toEqual([
      'occurred_at',
      'id',
      'tenant_id',
      'actor_user_id',
      'actor_api_key_id',
      'actor_role',
      'action',
      'outcome',
      'target_type',
      'target_id',
      'request_id',
      'ip',
      'user_agent',
      'details',
      'actor_name',
      'actor_email',
      'target_description',
    ]);
    const agents = lines.slice(1).map((line) => line[12]);
    expect(agents).toContain(`'=HYPERLINK("http://evil.example","x")`);
    expect(agents.filter((agent) => /^[=+\-@]/.test(agent ?? ''))).toEqual([]);
    expect(lines.slice(1).every((line) => line.length === 17)).toBe(true);
  });
});

/** The item at `index`, which the test has just made sure exists. */
function at<T>(list: ArrayLike<T> | Record<string, T>, index: number | string): T {
  const item = (list as Record<string | number, T | undefined>)[index];
  if (item === undefined) throw new Error(`nothing at ${String(index)}`);
  return item;
}
