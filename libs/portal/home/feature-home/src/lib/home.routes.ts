import type { Routes } from '@angular/router';
import { AdminHomePage } from './admin-home.page';
import { DashboardPage } from './dashboard.page';

/** Loaded lazily by the portal shell under `/dashboard` (customer and partner roles). */
export const DASHBOARD_ROUTES: Routes = [{ path: '', component: DashboardPage, title: 'Dashboard' }];

/** Loaded lazily by the portal shell under `/admin` (internal roles). */
export const ADMIN_HOME_ROUTES: Routes = [{ path: '', component: AdminHomePage, title: 'Admin' }];
