import type { Routes } from '@angular/router';
import { AccessDeniedPage } from './access-denied.page';
import { SignInPage } from './sign-in.page';

/** Loaded lazily by the portal under `/sign-in`; public, outside the signed-in shell. */
export const SIGN_IN_ROUTES: Routes = [{ path: '', component: SignInPage, title: 'Sign in' }];

/** Loaded lazily by the portal under `/access-denied`; public, outside the signed-in shell. */
export const ACCESS_DENIED_ROUTES: Routes = [{ path: '', component: AccessDeniedPage, title: 'Access denied' }];
