export { ADMIN_HOME_ROUTES, DASHBOARD_ROUTES } from './lib/home.routes';
