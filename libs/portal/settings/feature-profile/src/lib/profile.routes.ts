import type { Routes } from '@angular/router';
import { SessionsStore } from '@aidial/portal/settings/data-access';
import { ProfilePage } from './profile.page';
import { SessionsPage } from './sessions.page';
import { SettingsFrame, type SettingsFrameData } from './settings-frame';

/** The sections of Settings and of the admin Profile: the profile (the default, spec/04) and the sessions. */
function sectionsUnder(heading: string, basePath: string): Routes {
  const frame: SettingsFrameData = { heading, basePath };
  return [
    {
      path: '',
      component: SettingsFrame,
      data: frame,
      children: [
        { path: '', component: ProfilePage, title: heading },
        { path: 'sessions', component: SessionsPage, title: `Sessions · ${heading}`, providers: [SessionsStore] },
      ],
    },
  ];
}

/** Loaded lazily under `/settings` (customer and partner roles; `/settings/**` is the section). */
export const SETTINGS_ROUTES: Routes = sectionsUnder('Settings', '/settings');

/** Loaded lazily under `/admin/profile` (internal roles; `/admin/**` is the section). */
export const ADMIN_PROFILE_ROUTES: Routes = sectionsUnder('Profile', '/admin/profile');
