export { PARTNER_TEAM_ROUTES, TEAM_ROUTES } from './lib/team.routes';
