import type { Routes } from '@angular/router';
import { SupportPage } from './support.page';

/** Loaded lazily by the portal shell under `/support`. */
export const SUPPORT_ROUTES: Routes = [{ path: '', component: SupportPage, title: 'Support' }];
