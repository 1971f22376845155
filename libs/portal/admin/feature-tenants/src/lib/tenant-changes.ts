import type { AdminTenantDetailDto, MfaPolicy } from '@aidial/portal/api-client';
import { type Confirmation, sessionsEndedMessage } from '@aidial/portal/shared/ui';

/**
 * What each change of the tenant page asks before it is made, and what the page says once it is: the consequences the
 * API really has (libs/api/tenancy AdminTenantsService, the access-context resolver, the SMS gate), in words.
 */
type Tenant = Pick<AdminTenantDetailDto, 'name' | 'kind' | 'member_count' | 'managing_partner'>;

/** Who may add SMS codes in a tenant of this kind (spec/05: client_admin and partner_admin only). */
function smsEligible(tenant: Tenant): string {
  return tenant.kind === 'partner' ? 'Partner Administrators' : 'Client Administrators';
}

function signedOut(tenant: Tenant): string {
  if (tenant.member_count === 0) return `${tenant.name} has no members yet; nobody can sign in to it`;
  if (tenant.member_count === 1) return 'Its one member is signed out at once and cannot sign in again';
  return `All ${tenant.member_count} of its members are signed out at once and cannot sign in again`;
}

export function suspensionConfirmation(tenant: Tenant): Confirmation {
  const others =
    tenant.kind === 'partner'
      ? ' Its API keys are refused too. The clients it manages stay active.'
      : tenant.managing_partner
        ? ` ${tenant.managing_partner.name} can no longer select it as a client.`
        : '';
  return {
    title: `Suspend ${tenant.name}?`,
    message: `${signedOut(tenant)} until you reactivate it.${others} Nothing is deleted.`,
    confirm: 'Suspend tenant',
    destructive: true,
  };
}

export function suspendedMessage(tenant: Pick<Tenant, 'name'>, sessionsEnded: number): string {
  return `${tenant.name} is suspended. ${sessionsEndedMessage(sessionsEnded)} Its members cannot sign in until it is reactivated.`;
}

export function reactivationConfirmation(tenant: Tenant): Confirmation {
  const others =
    tenant.kind === 'partner'
      ? ' Its API keys work again.'
      : tenant.managing_partner
        ? ` ${tenant.managing_partner.name} can select it as a client again.`
        : '';
  return {
    title: `Reactivate ${tenant.name}?`,
    message: `Its members can sign in again.${others} Sessions that the suspension ended stay ended.`,
    confirm: 'Reactivate tenant',
  };
}

export function reactivatedMessage(tenant: Pick<Tenant, 'name'>): string {
  return `${tenant.name} is active again: its members can sign in.`;
}

export function smsOtpConfirmation(tenant: Tenant, enabled: boolean): Confirmation {
  return enabled
    ? {
        title: `Allow SMS one-time codes in ${tenant.name}?`,
        message:
          `Its ${smsEligible(tenant)} can then add an Australian mobile number as a second factor, from their ` +
          'Profile. The identity provider keeps the number and sends the codes; the portal keeps no number.',
        confirm: 'Allow SMS codes',
      }
    : {
        title: `Stop SMS one-time codes in ${tenant.name}?`,
        message:
          `Its ${smsEligible(tenant)} can no longer add a mobile number as a second factor. Anyone who has added one ` +
          'keeps it: the identity provider still sends them codes at sign-in until they remove it.',
        confirm: 'Stop SMS codes',
        destructive: true,
      };
}

export function smsOtpChangedMessage(tenant: Tenant, enabled: boolean): string {
  return enabled
    ? `SMS one-time codes are allowed in ${tenant.name}: its ${smsEligible(tenant)} can add them from their Profile.`
    : `SMS one-time codes are no longer offered in ${tenant.name}. Numbers already added still work at sign-in.`;
}

export function mfaPolicyConfirmation(tenant: Tenant, policy: MfaPolicy): Confirmation {
  return policy === 'required'
    ? {
        title: `Require MFA for every member of ${tenant.name}?`,
        message:
          'From their next request, members who did not sign in with a second factor are sent to their Profile to ' +
          'set one up or to sign in again with it, and can open nothing else until they do.',
        confirm: 'Require MFA',
      }
    : {
        title: `Let each role decide MFA in ${tenant.name}?`,
        message:
          'MFA stays required for Partner Administrators, AiDial staff and anyone whose own account requires it. ' +
          'Other members may use the portal after signing in with a password alone, from their next request.',
        confirm: 'Use each role’s rule',
      };
}

export function mfaPolicyChangedMessage(tenant: Tenant, policy: MfaPolicy): string {
  return policy === 'required'
    ? `MFA is now required for every member of ${tenant.name}.`
    : `${tenant.name} now follows each role’s MFA rule.`;
}
