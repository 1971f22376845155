import { type Role, isRole, roleLabel } from '@aidial/shared/access';
import type { Confirmation } from './confirm-dialog';

/**
 * What a person holding each role can do, as a confirmation says it ("They will be able to …"); docs/guide/
 * roles-and-access.md says the same at length.
 */
export const ROLE_ABILITIES: Readonly<Record<Role, string>> = {
  client_admin:
    'invite, change, remove and sign out members of the team, and open Billing, Compliance administration and the Audit Log',
  client_manager: 'open Billing, Compliance and the Audit Log, and see the team without changing it',
  client_staff: 'open the Dashboard, Calls and Support, but not Billing, Compliance, the Audit Log or the Team',
  partner_admin:
    'manage the Partner Team and API keys and open the Billing of every client; they must sign in with a second factor',
  partner_user: "work across the partner's clients, and see the Partner Team and API keys without changing them",
  aidial_admin:
    'manage tenants, users and their roles, security policy and money in the admin area; they must sign in with a second factor',
  aidial_operator:
    'run the service day to day in the admin area and read everything there; they must sign in with a second factor',
};

/** "a Client Administrator", "Client Staff" (a group, with no article), "an AiDial Operator". */
export function roleWithArticle(role: Role): string {
  const label = roleLabel(role);
  if (role === 'client_staff') return label;
  return /^[AEIOU]/.test(label) ? `an ${label}` : `a ${label}`;
}

export interface RoleChangeFacts {
  /** The person's name (or email) as the page shows it. */
  readonly person: string;
  /** The organisation the membership is in: "Acme Health". */
  readonly organisation: string;
  /** The role held now, as stored: possibly one the portal does not recognise. */
  readonly from: string;
  readonly to: Role;
}

/**
 * The question a role change asks before it is made: the person, their current role and the new one in words, what the
 * new role allows, and that their sessions in the organisation end (the API does that with every role change).
 */
export function roleChangeConfirmation({ person, organisation, from, to }: RoleChangeFacts): Confirmation {
  const now = isRole(from)
    ? `${person} is ${roleWithArticle(from)} now.`
    : `${person}'s current role is not one the portal recognises, so they cannot use the portal now.`;
  return {
    title: `Make ${person} ${roleWithArticle(to)}?`,
    message:
      `${now} As ${roleWithArticle(to)} they will be able to ${ROLE_ABILITIES[to]}. ` +
      `They are signed out of ${organisation} at once and sign in again with the new role.`,
    confirm: `Make ${roleLabel(to)}`,
  };
}

/** What the status line says once the change is made. */
export function roleChangedMessage({ person, organisation, to }: Omit<RoleChangeFacts, 'from'>): string {
  return `${person} is now ${roleWithArticle(to)} in ${organisation}. Any sessions they had there ended.`;
}
