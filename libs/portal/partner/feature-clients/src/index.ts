export { PARTNER_CLIENTS_ROUTES } from './lib/clients.routes';
