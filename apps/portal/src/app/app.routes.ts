import type { Routes } from '@angular/router';

export const appRoutes: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'status' },
  { path: 'status', loadChildren: () => import('@aidial/portal/status/feature-status').then((m) => m.STATUS_ROUTES) },
  {
    path: '**',
    title: 'Page not found',
    loadComponent: () => import('./not-found/not-found.page').then((m) => m.NotFoundPage),
  },
];
