import type { Routes } from '@angular/router';
import { redirectToHome, sectionGuard, signedInGuard } from '@aidial/portal/core';

/**
 * Two public pages, and everything else behind a session inside the shell. Each section's route is matched only for
 * the roles the access matrix lets in (`sectionGuard`, on the shell's direct children, so it judges the whole path:
 * `/compliance/admin/…` by the Compliance administrator entry, `/admin/audit-log` by the Audit Log entry); others fall
 * through to the not-found page, and internal roles are sent to `/admin` from customer and partner routes.
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
      // Customer and partner sections.
      {
        path: 'dashboard',
        canMatch: [sectionGuard],
        loadChildren: () => import('@aidial/portal/home/feature-home').then((m) => m.DASHBOARD_ROUTES),
      },
      {
        path: 'calls',
        canMatch: [sectionGuard],
        loadChildren: () => import('@aidial/portal/platform/feature-sections').then((m) => m.CALLS_ROUTES),
      },
      {
        path: 'billing',
        canMatch: [sectionGuard],
        loadChildren: () => import('@aidial/portal/platform/feature-sections').then((m) => m.BILLING_ROUTES),
      },
      {
        path: 'compliance',
        canMatch: [sectionGuard],
        loadChildren: () => import('@aidial/portal/platform/feature-sections').then((m) => m.COMPLIANCE_ROUTES),
      },
      {
        path: 'audit-log',
        canMatch: [sectionGuard],
        loadChildren: () => import('@aidial/portal/audit/feature-audit-log').then((m) => m.AUDIT_LOG_ROUTES),
      },
      {
        path: 'partner',
        canMatch: [sectionGuard],
        children: [
          {
            path: 'clients',
            loadChildren: () => import('@aidial/portal/partner/feature-clients').then((m) => m.PARTNER_CLIENTS_ROUTES),
          },
          {
            path: 'projects',
            loadChildren: () =>
              import('@aidial/portal/partner/feature-projects').then((m) => m.PARTNER_PROJECTS_ROUTES),
          },
          {
            path: 'campaigns',
            loadChildren: () => import('@aidial/portal/platform/feature-sections').then((m) => m.CAMPAIGNS_ROUTES),
          },
          {
            path: 'team',
            loadChildren: () => import('@aidial/portal/team/feature-team').then((m) => m.PARTNER_TEAM_ROUTES),
          },
        ],
      },
      {
        path: 'integrations',
        canMatch: [sectionGuard],
        loadChildren: () =>
          import('@aidial/portal/integrations/feature-integrations').then((m) => m.INTEGRATIONS_ROUTES),
      },
      {
        path: 'capacity',
        canMatch: [sectionGuard],
        loadChildren: () => import('@aidial/portal/platform/feature-sections').then((m) => m.CAPACITY_ROUTES),
      },
      {
        path: 'team',
        canMatch: [sectionGuard],
        loadChildren: () => import('@aidial/portal/team/feature-team').then((m) => m.TEAM_ROUTES),
      },
      {
        path: 'support',
        canMatch: [sectionGuard],
        loadChildren: () => import('@aidial/portal/support/feature-support').then((m) => m.SUPPORT_ROUTES),
      },
      {
        path: 'settings',
        canMatch: [sectionGuard],
        loadChildren: () => import('@aidial/portal/settings/feature-profile').then((m) => m.SETTINGS_ROUTES),
      },
      // Open to all seven roles.
      {
        path: 'status',
        canMatch: [sectionGuard],
        loadChildren: () => import('@aidial/portal/status/feature-status').then((m) => m.STATUS_ROUTES),
      },
      // The internal admin area.
      {
        path: 'admin',
        canMatch: [sectionGuard],
        children: [
          {
            path: '',
            pathMatch: 'full',
            loadChildren: () => import('@aidial/portal/home/feature-home').then((m) => m.ADMIN_HOME_ROUTES),
          },
          {
            path: 'tenants',
            loadChildren: () => import('@aidial/portal/admin/feature-tenants').then((m) => m.ADMIN_TENANTS_ROUTES),
          },
          {
            path: 'users',
            loadChildren: () => import('@aidial/portal/admin/feature-users').then((m) => m.ADMIN_USERS_ROUTES),
          },
          {
            path: 'incidents',
            loadChildren: () => import('@aidial/portal/platform/feature-sections').then((m) => m.INCIDENTS_ROUTES),
          },
          {
            path: 'discounts',
            loadChildren: () => import('@aidial/portal/platform/feature-sections').then((m) => m.DISCOUNTS_ROUTES),
          },
          {
            path: 'adjustments',
            loadChildren: () => import('@aidial/portal/platform/feature-sections').then((m) => m.ADJUSTMENTS_ROUTES),
          },
          {
            path: 'capacity',
            loadChildren: () => import('@aidial/portal/platform/feature-sections').then((m) => m.ADMIN_CAPACITY_ROUTES),
          },
          {
            path: 'integrations',
            loadChildren: () =>
              import('@aidial/portal/integrations/feature-integrations').then((m) => m.INTEGRATIONS_ROUTES),
          },
          {
            path: 'audit-log',
            loadChildren: () => import('@aidial/portal/audit/feature-audit-log').then((m) => m.AUDIT_LOG_ROUTES),
          },
          {
            path: 'status',
            loadChildren: () => import('@aidial/portal/status/feature-status').then((m) => m.STATUS_ROUTES),
          },
          {
            path: 'profile',
            loadChildren: () => import('@aidial/portal/settings/feature-profile').then((m) => m.ADMIN_PROFILE_ROUTES),
          },
        ],
      },
      {
        path: '**',
        title: 'Page not found',
        loadComponent: () => import('./not-found/not-found.page').then((m) => m.NotFoundPage),
      },
    ],
  },
];
