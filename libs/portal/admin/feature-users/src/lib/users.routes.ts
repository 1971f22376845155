import type { Routes } from '@angular/router';
import { UserDetailPage } from './user-detail.page';
import { UsersPage } from './users.page';

/** Loaded lazily under `/admin/users` (the admin section: aidial_admin, aidial_operator). */
export const ADMIN_USERS_ROUTES: Routes = [
  { path: '', component: UsersPage, title: 'Users' },
  { path: ':id', component: UserDetailPage, title: 'User' },
];
