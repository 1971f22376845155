export { INTEGRATIONS_ROUTES } from './lib/integrations.routes';
