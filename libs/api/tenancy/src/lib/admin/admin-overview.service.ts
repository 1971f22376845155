import { Injectable } from '@nestjs/common';
import { ReadinessChecks } from '@aidial/api/core';
import { buildMfaSnapshot } from '@aidial/api/mfa';
import { ZitadelClient } from '@aidial/api/zitadel';
import { type MfaEnrolment, type MfaRequiredBy, isRole, mfaPolicyFor } from '@aidial/shared/access';
import { TENANT_STATUSES, type TenantStatus } from '../entities/tenant.entity';
import { AdminOverviewRepository, type MandatoryMfaMemberRow } from './admin-overview.repository';

/** The most people (with mandatory MFA) whose enrolment one overview asks the identity provider about. */
export const MFA_MEMBERS_CHECKED = 200;
/** Questions to the identity provider in flight at once. */
const PROVIDER_CONCURRENCY = 5;
/**
 * How long one overview waits for the identity provider's answers, all questions together: people not asked by then,
 * or not answered, read as `enrolment_unknown`. A slow provider holds the landing page this long at most (each call
 * alone may take ZITADEL_TIMEOUT_MS).
 */
export const MFA_CHECK_DEADLINE_MS = 2_500;

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
    /** People whose enrolment the identity provider answered. */
    readonly checked: number;
    /** People it was not asked about (not `up`, or the deadline passed) or did not answer: listed as unknown. */
    readonly unchecked: number;
    /** More people have mandatory MFA than one overview looks at ({@link MFA_MEMBERS_CHECKED}). */
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
 *
 * The provider is asked once per person, only while the readiness check says it is `up` (its service account is the
 * one sign-ins depend on), and for {@link MFA_CHECK_DEADLINE_MS} at most. Nothing is cached: the report says what the
 * provider says now, and a second factor set up a minute ago is not listed as missing.
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
    const looked = rows.filter((row) => row.person_rank <= MFA_MEMBERS_CHECKED);
    const identityProvider =
      this.readiness.current().find((check) => check.name === 'identity_provider')?.state.status ?? 'unknown';
    const subjects = [...new Set(looked.map((row) => row.idp_subject))];
    const answers = identityProvider === 'up' ? await this.enrolments(subjects) : new Map<string, MfaEnrolment>();
    const members = looked.flatMap((row) => {
      const requiredBy = requiredByOf(row);
      const enrolment = answers.get(row.idp_subject);
      if (!requiredBy || enrolment === 'enrolled') return [];
      return [memberOf(row, requiredBy, enrolment === 'not_enrolled' ? 'no_second_factor' : 'enrolment_unknown')];
    });
    return {
      tenantsByStatus: TENANT_STATUSES.map((status) => ({
        status,
        count: counts.find((row) => row.status === status)?.count ?? 0,
      })),
      mfa: {
        checked: answers.size,
        unchecked: subjects.length - answers.size,
        truncated: rows.length > looked.length,
        members,
      },
      identityProvider,
    };
  }

  /**
   * The provider's answers by subject, {@link PROVIDER_CONCURRENCY} questions at a time, as they stand at
   * {@link MFA_CHECK_DEADLINE_MS} at the latest; a subject it could not answer is absent. Questions in flight at the
   * deadline end within their own timeout, their answers unused; none is started after it.
   */
  private async enrolments(subjects: readonly string[]): Promise<ReadonlyMap<string, MfaEnrolment>> {
    const answers = new Map<string, MfaEnrolment>();
    const deadline = Date.now() + MFA_CHECK_DEADLINE_MS;
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < subjects.length && Date.now() < deadline) {
        const subject = subjects[next++] as string;
        const enrolment = await this.enrolmentOf(subject);
        if (enrolment !== 'unknown' && Date.now() < deadline) answers.set(subject, enrolment);
      }
    };
    let timer: NodeJS.Timeout | undefined;
    const timeUp = new Promise<void>((resolve) => (timer = setTimeout(resolve, MFA_CHECK_DEADLINE_MS)));
    const workers = Array.from({ length: Math.min(PROVIDER_CONCURRENCY, subjects.length) }, worker);
    await Promise.race([Promise.all(workers), timeUp]);
    clearTimeout(timer);
    return new Map(answers);
  }

  /** As at sign-in: `unknown` when the provider could not be asked or answered oddly. */
  private async enrolmentOf(subject: string): Promise<MfaEnrolment> {
    const methods = await this.zitadel.authenticationMethods(subject).catch(() => null);
    return buildMfaSnapshot({ amr: [], methods, session: { kind: 'absent' }, now: new Date() }).enrolment;
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
