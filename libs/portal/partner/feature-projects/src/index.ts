export { PARTNER_PROJECTS_ROUTES } from './lib/projects.routes';
