import type { Routes } from '@angular/router';
import { IntegrationsPage } from './integrations.page';

/** Loaded lazily under `/integrations` and `/admin/integrations`. */
export const INTEGRATIONS_ROUTES: Routes = [{ path: '', component: IntegrationsPage, title: 'Integrations' }];
