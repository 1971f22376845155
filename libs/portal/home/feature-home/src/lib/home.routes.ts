import type { Routes } from '@angular/router';
import { DashboardPage } from './dashboard.page';
import { AdminHomePage } from './home.pages';

/** Loaded lazily by the portal shell under `/dashboard` (customer and partner roles). */
export const DASHBOARD_ROUTES: Routes = [{ path: '', component: DashboardPage, title: 'Dashboard' }];

/** Loaded lazily by the portal shell under `/admin` (internal roles). */
export const ADMIN_HOME_ROUTES: Routes = [{ path: '', component: AdminHomePage, title: 'Admin' }];
