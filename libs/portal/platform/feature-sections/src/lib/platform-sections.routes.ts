import type { Routes } from '@angular/router';
import { AdjustmentsPage } from './adjustments.page';
import { BillingPage } from './billing.page';
import { CallsPage } from './calls.page';
import { CampaignsPage } from './campaigns.page';
import { CapacityPage } from './capacity.page';
import { ComplianceAdminPage } from './compliance-admin.page';
import { CompliancePage } from './compliance.page';
import { DiscountsPage } from './discounts.page';
import { IncidentsPage } from './incidents.page';

// Loaded lazily by the portal shell, whose `sectionGuard` decides who may open each path. Every page shows the AiDial
// platform's data through the API's proxy, and says so honestly when the platform is not answering.
export const CALLS_ROUTES: Routes = [{ path: '', component: CallsPage, title: 'Calls' }];
export const BILLING_ROUTES: Routes = [{ path: '', component: BillingPage, title: 'Billing' }];
/** `/compliance`, and its administrator subpages under `/compliance/admin` (client_admin only, by the matrix). */
export const COMPLIANCE_ROUTES: Routes = [
  { path: '', component: CompliancePage, title: 'Compliance' },
  { path: 'admin', component: ComplianceAdminPage, title: 'Compliance administration' },
];
export const CAMPAIGNS_ROUTES: Routes = [{ path: '', component: CampaignsPage, title: 'Outbound Campaigns' }];
export const CAPACITY_ROUTES: Routes = [{ path: '', component: CapacityPage, title: 'Capacity' }];
export const ADMIN_CAPACITY_ROUTES: Routes = [{ path: '', component: CapacityPage, title: 'Capacity' }];
export const INCIDENTS_ROUTES: Routes = [{ path: '', component: IncidentsPage, title: 'Incidents' }];
export const DISCOUNTS_ROUTES: Routes = [{ path: '', component: DiscountsPage, title: 'Discounts' }];
export const ADJUSTMENTS_ROUTES: Routes = [{ path: '', component: AdjustmentsPage, title: 'Adjustments' }];
