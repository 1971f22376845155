import type { SessionSummaryDto } from '@aidial/portal/api-client';

/**
 * Where a session that must use MFA and is not compliant is sent from `path`, or null when it may open it
 * (spec/02 "MFA Required", spec/03): its remediation page (`/settings` for customer and partner roles,
 * `/admin/profile` for internal roles) and everything under it, and Support (MFA-exempt at the API, so a person can
 * still ask for help) stay open; every other page sends it to the remediation page. No grace period. An optional
 * policy, or a compliant session, is never redirected. Navigation is not a security boundary: the API refuses the
 * same pages with 403 `mfa_required`.
 */
export function mfaRemediationRedirect(session: Pick<SessionSummaryDto, 'mfa'>, path: string): string | null {
  const mfa = session.mfa;
  if (!mfa || mfa.compliant || mfa.policy !== 'required') return null;
  const remediation = mfa.remediation_path;
  const open = [remediation, ...MFA_EXEMPT_PAGES];
  return open.some((page) => path === page || path.startsWith(`${page}/`)) ? null : remediation;
}

/** Pages open whatever the MFA state, besides the remediation page: Support (its API is MFA-exempt). */
const MFA_EXEMPT_PAGES = ['/support'] as const;
