// The Dashboard's signal store over the generated client.
export { type DashboardState, DashboardStore } from './lib/dashboard.store';
