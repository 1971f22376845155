import type { Routes } from '@angular/router';
import { redirectToHome, sectionGuard, signedInGuard } from '@aidial/portal/core';

/**
 * Two public pages, and everything else behind a session inside the shell. Each section's route is matched only for
 * the roles the access matrix lets in (`sectionGuard`); others fall through to the not-found page.
 */
export const appRoutes: Routes = [
  {
    path: 'sign-in',
    loadChildren: () => import('@aidial/portal/auth/feature-sign-in').then((m) => m.SIGN_IN_ROUTES),
  },
  {
    path: 'access-denied',
    loadChildren: () => import('@aidial/portal/auth/feature-sign-in').then((m) => m.ACCESS_DENIED_ROUTES),
  },
  {
    path: '',
    canMatch: [signedInGuard],
    loadComponent: () => import('./layout/portal-layout').then((m) => m.PortalLayout),
    children: [
      { path: '', pathMatch: 'full', redirectTo: redirectToHome },
      {
        path: 'dashboard',
        canMatch: [sectionGuard],
        loadChildren: () => import('@aidial/portal/home/feature-home').then((m) => m.DASHBOARD_ROUTES),
      },
      {
        path: 'admin',
        canMatch: [sectionGuard],
        loadChildren: () => import('@aidial/portal/home/feature-home').then((m) => m.ADMIN_HOME_ROUTES),
      },
      {
        path: 'status',
        canMatch: [sectionGuard],
        loadChildren: () => import('@aidial/portal/status/feature-status').then((m) => m.STATUS_ROUTES),
      },
      {
        path: '**',
        title: 'Page not found',
        loadComponent: () => import('./not-found/not-found.page').then((m) => m.NotFoundPage),
      },
    ],
  },
];
