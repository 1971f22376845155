export { STATUS_ROUTES } from './lib/status.routes';
