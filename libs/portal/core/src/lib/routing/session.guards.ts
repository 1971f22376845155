import { inject } from '@angular/core';
import { type CanMatchFn, RedirectCommand, type RedirectFunction, Router, type UrlSegment } from '@angular/router';
import { decideRoute, homePathFor } from '@aidial/shared/access';
import { SessionStore } from '../session/session.store';
import { refusalDestination } from './access-refusal';
import { mfaRemediationRedirect } from './mfa-remediation';
import { SIGN_IN_PATH } from './portal-paths';

/**
 * Lets a route match only with a session. Without one, sends the browser where the refusal says: the sign-in page
 * with the address asked for as its return path (401), or the access-denied page (403, 503).
 */
export const signedInGuard: CanMatchFn = async () => {
  const router = inject(Router);
  const check = await inject(SessionStore).ensureLoaded();
  if (check.kind === 'signed-in') return true;
  const navigation = router.currentNavigation();
  const askedFor = router.serializeUrl(navigation?.extractedUrl ?? navigation?.initialUrl ?? router.parseUrl('/'));
  const { target, options } = refusalDestination(router, check.refusal, askedFor, undefined);
  return new RedirectCommand(target, options);
};

/**
 * Applies the route-access matrix (`decideRoute`) to a section's route: the route matches for a role that may open
 * it; internal roles are sent to the admin home from customer and partner routes; anyone else falls through to the
 * not-found page, as for an address that does not exist (DESIGN.md §5: a recognised role outside a section sees not
 * found). A session whose mandatory MFA is not compliant is then sent to its remediation page from every page but
 * that one and Support (`mfaRemediationRedirect`). Put it on the shell's direct children, after `signedInGuard` on the shell: `segments` is then the whole path.
 */
export const sectionGuard: CanMatchFn = (_route, segments) => {
  const session = inject(SessionStore).session();
  if (!session) return false;
  const path = pathOf(segments);
  const decision = decideRoute(session.role, path);
  switch (decision.kind) {
    case 'allow': {
      // A mandatory-MFA session that is not compliant reaches only its remediation page and Support.
      const remediation = mfaRemediationRedirect(session, path);
      return remediation ? inject(Router).parseUrl(remediation) : true;
    }
    case 'redirect':
      return inject(Router).parseUrl(decision.to);
    case 'not_found':
      return false;
  }
};

/** The portal root: the signed-in role's home (`/dashboard`, or `/admin` for internal roles). */
export const redirectToHome: RedirectFunction = () => {
  const role = inject(SessionStore).role();
  return role ? homePathFor(role) : SIGN_IN_PATH;
};

function pathOf(segments: readonly UrlSegment[]): string {
  return `/${segments.map((segment) => segment.path).join('/')}`;
}
