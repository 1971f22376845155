export { ADMIN_TENANTS_ROUTES } from './lib/tenants.routes';
