import { Injectable } from '@nestjs/common';

/**
 * What a feature last learned about a dependency it needs: `up`, `down` (it answered, and it will not work: a
 * misconfiguration an operator must fix), or `unknown` (it could not be asked; an outage is not a reason to take the
 * instance out of rotation, the requests themselves answer with the documented 503).
 */
export interface DependencyReadiness {
  readonly status: 'up' | 'down' | 'unknown';
  /** For the operator's log, never for the answer: what is wrong and where the fix is documented. */
  readonly detail?: string;
}

/**
 * The readiness probe's list of checks beyond the database. A feature registers a check that reads state it keeps up
 * to date itself, so the probe stays cheap and never calls out (docs/operators.md, "Readiness").
 */
@Injectable()
export class ReadinessChecks {
  private readonly checks = new Map<string, () => DependencyReadiness>();

  register(name: string, check: () => DependencyReadiness): void {
    this.checks.set(name, check);
  }

  current(): Array<readonly [string, DependencyReadiness]> {
    return [...this.checks].map(([name, check]) => [name, check()] as const);
  }
}
