export { SUPPORT_ROUTES } from './lib/support.routes';
