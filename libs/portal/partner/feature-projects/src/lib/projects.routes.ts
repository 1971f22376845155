import type { Routes } from '@angular/router';
import { ProjectsPage } from './projects.page';

/** Loaded lazily under `/partner/projects` (partner_admin, partner_user). */
export const PARTNER_PROJECTS_ROUTES: Routes = [{ path: '', component: ProjectsPage, title: 'Projects' }];
