export { ADMIN_USERS_ROUTES } from './lib/users.routes';
