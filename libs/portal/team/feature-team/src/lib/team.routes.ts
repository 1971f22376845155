import type { Routes } from '@angular/router';
import { TEAM_KIND, TeamStore } from '@aidial/portal/team/data-access';
import { TeamPage, type TeamPageData } from './team.page';

const team: TeamPageData = { heading: 'Team', manager: 'a client administrator' };
const partnerTeam: TeamPageData = { heading: 'Partner Team', manager: 'a partner administrator' };

/** Loaded lazily under `/team` (client_admin manages; client_manager reads). */
export const TEAM_ROUTES: Routes = [
  {
    path: '',
    component: TeamPage,
    title: 'Team',
    data: team,
    providers: [{ provide: TEAM_KIND, useValue: 'team' }, TeamStore],
  },
];

/** Loaded lazily under `/partner/team` (partner_admin manages; partner_user reads). */
export const PARTNER_TEAM_ROUTES: Routes = [
  {
    path: '',
    component: TeamPage,
    title: 'Partner Team',
    data: partnerTeam,
    providers: [{ provide: TEAM_KIND, useValue: 'partner_team' }, TeamStore],
  },
];
