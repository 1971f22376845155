import { Injectable } from '@nestjs/common';
import type { ErrorCode } from '@aidial/shared/access';

/**
 * What a feature last learned about a dependency it needs: `up`, `down` (it answered, and it will not work: a
 * misconfiguration an operator must fix), or `unknown` (it could not be asked; an outage is not a reason to take the
 * instance out of rotation, the requests themselves answer with the documented 503).
 */
export interface DependencyReadiness {
  readonly status: 'up' | 'down' | 'unknown';
  /** For the operator's log (written when the state changes), never for the answer: what is wrong, where the fix is. */
  readonly detail?: string;
}

/**
 * The readiness probe's list of checks beyond the database. A feature registers a check that reads state it keeps up
 * to date itself, so the probe stays cheap and never calls out (docs/operators.md, "Readiness").
 */
@Injectable()
export class ReadinessChecks {
  private readonly checks = new Map<string, { readonly check: () => DependencyReadiness; readonly code: ErrorCode }>();

  /** `code`: what the probe answers (503) while this dependency is `down`. */
  register(name: string, check: () => DependencyReadiness, code: ErrorCode): void {
    this.checks.set(name, { check, code });
  }

  current(): Array<{ readonly name: string; readonly code: ErrorCode; readonly state: DependencyReadiness }> {
    return [...this.checks].map(([name, { check, code }]) => ({ name, code, state: check() }));
  }
}
