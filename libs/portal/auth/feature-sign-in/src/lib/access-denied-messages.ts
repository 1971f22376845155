import type { AccessDeniedReason } from '@aidial/portal/core';

/** One variant of the access-denied page: what happened, and what to do next (spec/02, "Common Access Issues"). */
export interface AccessDeniedExplanation {
  readonly title: string;
  readonly what: string;
  readonly next: string;
}

export const ACCESS_DENIED_EXPLANATIONS: Readonly<Record<AccessDeniedReason, AccessDeniedExplanation>> = {
  no_membership: {
    title: 'You are not a member of an organisation yet',
    what: 'Your account signed in, but no organisation in the AiDial portal has added you yet, so there is nothing to show you.',
    next: 'Ask your organisation’s administrator to invite you from Team. Once they have, sign in again with the same email address.',
  },
  role_not_recognised: {
    title: 'Your role is not recognised',
    what: 'Your account signed in, but the AiDial portal does not recognise the role assigned to it, so it cannot show you any page.',
    next: 'Contact your organisation’s administrator or AiDial support to verify your role assignment.',
  },
  tenant_suspended: {
    title: 'Your organisation’s account is not active',
    what: 'Your organisation’s account has been suspended or is otherwise not active. Portal access is only available for active accounts.',
    next: 'Contact your AiDial account manager or AiDial support for assistance.',
  },
  session_validation_unavailable: {
    title: 'We could not validate your session',
    what: 'The portal could not confirm your role and organisation right now, so it cannot let you in.',
    next: 'Try signing in again shortly. If the issue persists, contact AiDial support.',
  },
};

/** For an address without a reason the page knows (typed by hand, or from an older link). */
export const GENERIC_ACCESS_DENIED: AccessDeniedExplanation = {
  title: 'You do not have access',
  what: 'Your account cannot open the AiDial portal.',
  next: 'Contact your organisation’s administrator or AiDial support.',
};

export const AIDIAL_SUPPORT_EMAIL = 'help@aidial.com.au';
