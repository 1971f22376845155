import type { Routes } from '@angular/router';
import { AccountPage, type AccountPageData } from './account.page';

const settings: AccountPageData = { heading: 'Settings' };
const profile: AccountPageData = { heading: 'Profile' };

/** Loaded lazily under `/settings` (customer and partner roles; `/settings/**` is the section). */
export const SETTINGS_ROUTES: Routes = [{ path: '', component: AccountPage, title: 'Settings', data: settings }];

/** Loaded lazily under `/admin/profile` (internal roles). */
export const ADMIN_PROFILE_ROUTES: Routes = [{ path: '', component: AccountPage, title: 'Profile', data: profile }];
