import type { DataSource } from 'typeorm';
import { AccessContextService } from './access-context.service';

function serviceAnswering(rows: unknown[]) {
  const query = jest.fn().mockResolvedValue(rows);
  return { service: new AccessContextService({ query } as unknown as DataSource), query };
}

const ROW = {
  user_status: 'active',
  email: 'a@example.test',
  display_name: 'A',
  role: 'partner_admin',
  project_scope: 'all',
  project_ids: null,
  tenant_id: '00000000-0000-4000-8000-000000000001',
  tenant_name: 'Partner',
  tenant_kind: 'partner',
  tenant_status: 'active',
  client_id: null,
  client_name: null,
};

describe('AccessContextService', () => {
  it('passes the session’s client selection to the one statement, so a client that changed hands drops out', async () => {
    const { service, query } = serviceAnswering([ROW]);
    await service.resolve({ userId: 'u', tenantId: 't', selectedClientId: 'c' });
    expect(query.mock.calls[0]?.[1]).toEqual(['u', 't', 'c']);
  });

  it('carries the client the database confirmed, and none when it did not', async () => {
    const confirmed = serviceAnswering([{ ...ROW, client_id: 'c', client_name: 'Client' }]).service;
    expect(await confirmed.resolve({ userId: 'u', tenantId: 't', selectedClientId: 'c' })).toMatchObject({
      ok: true,
      context: { client: { id: 'c', name: 'Client' } },
    });
    const dropped = serviceAnswering([ROW]).service;
    expect(await dropped.resolve({ userId: 'u', tenantId: 't', selectedClientId: 'c' })).toMatchObject({
      ok: true,
      context: { client: null },
    });
  });

  it.each([
    [[], 'no_membership'],
    [[{ ...ROW, user_status: 'disabled' }], 'user_disabled'],
    [[{ ...ROW, role: 'billing_clerk' }], 'role_not_recognised'],
    [[{ ...ROW, tenant_status: 'suspended' }], 'tenant_suspended'],
    [[{ ...ROW, tenant_status: 'closed' }], 'tenant_suspended'],
  ])('refuses %j as %s', async (rows, refusal) => {
    expect(await serviceAnswering(rows).service.resolve({ userId: 'u', tenantId: null })).toEqual({
      ok: false,
      refusal,
    });
  });
});
