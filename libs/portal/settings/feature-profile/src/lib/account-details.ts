import { type PortalSession, UNAVAILABLE, displayNameOf } from '@aidial/portal/core';
import type { AccountDetails } from '@aidial/portal/shared/ui';

/** The identity provider's `amr` values, in words. */
const METHOD_NAMES: Readonly<Record<string, string>> = {
  pwd: 'password',
  otp: 'one-time code',
  user: 'user verification',
  mfa: 'multi-factor',
};

/** "Password and one-time code (multi-factor)", "Password (single factor)". */
export function signInMethodOf(session: PortalSession): string {
  const methods = session.sign_in.amr.filter((amr) => amr !== 'mfa').map((amr) => METHOD_NAMES[amr] ?? amr);
  const factors = session.sign_in.multi_factor ? 'multi-factor' : 'single factor';
  if (methods.length === 0) return `Not reported by the identity provider (${factors})`;
  const listed = methods.join(' and ');
  return `${listed.charAt(0).toUpperCase()}${listed.slice(1)} (${factors})`;
}

/** The account summary of Settings and the admin Profile, from the session the API returned. */
export function accountDetailsOf(session: PortalSession): AccountDetails {
  return {
    name: displayNameOf(session),
    email: session.user.email?.trim() || UNAVAILABLE,
    role: session.role,
    organisation: session.tenant.name,
    signInMethod: signInMethodOf(session),
    signedInAt: session.sign_in.authenticated_at,
  };
}
