import type { Routes } from '@angular/router';
import { StatusPage } from './status.page';

/** Loaded lazily by the portal shell under `/status`. */
export const STATUS_ROUTES: Routes = [{ path: '', component: StatusPage, title: 'Status' }];
