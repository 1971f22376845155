import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import type { DevPlatformConfig } from './config.ts';
import {
  type SeedTenant,
  adjustmentsOf,
  billingOf,
  callsOf,
  campaignsOf,
  capacityOf,
  complianceOf,
  complianceSettingsOf,
  dashboardOf,
  discountsOf,
  incidentsOf,
  loadTenants,
  startOfDay,
  summaryOf,
} from './sample-data.ts';

export interface RunningDevPlatform {
  readonly url: string;
  close(): Promise<void>;
}

/** What the last platform request carried, for tests to prove what crossed (GET /dev/last-request). */
interface SeenRequest {
  readonly method: string;
  readonly path: string;
  readonly query: Record<string, string>;
  readonly headers: Record<string, string | string[] | undefined>;
}

/** Test controls: how the next platform requests fail, until cleared (POST/DELETE /dev/faults). */
type Fault =
  | { readonly kind: 'none' }
  | { readonly kind: 'delay'; readonly ms: number }
  | { readonly kind: 'status'; readonly status: number }
  | { readonly kind: 'oversized'; readonly bytes: number }
  | { readonly kind: 'set_cookie' };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const PAGE_SIZE = 20;

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** Loopback and no proxy header: the test controls are for the machine's own tests and scripts. */
function isLocal(req: IncomingMessage): boolean {
  const address = req.socket.remoteAddress ?? '';
  const loopback = address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
  return loopback && req.headers['x-forwarded-for'] === undefined && req.headers['forwarded'] === undefined;
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 16 * 1024) throw new Error('body too large');
    chunks.push(chunk as Buffer);
  }
  if (size === 0) return {};
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
}

/**
 * A stand-in for the AiDial platform API (development, demos and tests only): bearer tokens verified against the
 * identity provider's JWKS (issuer, and the Zitadel project id in `aud`), scope headers required and honoured, deterministic sample
 * data per tenant and project from the demo seed, and loopback-only test controls.
 */
export async function startDevPlatform(
  config: DevPlatformConfig,
  log: (line: string) => void,
): Promise<RunningDevPlatform> {
  const tenants = loadTenants(config.seedFile);
  const jwks = createRemoteJWKSet(new URL(`${config.issuer}/oauth/v2/keys`));
  let lastRequest: SeenRequest | null = null;
  let fault: Fault = { kind: 'none' };
  // "Now" of the sample data: the start-up instant, moved on when the calendar day changes, so today's calls stay today's.
  let anchor = new Date();
  const now = () => {
    const current = new Date();
    if (startOfDay(current).getTime() !== startOfDay(anchor).getTime()) anchor = current;
    return anchor;
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://dev-platform.invalid');
    if (url.pathname.startsWith('/dev/')) return devControls(req, res, url);
    if (req.method !== 'GET') return send(res, 405, { error: 'method_not_allowed' });
    lastRequest = {
      method: req.method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: { ...req.headers },
    };

    const bearer = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (!bearer) return send(res, 401, { error: 'invalid_token', error_description: 'bearer token required' });
    try {
      await jwtVerify(bearer, jwks, { issuer: config.issuer, audience: config.projectId, algorithms: ['RS256'] });
    } catch (error) {
      return send(res, 401, { error: 'invalid_token', error_description: (error as Error).message });
    }

    if (fault.kind === 'delay') await new Promise((done) => setTimeout(done, fault.kind === 'delay' ? fault.ms : 0));
    if (fault.kind === 'status') return send(res, fault.status, { error: 'injected_fault' });
    if (fault.kind === 'oversized') return send(res, 200, { padding: 'x'.repeat(fault.bytes) });
    const extra: Record<string, string> =
      fault.kind === 'set_cookie' ? { 'set-cookie': 'platform_session=leak; Path=/' } : {};

    const scope = resolveScope(req);
    if ('error' in scope) return send(res, scope.status, { error: scope.error });
    const { tenant, customer, projects } = scope;
    const needCustomer = () => {
      if (!customer) send(res, 400, { error: 'client_required' });
      return customer;
    };

    const path = url.pathname.replace(/\/+$/, '');
    const query = (name: string) => url.searchParams.get(name);
    const at = now();
    if (path === '/capacity') return send(res, 200, capacityOf(tenant, at), extra);
    if (path === '/dashboard/summary') return void (needCustomer() && send(res, 200, dashboardOf(projects, at), extra));
    if (path === '/billing/summary') {
      return void (needCustomer() && send(res, 200, billingOf(projects, at, query('period') ?? undefined), extra));
    }
    if (path === '/campaigns') {
      if (!needCustomer()) return;
      const items = campaignsOf(projects).filter(
        (campaign) =>
          (!query('project_id') || campaign.project_id === query('project_id')) &&
          (!query('status') || campaign.status === query('status')),
      );
      return send(res, 200, { items }, extra);
    }
    if (path === '/calls') {
      if (!needCustomer()) return;
      const calls = callsOf(projects, at).filter(
        (call) => !query('project_id') || call.project_id === query('project_id'),
      );
      const offset = Number(query('cursor') ?? 0) || 0;
      const limit = Math.min(Math.max(Number(query('limit') ?? PAGE_SIZE) || PAGE_SIZE, 1), 100);
      const items = calls.slice(offset, offset + limit);
      const next = offset + limit < calls.length ? String(offset + limit) : null;
      return send(res, 200, { items, next_cursor: next }, extra);
    }
    const callId = /^\/calls\/([A-Za-z0-9_-]+)$/.exec(path)?.[1];
    if (callId) {
      if (!needCustomer()) return;
      const call = callsOf(projects, at).find((candidate) => candidate.id === callId);
      return call
        ? send(res, 200, { ...call, summary: summaryOf(call) }, extra)
        : send(res, 404, { error: 'not_found' });
    }
    if (path === '/compliance/records') {
      if (!needCustomer()) return;
      const filters = { projectId: query('project_id'), result: query('result') };
      return send(res, 200, complianceOf(projects, at, filters), extra);
    }
    if (path === '/compliance/settings') {
      const customerTenant = needCustomer();
      return void (customerTenant && send(res, 200, complianceSettingsOf(customerTenant, projects, at), extra));
    }
    // Platform-wide data of the internal admin area: the AiDial tenant's staff only.
    const internal = ['/incidents', '/discounts', '/adjustments'].includes(path);
    if (internal && tenant.kind !== 'internal') return send(res, 403, { error: 'internal_only' });
    if (path === '/incidents') {
      const open = query('status');
      const items = incidentsOf(tenants, at).filter(
        (incident) => !open || (open === 'resolved') === (incident.status === 'resolved'),
      );
      return send(res, 200, { items }, extra);
    }
    if (path === '/discounts') {
      const items = discountsOf(tenants, at).filter(
        (discount) =>
          (!query('tenant_id') || discount.tenant.id === query('tenant_id')) &&
          (!query('status') || discount.status === query('status')),
      );
      return send(res, 200, { items }, extra);
    }
    if (path === '/adjustments') {
      const items = adjustmentsOf(tenants, at).filter(
        (adjustment) =>
          (!query('tenant_id') || adjustment.tenant.id === query('tenant_id')) &&
          (!query('period') || adjustment.period === query('period')),
      );
      return send(res, 200, { items }, extra);
    }
    return send(res, 404, { error: 'not_found' });
  }

  /**
   * The scope the caller vouches for, checked against the seed's relationships: the acting tenant must exist; a client
   * must be the tenant itself (customers) or managed by it (partners); the project list narrows the client's projects.
   * Missing or malformed scope headers are refused: the platform never guesses whose data is asked for.
   */
  function resolveScope(
    req: IncomingMessage,
  ):
    | { tenant: SeedTenant; customer: SeedTenant | null; projects: SeedTenant['projects'] }
    | { error: string; status: number } {
    const tenantId = req.headers['x-aidial-tenant'];
    const clientId = req.headers['x-aidial-client'];
    const projectsHeader = req.headers['x-aidial-projects'];
    if (typeof tenantId !== 'string' || !UUID.test(tenantId) || typeof projectsHeader !== 'string') {
      return { error: 'scope_required', status: 400 };
    }
    const tenant = tenants.get(tenantId);
    if (!tenant) return { error: 'unknown_tenant', status: 403 };
    if (clientId === undefined) return { tenant, customer: null, projects: [] };
    if (typeof clientId !== 'string' || !UUID.test(clientId)) return { error: 'scope_required', status: 400 };
    const customer = tenants.get(clientId);
    const related =
      customer?.kind === 'customer' &&
      (customer.id === tenant.id || (tenant.kind === 'partner' && customer.managingPartnerId === tenant.id));
    if (!customer || !related) return { error: 'client_not_related', status: 403 };
    const allowed =
      projectsHeader === '*' ? null : projectsHeader === '-' ? new Set<string>() : new Set(projectsHeader.split(','));
    return { tenant, customer, projects: customer.projects.filter((project) => !allowed || allowed.has(project.id)) };
  }

  async function devControls(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (!isLocal(req)) return send(res, 404, { error: 'not_found' });
    if (url.pathname === '/dev/last-request' && req.method === 'GET') return send(res, 200, { request: lastRequest });
    if (url.pathname === '/dev/faults' && req.method === 'GET') return send(res, 200, { fault });
    if (url.pathname === '/dev/faults' && req.method === 'DELETE') {
      fault = { kind: 'none' };
      return send(res, 200, { fault });
    }
    if (url.pathname === '/dev/faults' && req.method === 'POST') {
      const body = await readJson(req).catch(() => null);
      const kind = body?.['kind'];
      if (kind === 'none' || kind === 'set_cookie') fault = { kind };
      else if (kind === 'delay') fault = { kind, ms: Number(body?.['ms'] ?? 10_000) };
      else if (kind === 'status') fault = { kind, status: Number(body?.['status'] ?? 503) };
      else if (kind === 'oversized') fault = { kind, bytes: Number(body?.['bytes'] ?? 2 * 1024 * 1024) };
      else return send(res, 400, { error: 'kind must be none, delay, status, oversized or set_cookie' });
      return send(res, 200, { fault });
    }
    if (url.pathname === '/dev/reset' && req.method === 'POST') {
      fault = { kind: 'none' };
      lastRequest = null;
      return send(res, 200, {});
    }
    return send(res, 404, { error: 'not_found' });
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      log(`error: ${(error as Error).message}`);
      if (!res.headersSent) send(res, 500, { error: 'internal_error' });
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${config.host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
