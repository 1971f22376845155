import { Controller, Get, Module } from '@nestjs/common';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { Section } from '@aidial/api/core';
import {
  ADMIN_URL_VARIABLE,
  firstMembershipOf,
  changeRole,
  suspendTenant,
  reactivateTenant,
} from '@aidial/api/testing';
import { ROLES, SECTIONS, canAccessSection } from '@aidial/shared/access';
import { DEMO_USER_OF_ROLE, cookieHeader, signIn, startSignInStack, type SignInStack } from './support/sign-in-flow';

/** One probe route per section of DESIGN.md §5, each declared with @Section() as feature routes will be. */
@Controller('api/probe-sections')
class SectionProbeController {}
for (const section of SECTIONS) {
  Object.defineProperty(SectionProbeController.prototype, section, { value: () => ({ section }), writable: true });
  const descriptor = Object.getOwnPropertyDescriptor(SectionProbeController.prototype, section) as PropertyDescriptor;
  Get(section)(SectionProbeController.prototype, section, descriptor);
  Section(section)(SectionProbeController.prototype, section, descriptor);
}

@Module({ controllers: [SectionProbeController] })
class SectionProbeModule {}

describe('the section guard (route-access matrix on every request)', () => {
  let stack: SignInStack;
  const cookiesOf = new Map<string, Record<string, string>>();

  beforeAll(async () => {
    stack = await startSignInStack({}, [SectionProbeModule]);
    for (const role of ROLES) cookiesOf.set(role, (await signIn(stack, DEMO_USER_OF_ROLE[role])).cookies);
  });
  afterAll(() => stack.close());

  const probe = (cookies: Record<string, string> | undefined, section: string) =>
    fetch(`${stack.api.baseUrl}/api/probe-sections/${section}`, { headers: { cookie: cookieHeader(cookies ?? {}) } });

  it.each(
    ROLES.flatMap((role) =>
      SECTIONS.map((section) => [role, section, canAccessSection(role, section) ? 200 : 404] as const),
    ),
  )('%s → %s answers %i', async (role, section, status) => {
    const response = await probe(cookiesOf.get(role), section);
    expect(response.status).toBe(status);
  });

  it('answers a section outside the role exactly like a route that does not exist (apart from the request id)', async () => {
    const outside = await probe(cookiesOf.get('client_staff'), 'billing');
    const missing = await fetch(`${stack.api.baseUrl}/api/probe-sections/no-such-section`, {
      headers: { cookie: cookieHeader(cookiesOf.get('client_staff') ?? {}) },
    });
    const strip = async (response: Response) => ({ ...((await response.json()) as object), request_id: undefined });
    expect(outside.status).toBe(missing.status);
    expect(await strip(outside)).toEqual(await strip(missing));
  });

  it('answers 401 without a session', async () => {
    expect((await probe(undefined, 'dashboard')).status).toBe(401);
  });

  it('applies a role change and a suspension on the very next request', async () => {
    const cookies = cookiesOf.get('client_manager');
    const db = stack.api.app.get(DataSource);
    const membership = (await firstMembershipOf(db, { email: 'marcus.chen@acme-health.example' })).id;
    expect((await probe(cookies, 'compliance')).status).toBe(200);
    await changeRole(db, membership, 'client_staff');
    expect((await probe(cookies, 'compliance')).status).toBe(404);
    await changeRole(db, membership, 'billing_clerk');
    const unrecognised = await probe(cookies, 'dashboard');
    expect(unrecognised.status).toBe(403);
    expect(await unrecognised.json()).toMatchObject({ code: 'access_denied' });
    await changeRole(db, membership, 'client_manager');
    await suspendTenant(db, { name: 'Acme Health' });
    const suspended = await probe(cookies, 'dashboard');
    expect(suspended.status).toBe(403);
    expect(await suspended.json()).toMatchObject({ code: 'tenant_suspended' });
    await reactivateTenant(db, { name: 'Acme Health' });
    expect((await probe(cookies, 'dashboard')).status).toBe(200);
  });

  it('answers 503 session_validation_unavailable while PostgreSQL refuses connections, and serves again once it is back', async () => {
    const admin = new Client({ connectionString: process.env[ADMIN_URL_VARIABLE] });
    await admin.connect();
    const name = stack.api.database.name;
    try {
      await admin.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS false`);
      await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1`, [name]);
      // The first request meets a terminated pooled connection, the next ones a database refusing new connections.
      for (let attempt = 0; attempt < 3; attempt++) {
        const down = await probe(cookiesOf.get('client_admin'), 'dashboard');
        expect(down.status).toBe(503);
        expect(await down.json()).toMatchObject({ code: 'session_validation_unavailable' });
      }
    } finally {
      await admin.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS true`);
      await admin.end();
    }
    expect((await probe(cookiesOf.get('client_admin'), 'dashboard')).status).toBe(200);
  });
});
