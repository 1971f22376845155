// The Team and Partner Team signal store over the generated client.
export { TEAM_KIND, TEAM_MANAGE_ACTION, type TeamKind, type TeamState, TeamStore } from './lib/team.store';
