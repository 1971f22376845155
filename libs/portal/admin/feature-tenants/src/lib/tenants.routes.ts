import type { Routes } from '@angular/router';
import { TenantDetailPage } from './tenant-detail.page';
import { TenantsPage } from './tenants.page';

/** Loaded lazily under `/admin/tenants` (the admin section: aidial_admin, aidial_operator). */
export const ADMIN_TENANTS_ROUTES: Routes = [
  { path: '', component: TenantsPage, title: 'Tenants' },
  { path: ':id', component: TenantDetailPage, title: 'Tenant' },
];
