import { randomUUID } from 'node:crypto';
import type { DataSource, QueryDeepPartialEntity } from 'typeorm';
import { TenantEntity, type TenantFeatureFlags } from '@aidial/api/tenancy';

/** A tenant by id, or by its name (the demo seed's tenants are known by name). */
export type TenantRef = string | { readonly name: string };

export async function findTenantId(ds: DataSource, tenant: TenantRef): Promise<string> {
  if (typeof tenant === 'string') return tenant;
  const row = await ds.getRepository(TenantEntity).findOneBy({ name: tenant.name });
  if (!row) throw new Error(`no tenant named ${tenant.name}`);
  return row.id;
}

/** A new active customer tenant with a unique name; `overrides` set anything else (`{ kind: 'partner' }`). */
export async function aTenant(ds: DataSource, overrides: Partial<TenantEntity> = {}): Promise<TenantEntity> {
  const repository = ds.getRepository(TenantEntity);
  return repository.save(repository.create({ kind: 'customer', name: `Tenant ${randomUUID()}`, ...overrides }));
}

export async function changeTenant(
  ds: DataSource,
  tenant: TenantRef,
  changes: QueryDeepPartialEntity<TenantEntity>,
): Promise<void> {
  await ds.getRepository(TenantEntity).update(await findTenantId(ds, tenant), changes);
}

export const suspendTenant = (ds: DataSource, tenant: TenantRef) => changeTenant(ds, tenant, { status: 'suspended' });
export const reactivateTenant = (ds: DataSource, tenant: TenantRef) => changeTenant(ds, tenant, { status: 'active' });

/** Runs `run` while the tenant has `changes`, then puts back what those columns held before. */
export async function whileTenant<T>(
  ds: DataSource,
  tenant: TenantRef,
  changes: Partial<Pick<TenantEntity, 'status' | 'managingPartnerId' | 'featureFlags' | 'mfaPolicy'>>,
  run: () => Promise<T>,
): Promise<T> {
  const id = await findTenantId(ds, tenant);
  const before = await ds.getRepository(TenantEntity).findOneByOrFail({ id });
  const restore = Object.fromEntries(
    Object.keys(changes).map((column) => [column, before[column as keyof TenantEntity]]),
  );
  await changeTenant(ds, id, changes);
  try {
    return await run();
  } finally {
    await changeTenant(ds, id, restore);
  }
}

/** Merges `flags` into the tenant's feature flags, as the admin API writes them. */
export async function setFeatureFlags(ds: DataSource, tenant: TenantRef, flags: TenantFeatureFlags): Promise<void> {
  const repository = ds.getRepository(TenantEntity);
  const row = await repository.findOneByOrFail({ id: await findTenantId(ds, tenant) });
  await repository.update(row.id, { featureFlags: { ...row.featureFlags, ...flags } });
}
