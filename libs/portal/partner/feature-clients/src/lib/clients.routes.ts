import type { Routes } from '@angular/router';
import { ClientsPage } from './clients.page';

/** Loaded lazily under `/partner/clients` (partner_admin, partner_user). */
export const PARTNER_CLIENTS_ROUTES: Routes = [{ path: '', component: ClientsPage, title: 'Clients' }];
