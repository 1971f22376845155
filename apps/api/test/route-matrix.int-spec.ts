import { DataSource } from 'typeorm';
import { type RoutePolicy, listRoutePolicies } from '@aidial/api/core';
import {
  ACTIONS,
  type Action,
  ROLES,
  type Role,
  type Section,
  canAccessSection,
  canPerform,
} from '@aidial/shared/access';
import { DEMO_USER_OF_ROLE, cookieHeader, signIn, startSignInStack, type SignInStack } from './support/sign-in-flow';

/**
 * The route-access matrix (DESIGN.md §5) and the actions table (libs/shared/access) walked over the application's real
 * routes, not probes: every route the application declares with a section is called by every role. A new route joins
 * the walk by existing; nothing here lists routes by hand.
 */
interface SectionRoute {
  readonly method: string;
  readonly path: string;
  readonly section: Section;
  readonly action: Action | null;
}

function sectionRoutes(policies: readonly RoutePolicy[]): SectionRoute[] {
  return policies.flatMap(({ route, access }) => {
    // A step-up requirement (docs/sessions.md) comes after the role checks this walk is about.
    const match = /^section:(\S+)(?: action:(\S+))?(?: step-up)?$/.exec(access);
    if (!match) return [];
    const [method = '', path = ''] = route.split(' ');
    return [{ method, path, section: match[1] as Section, action: (match[2] as Action | undefined) ?? null }];
  });
}

/** A path parameter filled with a well-formed id that names nothing: the guard must answer before anything looks it up. */
const withIds = (path: string) => path.replace(/:[A-Za-z]+/g, '5f0c7a52-9d53-4c39-9d59-0c3f2d6e8a11');

describe('the route-access matrix on every real route', () => {
  let stack: SignInStack;
  let routes: SectionRoute[];
  const cookiesOf = new Map<Role, Record<string, string>>();

  beforeAll(async () => {
    stack = await startSignInStack();
    routes = sectionRoutes(listRoutePolicies(stack.api.app));
    for (const role of ROLES) cookiesOf.set(role, (await signIn(stack, DEMO_USER_OF_ROLE[role])).cookies);
    // Partners look at one client at a time: both partner sessions pick Acme Health, which their tenant manages.
    const [acme] = (await stack.api.app.get(DataSource).query(`SELECT id FROM tenant WHERE name = 'Acme Health'`)) as [
      { id: string },
    ];
    for (const role of ['partner_admin', 'partner_user'] as const) {
      const cookies = cookiesOf.get(role) ?? {};
      const selected = await fetch(`${stack.api.baseUrl}/api/partner/client-selection`, {
        method: 'PUT',
        headers: {
          cookie: cookieHeader(cookies),
          'x-xsrf-token': cookies['XSRF-TOKEN'] ?? '',
          'content-type': 'application/json',
        },
        body: JSON.stringify({ client_id: acme.id }),
      });
      expect(selected.status).toBe(200);
    }
  });
  afterAll(() => stack.close());

  function call(role: Role, route: SectionRoute): Promise<Response> {
    const cookies = cookiesOf.get(role) ?? {};
    const unsafe = route.method !== 'GET';
    return fetch(`${stack.api.baseUrl}${withIds(route.path)}`, {
      method: route.method,
      headers: {
        cookie: cookieHeader(cookies),
        ...(unsafe ? { 'x-xsrf-token': cookies['XSRF-TOKEN'] ?? '', 'content-type': 'application/json' } : {}),
      },
      ...(unsafe && route.method !== 'DELETE' ? { body: '{}' } : {}),
    });
  }

  it('has section routes to walk, and every action they name is in the actions table', () => {
    expect(routes.length).toBeGreaterThan(0);
    for (const route of routes) if (route.action) expect(Object.keys(ACTIONS)).toContain(route.action);
  });

  it('answers 404 not_found, the body of a route that does not exist, to every role outside each route’s section', async () => {
    const missing = await fetch(`${stack.api.baseUrl}/api/no-such-route`, {
      headers: { cookie: cookieHeader(cookiesOf.get('client_staff') ?? {}) },
    });
    const missingBody = { ...((await missing.json()) as object), request_id: undefined };
    const misses: string[] = [];
    for (const route of routes) {
      for (const role of ROLES.filter((candidate) => !canAccessSection(candidate, route.section))) {
        const response = await call(role, route);
        const body = { ...((await response.json()) as object), request_id: undefined };
        if (response.status !== 404 || JSON.stringify(body) !== JSON.stringify(missingBody)) {
          misses.push(`${role} ${route.method} ${route.path} → ${response.status}`);
        }
      }
    }
    expect(misses).toEqual([]);
  });

  it('lets every role inside a section read each of its collections (200)', async () => {
    const misses: string[] = [];
    for (const route of routes.filter((candidate) => candidate.method === 'GET' && !candidate.path.includes(':'))) {
      for (const role of ROLES.filter((candidate) => canAccessSection(candidate, route.section))) {
        const response = await call(role, route);
        if (response.status !== 200) misses.push(`${role} GET ${route.path} → ${response.status}`);
      }
    }
    expect(misses).toEqual([]);
  });

  it('refuses a change with 403 insufficient_role to every role that may open the section but not perform the action', async () => {
    const misses: string[] = [];
    let checked = 0;
    for (const route of routes.filter((candidate) => candidate.action !== null)) {
      const action = route.action as Action;
      for (const role of ROLES.filter((r) => canAccessSection(r, route.section) && !canPerform(r, action))) {
        checked++;
        const response = await call(role, route);
        const body = (await response.json()) as { code?: string };
        if (response.status !== 403 || body.code !== 'insufficient_role') {
          misses.push(`${role} ${route.method} ${route.path} → ${response.status} ${body.code ?? ''}`);
        }
      }
    }
    expect(misses).toEqual([]);
    expect(checked).toBeGreaterThan(0);
  });
});
