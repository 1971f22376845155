import { DataSource } from 'typeorm';
import type { Role } from '@aidial/shared/access';
import { DEMO_USER_OF_ROLE, type SignInStack, cookieHeader, signIn } from './sign-in-flow';

/** A signed-in portal session: its cookies and the headers of a safe and of an unsafe request. */
export interface PortalSession {
  readonly cookies: Record<string, string>;
  readonly read: Record<string, string>;
  readonly write: Record<string, string>;
}

export async function sessionAs(stack: SignInStack, who: Role | string): Promise<PortalSession> {
  const email = who.includes('@') ? who : DEMO_USER_OF_ROLE[who as Role];
  const { cookies } = await signIn(stack, email);
  const read = { cookie: cookieHeader(cookies) };
  return {
    cookies,
    read,
    write: { ...read, 'x-xsrf-token': cookies['XSRF-TOKEN'] ?? '', 'content-type': 'application/json' },
  };
}

/** Partners look at one client at a time (the header's selector). */
export async function selectClient(stack: SignInStack, session: PortalSession, clientId: string): Promise<void> {
  const response = await fetch(`${stack.api.baseUrl}/api/partner/client-selection`, {
    method: 'PUT',
    headers: session.write,
    body: JSON.stringify({ client_id: clientId }),
  });
  if (response.status !== 200) throw new Error(`client selection answered ${response.status}`);
}

export async function tenantId(stack: SignInStack, name: string): Promise<string> {
  const [row] = (await stack.api.app.get(DataSource).query(`SELECT id FROM tenant WHERE name = $1`, [name])) as Array<{
    id: string;
  }>;
  if (!row) throw new Error(`no tenant ${name}`);
  return row.id;
}

export async function projectIdsOf(stack: SignInStack, tenantName: string): Promise<string[]> {
  const rows = (await stack.api.app
    .get(DataSource)
    .query(`SELECT p.id FROM project p JOIN tenant t ON t.id = p.tenant_id WHERE t.name = $1 ORDER BY p.id`, [
      tenantName,
    ])) as Array<{ id: string }>;
  return rows.map((row) => row.id);
}

export interface CreatedKey {
  readonly id: string;
  readonly key: string;
  readonly public_id: string;
  readonly last_four: string;
  readonly expires_at: string;
  readonly scopes: string[];
}

export async function createKey(
  stack: SignInStack,
  session: PortalSession,
  body: Record<string, unknown>,
): Promise<CreatedKey> {
  const response = await fetch(`${stack.api.baseUrl}/api/integrations/keys`, {
    method: 'POST',
    headers: session.write,
    body: JSON.stringify({ name: 'Test key', expires_in_days: 30, ...body }),
  });
  if (response.status !== 201) throw new Error(`key creation answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as CreatedKey;
}

/** A server-side call to `/v1` with a key (no browser headers: Node's fetch sends none of them). */
export function callV1(
  stack: SignInStack,
  path: string,
  key: string | undefined,
  headers: Record<string, string> = {},
) {
  return fetch(`${stack.api.baseUrl}${path}`, { headers: { ...(key ? { 'x-api-key': key } : {}), ...headers } });
}

/** Status, the headers that could tell answers apart, and the body without its request id. */
export async function answerBytes(response: Response): Promise<string> {
  const body = (await response.json()) as Record<string, unknown>;
  return JSON.stringify({
    status: response.status,
    contentType: response.headers.get('content-type'),
    contentLength: response.headers.get('content-length'),
    wwwAuthenticate: response.headers.get('www-authenticate'),
    body: { ...body, request_id: undefined },
  });
}
