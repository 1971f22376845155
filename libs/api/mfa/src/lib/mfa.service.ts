import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  APP_CONFIG,
  AUDIT_RECORDER,
  type AccessContext,
  ApiError,
  type AppConfig,
  type AuditAction,
  type AuditRecorder,
  RateLimiter,
  type SessionPrincipal,
  featuresOf,
} from '@aidial/api/core';
import {
  type MfaAction,
  type RecoveryCodeState,
  availableMfaActions,
  type MfaEvaluation,
  smsOtpEligibility,
} from '@aidial/shared/access';
import { DataSource } from 'typeorm';
import type { MfaSummaryDto } from './dto/mfa.dto';
import { type MfaLifecycle, MfaLifecycleRepository } from './mfa-lifecycle.repository';
import { newMarker } from './mfa-snapshot.service';
import { managementUrl, setupUrl } from './provider-urls';

/** MFA actions a user may take: this many a minute (every action counts, refused ones too), shared by every instance. */
export const MFA_ACTION_LIMIT = { name: 'mfa.action', limit: 10, windowSeconds: 60 } as const;

export type LifecycleAcknowledgement = 'stored' | 'reviewed' | 'regenerated';

/** Each acknowledgement: the action it needs in the summary, the audit event, and the state it leads to. */
const ACKNOWLEDGEMENTS: Readonly<
  Record<LifecycleAcknowledgement, { action: MfaAction; audit: AuditAction; next: RecoveryCodeState }>
> = {
  stored: { action: 'store_recovery_codes', audit: 'mfa.recovery_codes.stored', next: 'acknowledged' },
  reviewed: { action: 'review_recovery_codes', audit: 'mfa.recovery_codes.reviewed', next: 'acknowledged' },
  regenerated: { action: 'regenerate_recovery_codes', audit: 'mfa.recovery_codes.regenerated', next: 'ack_required' },
};

/** The refusal a lifecycle action gets, and the reason its audit event records. */
class Refusal extends Error {
  constructor(
    readonly code: 'mfa_lifecycle_stale' | 'mfa_action_unavailable',
    readonly reason: 'stale_marker' | 'not_available',
  ) {
    super(code);
  }
}

/**
 * The Profile section's MFA summary and actions (spec/04, docs/mfa.md). The session's snapshot and the access
 * context's policies come with the request; the lifecycle row is one read. Provider URLs are built only from
 * ZITADEL_ISSUER. Every action is rate-limited per user and audited, refusals included.
 */
@Injectable()
export class MfaService {
  private readonly logger = new Logger('Mfa');

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly lifecycles: MfaLifecycleRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(AUDIT_RECORDER) private readonly audit: AuditRecorder,
    private readonly limiter: RateLimiter,
  ) {}

  /** The Profile's MFA summary, from the guard's evaluation of this request (`@CurrentMfa()`) and the lifecycle row. */
  async summary(principal: SessionPrincipal, context: AccessContext, mfa: MfaEvaluation): Promise<MfaSummaryDto> {
    const lifecycle = await this.lifecycles.find(context.userId);
    return this.summarise(principal, context, mfa, lifecycle);
  }

  /** `open_setup`: the provider's setup page, audited. */
  async openSetup(principal: SessionPrincipal, context: AccessContext, mfa: MfaEvaluation): Promise<{ url: string }> {
    await this.limit('mfa.setup_opened', context);
    const summary = await this.summary(principal, context, mfa);
    if (!summary.actions.includes('open_setup')) {
      await this.recordRefusal('mfa.setup_opened', context, 'not_available');
      throw new ApiError('mfa_action_unavailable');
    }
    await this.audit.record({ action: 'mfa.setup_opened', outcome: 'success', targetId: context.userId });
    return {
      url: setupUrl(this.config.zitadelIssuer, this.config.zitadelLoginUi, {
        sessionId: principal.idpSessionId,
        loginName: context.user.email,
      }),
    };
  }

  /** `open_disable`: the provider's MFA management page, only for an optional policy; audited. */
  async openDisable(principal: SessionPrincipal, context: AccessContext, mfa: MfaEvaluation): Promise<{ url: string }> {
    await this.limit('mfa.disable_opened', context);
    const summary = await this.summary(principal, context, mfa);
    if (!summary.actions.includes('open_disable')) {
      await this.recordRefusal('mfa.disable_opened', context, 'not_available');
      throw new ApiError('mfa_action_unavailable');
    }
    await this.audit.record({ action: 'mfa.disable_opened', outcome: 'success', targetId: context.userId });
    return { url: managementUrl(this.config.zitadelIssuer) };
  }

  /**
   * `refresh_status`, first half: counted against the user's MFA action limit (429 `rate_limited`, audited). The
   * sign-in with `prompt=login` that auth then starts returns to the evaluation's remediation path.
   */
  async beginRefresh(principal: SessionPrincipal, context: AccessContext): Promise<void> {
    await this.limit('mfa.status_refresh_started', context, principal.sessionId);
  }

  /** `refresh_status`, second half: the sign-in has started (its callback replaces this session); audited. */
  async refreshStarted(principal: SessionPrincipal): Promise<void> {
    await this.audit.record({
      action: 'mfa.status_refresh_started',
      outcome: 'success',
      targetId: principal.sessionId,
    });
  }

  /**
   * A recovery-code acknowledgement: allowed only with the current marker (else 409 `mfa_lifecycle_stale`) and in the
   * state where the summary offers it (else 409 `mfa_action_unavailable`). The new state, a new marker and the audit
   * event commit together.
   */
  async acknowledge(
    principal: SessionPrincipal,
    context: AccessContext,
    mfa: MfaEvaluation,
    kind: LifecycleAcknowledgement,
    marker: string,
  ): Promise<MfaSummaryDto['lifecycle']> {
    const { action, audit, next } = ACKNOWLEDGEMENTS[kind];
    await this.limit(audit, context);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const current = await this.lifecycles.find(context.userId, manager, true);
        if (current && current.marker !== marker) throw new Refusal('mfa_lifecycle_stale', 'stale_marker');
        const summary = this.summarise(principal, context, mfa, current);
        if (!current || !summary.actions.includes(action)) throw new Refusal('mfa_action_unavailable', 'not_available');
        const updated = { marker: newMarker(), recoveryCodes: next };
        await this.lifecycles.transition(manager, context.userId, updated);
        await this.audit.record({ action: audit, outcome: 'success', targetId: context.userId }, { manager });
        return { marker: updated.marker, recovery_codes: updated.recoveryCodes };
      });
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      await this.recordRefusal(audit, context, error.reason);
      throw new ApiError(error.code);
    }
  }

  private summarise(
    principal: SessionPrincipal,
    context: AccessContext,
    evaluation: MfaEvaluation,
    lifecycle: MfaLifecycle | null,
  ): MfaSummaryDto {
    const snapshot = principal.mfa;
    const enrolment = snapshot?.enrolment ?? 'unknown';
    const recoveryCodes: RecoveryCodeState = lifecycle?.recoveryCodes ?? 'none';
    const actions = availableMfaActions({ policy: evaluation.policy, enrolment, recoveryCodes });
    return {
      display_name: context.user.displayName,
      email: context.user.email,
      role: context.role,
      policy: evaluation.policy,
      required_by: evaluation.requiredBy,
      enrolment,
      challenge: snapshot?.challenge ?? 'unknown',
      allowed_factors: [...(snapshot?.enrolledFactors ?? [])],
      used_factors: [...(snapshot?.usedFactors ?? [])],
      security_status: evaluation.securityStatus,
      lacking: evaluation.lacking,
      compliant: evaluation.compliant,
      remediation_path: evaluation.remediationPath,
      last_refreshed_at: snapshot?.refreshedAt ?? null,
      lifecycle: { marker: lifecycle?.marker ?? null, recovery_codes: recoveryCodes },
      actions,
      setup_unavailable: !actions.includes('open_setup'),
      management_unavailable: enrolment === 'unknown',
      sms_otp_available: smsOtpEligibility(context.role, featuresOf(context).smsOtp) === 'available',
    };
  }

  /** 429 `rate_limited` (audited as a refusal) once the user's MFA actions exceed {@link MFA_ACTION_LIMIT}. */
  private async limit(action: AuditAction, context: AccessContext, targetId: string = context.userId): Promise<void> {
    try {
      await this.limiter.enforce({ ...MFA_ACTION_LIMIT, key: context.userId });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'rate_limited') {
        await this.recordRefusal(action, context, 'rate_limited', targetId);
      }
      throw error;
    }
  }

  /** A refusal changes nothing, so failing to record it must not change the answer. */
  private async recordRefusal(
    action: AuditAction,
    context: AccessContext,
    reason: 'stale_marker' | 'not_available' | 'rate_limited',
    targetId: string = context.userId,
  ): Promise<void> {
    try {
      await this.audit.record({ action, outcome: 'denied', targetId, details: { reason } });
    } catch (error) {
      this.logger.warn({ event: 'audit.record_failed', action, err: error });
    }
  }
}
