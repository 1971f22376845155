export { ADMIN_PROFILE_ROUTES, SETTINGS_ROUTES } from './lib/profile.routes';
