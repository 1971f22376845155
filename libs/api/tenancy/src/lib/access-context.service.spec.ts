import type { AccessContextRepository, MembershipAccessRow, TenantAccessRow } from './access-context.repository';
import { AccessContextService } from './access-context.service';

const MEMBERSHIP: MembershipAccessRow = {
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
  tenant_mfa_policy: 'role_default',
  user_mfa_policy: 'required',
  tenant_sms_otp: false,
};

const TENANT: TenantAccessRow = {
  tenant_name: 'Partner',
  tenant_kind: 'partner',
  tenant_status: 'active',
  client_id: null,
  client_name: null,
};

function serviceReading(rows: { membership?: MembershipAccessRow | null; tenant?: TenantAccessRow | null }) {
  const repository = {
    membership: jest.fn().mockResolvedValue(rows.membership ?? null),
    tenant: jest.fn().mockResolvedValue(rows.tenant ?? null),
  };
  return { service: new AccessContextService(repository as unknown as AccessContextRepository), repository };
}

const KEY = {
  createdBy: 'creator',
  creatorRole: 'partner_admin',
  name: 'CI key',
  tenantId: 't',
  clientId: 'c',
  projectIds: null,
} as const;

describe('AccessContextService', () => {
  describe('session entry', () => {
    it('reads the session’s tenant and client selection, so a client that changed hands drops out', async () => {
      const { service, repository } = serviceReading({ membership: MEMBERSHIP });
      await service.resolve({ userId: 'u', tenantId: 't', selectedClientId: 'c' });
      expect(repository.membership).toHaveBeenCalledWith('u', 't', 'c');
    });

    it('carries the client the database confirmed, and none when it did not', async () => {
      const confirmed = serviceReading({ membership: { ...MEMBERSHIP, client_id: 'c', client_name: 'Client' } });
      expect(await confirmed.service.resolve({ userId: 'u', tenantId: 't', selectedClientId: 'c' })).toMatchObject({
        ok: true,
        context: { client: { id: 'c', name: 'Client' } },
      });
      const dropped = serviceReading({ membership: MEMBERSHIP });
      expect(await dropped.service.resolve({ userId: 'u', tenantId: 't', selectedClientId: 'c' })).toMatchObject({
        ok: true,
        context: { client: null },
      });
    });

    it('always carries the MFA policies and the features it read', async () => {
      const { service } = serviceReading({ membership: { ...MEMBERSHIP, tenant_sms_otp: true } });
      expect(await service.resolve({ userId: 'u', tenantId: null })).toMatchObject({
        ok: true,
        context: {
          kind: 'session',
          mfaPolicy: { tenant: 'role_default', user: 'required' },
          features: { smsOtp: true },
        },
      });
    });

    it('gives a selected scope its project list, empty when it lists none', async () => {
      const { service } = serviceReading({ membership: { ...MEMBERSHIP, project_scope: 'selected' } });
      expect(await service.resolve({ userId: 'u', tenantId: null })).toMatchObject({
        context: { projectScope: { kind: 'selected', projectIds: [] } },
      });
    });

    it.each([
      ['no membership', null, 'no_membership'],
      ['a disabled user', { ...MEMBERSHIP, user_status: 'disabled' }, 'user_disabled'],
      ['a role that is not one of the seven', { ...MEMBERSHIP, role: 'billing_clerk' }, 'role_not_recognised'],
      ['a suspended tenant', { ...MEMBERSHIP, tenant_status: 'suspended' }, 'tenant_suspended'],
      ['a closed tenant', { ...MEMBERSHIP, tenant_status: 'closed' }, 'tenant_suspended'],
    ])('refuses %s as %s', async (_case, membership, refusal) => {
      expect(await serviceReading({ membership }).service.resolve({ userId: 'u', tenantId: null })).toEqual({
        ok: false,
        refusal,
      });
    });
  });

  describe('API key entry', () => {
    it('acts as the creator’s role in the key’s tenant, client and projects, with no MFA policy or features', async () => {
      const { service, repository } = serviceReading({ tenant: { ...TENANT, client_id: 'c', client_name: 'Client' } });
      const resolution = await service.resolveApiKey({ ...KEY, projectIds: ['p'] });
      expect(repository.tenant).toHaveBeenCalledWith('t', 'c');
      expect(resolution).toEqual({
        ok: true,
        context: {
          kind: 'api_key',
          userId: 'creator',
          role: 'partner_admin',
          tenant: { id: 't', name: 'Partner', kind: 'partner', status: 'active' },
          client: { id: 'c', name: 'Client' },
          projectScope: { kind: 'selected', projectIds: ['p'] },
          user: { email: null, displayName: 'CI key' },
        },
      });
    });

    it('drops a client the partner no longer manages, and sees every project without a list', async () => {
      const { service } = serviceReading({ tenant: TENANT });
      expect(await service.resolveApiKey(KEY)).toMatchObject({
        ok: true,
        context: { client: null, projectScope: { kind: 'all' } },
      });
    });

    it.each([
      ['a tenant that is gone', null, 'tenant_unknown'],
      ['a suspended tenant', { ...TENANT, tenant_status: 'suspended' }, 'tenant_suspended'],
    ])('refuses a key of %s as %s', async (_case, tenant, refusal) => {
      expect(await serviceReading({ tenant }).service.resolveApiKey(KEY)).toEqual({ ok: false, refusal });
    });

    it('refuses a key whose creator role is not one of the seven', async () => {
      expect(
        await serviceReading({ tenant: TENANT }).service.resolveApiKey({ ...KEY, creatorRole: 'billing_clerk' }),
      ).toEqual({ ok: false, refusal: 'role_not_recognised' });
    });
  });
});
