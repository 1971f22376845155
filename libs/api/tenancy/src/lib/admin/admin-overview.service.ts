import { Injectable } from '@nestjs/common';
import { ReadinessChecks } from '@aidial/api/core';
import { buildMfaSnapshot } from '@aidial/api/mfa';
import { ZitadelClient } from '@aidial/api/zitadel';
import { type MfaRequiredBy, isRole, mfaPolicyFor } from '@aidial/shared/access';
import { TENANT_STATUSES, type TenantStatus } from '../entities/tenant.entity';
import { AdminOverviewRepository, type MandatoryMfaMemberRow } from './admin-overview.repository';

/** The most members whose enrolment one overview asks the identity provider about. */
export const MFA_MEMBERS_CHECKED = 200;
/** Questions to the identity provider in flight at once. */
const PROVIDER_CONCURRENCY = 5;

/** Why a member of a mandatory-MFA role is listed: no second factor at the provider, or it could not say. */
export type MfaShortfall = 'no_second_factor' | 'enrolment_unknown';

export interface MfaAttentionMember {
  readonly userId: string;
  readonly name: string | null;
  readonly email: string | null;
  readonly tenant: { readonly id: string; readonly name: string };
  readonly role: string;
  readonly requiredBy: MfaRequiredBy;
  readonly shortfall: MfaShortfall;
}

export interface AdminOverview {
  readonly tenantsByStatus: ReadonlyArray<{ readonly status: TenantStatus; readonly count: number }>;
  readonly mfa: {
    readonly checked: number;
    /** More members have mandatory MFA than one overview checks ({@link MFA_MEMBERS_CHECKED}). */
    readonly truncated: boolean;
    readonly members: readonly MfaAttentionMember[];
  };
  readonly identityProvider: 'up' | 'down' | 'unknown';
}

/**
 * The internal team's overview (the admin home): tenants by status; members whose MFA is mandatory and who have no
 * second factor at the identity provider (asked now, as at sign-in: buildMfaSnapshot's rule); the identity provider's
 * state as the readiness probe reports it. Recent security events come from the audit log's own endpoint and the
 * platform's state from a proxied read, both asked by the portal (the audit module depends on this one, not the
 * reverse).
 */
@Injectable()
export class AdminOverviewService {
  constructor(
    private readonly overview: AdminOverviewRepository,
    private readonly zitadel: ZitadelClient,
    private readonly readiness: ReadinessChecks,
  ) {}

  async get(): Promise<AdminOverview> {
    const [counts, rows] = await Promise.all([
      this.overview.tenantCounts(),
      this.overview.mandatoryMfaMembers(MFA_MEMBERS_CHECKED + 1),
    ]);
    const checked = rows.slice(0, MFA_MEMBERS_CHECKED);
    const shortfalls = await inBatches(checked, PROVIDER_CONCURRENCY, (row) => this.shortfallOf(row));
    const members = checked.flatMap((row, index) => {
      const shortfall = shortfalls[index];
      const requiredBy = requiredByOf(row);
      return shortfall && requiredBy ? [memberOf(row, requiredBy, shortfall)] : [];
    });
    const provider = this.readiness.current().find((check) => check.name === 'identity_provider');
    return {
      tenantsByStatus: TENANT_STATUSES.map((status) => ({
        status,
        count: counts.find((row) => row.status === status)?.count ?? 0,
      })),
      mfa: { checked: checked.length, truncated: rows.length > MFA_MEMBERS_CHECKED, members },
      identityProvider: provider?.state.status ?? 'unknown',
    };
  }

  /** Null when the member has a second factor; the provider is asked as at sign-in. */
  private async shortfallOf(row: MandatoryMfaMemberRow): Promise<MfaShortfall | null> {
    const methods = await this.zitadel.authenticationMethods(row.idp_subject).catch(() => null);
    const { enrolment } = buildMfaSnapshot({ amr: [], methods, session: { kind: 'absent' }, now: new Date() });
    if (enrolment === 'enrolled') return null;
    return enrolment === 'not_enrolled' ? 'no_second_factor' : 'enrolment_unknown';
  }
}

/** Which rule makes the member's MFA mandatory; null for a role the portal does not recognise (it signs in to 403). */
function requiredByOf(row: MandatoryMfaMemberRow): MfaRequiredBy | null {
  if (!isRole(row.role)) return null;
  return mfaPolicyFor({ role: row.role, tenantPolicy: row.tenant_mfa_policy, userPolicy: row.user_mfa_policy })
    .requiredBy;
}

function memberOf(row: MandatoryMfaMemberRow, requiredBy: MfaRequiredBy, shortfall: MfaShortfall): MfaAttentionMember {
  return {
    userId: row.user_id,
    name: row.display_name,
    email: row.email,
    tenant: { id: row.tenant_id, name: row.tenant_name },
    role: row.role,
    requiredBy,
    shortfall,
  };
}

/** `work` over every item, at most `concurrency` at a time, results in the items' order. */
async function inBatches<T, R>(items: readonly T[], concurrency: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += concurrency) {
    results.push(...(await Promise.all(items.slice(start, start + concurrency).map(work))));
  }
  return results;
}
