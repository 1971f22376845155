import { DOCUMENT } from '@angular/common';
import { InjectionToken, inject } from '@angular/core';

/**
 * Leaves the portal for another origin (the identity provider's sign-in and sign-out pages) with a full page load.
 * A token so that tests can see where the portal went instead of leaving the test page.
 */
export const BROWSER_LOCATION = new InjectionToken<Pick<Location, 'assign'>>('BROWSER_LOCATION', {
  providedIn: 'root',
  factory: () => inject(DOCUMENT).location,
});
