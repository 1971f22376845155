import type { Routes } from '@angular/router';
import { PlatformSectionPage, type PlatformSectionData } from './platform-section.page';
import { PLATFORM_SECTIONS, type PlatformSectionKey } from './platform-sections';
import { BillingPage } from './billing.page';
import { CallsPage } from './calls.page';
import { CampaignsPage } from './campaigns.page';
import { CapacityPage } from './capacity.page';

function pageOf(key: PlatformSectionKey, path = '') {
  const data: PlatformSectionData = { platformSection: key };
  return { path, component: PlatformSectionPage, title: PLATFORM_SECTIONS[key].heading, data };
}

// Loaded lazily by the portal shell, whose `sectionGuard` decides who may open each path. Sections the API's proxy
// serves show the AiDial platform's data; the others keep the "Not connected yet" state until a proxy route exists.
export const CALLS_ROUTES: Routes = [{ path: '', component: CallsPage, title: 'Calls' }];
export const BILLING_ROUTES: Routes = [{ path: '', component: BillingPage, title: 'Billing' }];
/** `/compliance`, and its administrator subpages under `/compliance/admin` (client_admin only, by the matrix). */
export const COMPLIANCE_ROUTES: Routes = [pageOf('compliance'), pageOf('compliance_admin', 'admin')];
export const CAMPAIGNS_ROUTES: Routes = [{ path: '', component: CampaignsPage, title: 'Outbound Campaigns' }];
export const CAPACITY_ROUTES: Routes = [{ path: '', component: CapacityPage, title: 'Capacity' }];
export const ADMIN_CAPACITY_ROUTES: Routes = [{ path: '', component: CapacityPage, title: 'Capacity' }];
export const INCIDENTS_ROUTES: Routes = [pageOf('incidents')];
export const DISCOUNTS_ROUTES: Routes = [pageOf('discounts')];
export const ADJUSTMENTS_ROUTES: Routes = [pageOf('adjustments')];
