import type { PortalSession } from './session.store';

/** What the portal shows for a value the identity provider did not share (spec/02: "Unavailable"). */
export const UNAVAILABLE = 'Unavailable';

export function displayNameOf(session: PortalSession): string {
  return session.user.display_name?.trim() || UNAVAILABLE;
}
