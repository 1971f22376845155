import { type CanActivate, type ExecutionContext, Inject, Injectable, Logger, Optional } from '@nestjs/common';
import type { Request } from 'express';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { ApiError } from '../errors/api-error';
import { AUDIT_RECORDER, type AuditRecorder } from '../ports/audit';
import type { RequestWithPrincipal } from './access-policy.guard';
import { routeTargetOf } from './route-target';

/** True when the session's sign-in (the ID token's `auth_time`) is at most `maxAgeSeconds` old. */
export function isRecentSignIn(authTime: Date, maxAgeSeconds: number, now: number = Date.now()): boolean {
  return now - authTime.getTime() <= maxAgeSeconds * 1000;
}

/**
 * The challenge of RFC 9470 §3: the resource says the authentication is too old and how recent it must be. The portal
 * reads the envelope's code; an integrator's tooling can read this.
 */
export function stepUpChallenge(maxAgeSeconds: number): string {
  return (
    'Bearer error="insufficient_user_authentication", ' +
    'error_description="A more recent sign-in is required", ' +
    `max_age=${maxAgeSeconds}`
  );
}

/**
 * Step-up for sensitive actions (ASVS 5.0 §7.5.1, §6.3.7; RFC 9470; docs/sessions.md "Step-up"). Attached by the
 * access declaration (`@Section(…, { stepUp: true })`), so it runs after the access-policy guard has authenticated the
 * session, resolved the access context and checked role and MFA: a request that would be refused anyway is refused for
 * that reason, never asked to sign in again first. A session whose sign-in is older than `STEP_UP_MAX_AGE_MINUTES`
 * gets 403 `reauthentication_required` with the challenge header, audited as a denial.
 */
@Injectable()
export class StepUpGuard implements CanActivate {
  private readonly logger = new Logger('StepUp');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Optional() @Inject(AUDIT_RECORDER) private readonly audit: AuditRecorder | null,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<RequestWithPrincipal>();
    const principal = request.principal;
    // Only a session route declares step-up, and the access-policy guard has put its principal here or refused.
    if (!principal) throw new ApiError('unauthenticated');
    const maxAgeSeconds = this.config.stepUpMaxAgeMinutes * 60;
    if (isRecentSignIn(principal.authTime, maxAgeSeconds)) return true;
    await this.recordDenial(request);
    throw new ApiError('reauthentication_required', {
      headers: { 'WWW-Authenticate': stepUpChallenge(maxAgeSeconds) },
    });
  }

  private async recordDenial(request: Request): Promise<void> {
    if (!this.audit) return;
    try {
      await this.audit.record({
        action: 'access.denied',
        outcome: 'denied',
        targetId: routeTargetOf(request),
        details: { reason: 'reauthentication_required', method: request.method },
      });
    } catch (error) {
      this.logger.warn({ err: error, event: 'audit.record_failed', action: 'access.denied' });
    }
  }
}
