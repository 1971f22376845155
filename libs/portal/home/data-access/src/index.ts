// The home pages' signal stores over the generated client: the Dashboard's, and the admin home's.
export { type DashboardState, DashboardStore } from './lib/dashboard.store';
export { AdminOverviewStore } from './lib/admin-overview.store';
