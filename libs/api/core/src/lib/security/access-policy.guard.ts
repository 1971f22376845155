import { type CanActivate, type ExecutionContext, Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { ApiError } from '../errors/api-error';
import { canAccessSection } from '@aidial/shared/access';
import { isDatabaseUnavailable } from '../database/database-errors';
import {
  ACCESS_CONTEXT_READER,
  type AccessContext,
  type AccessContextReader,
  type AccessResolution,
} from '../ports/access-context';
import {
  type Principal,
  SESSION_AUTHENTICATOR,
  type SessionAuthenticator,
  type SessionPrincipal,
} from '../ports/principal';
import { ACCESS_POLICY, type AccessPolicy } from './access-policy';

export type RequestWithPrincipal = Request & { principal?: Principal; accessContext?: AccessContext };

/**
 * The head of the security chain. A route that declares no access policy is answered as if it did not exist; a route
 * for signed-in users gets its principal from the session authenticator (the auth module) or answers 401.
 */
@Injectable()
export class AccessPolicyGuard implements CanActivate {
  private readonly logger = new Logger('AccessPolicy');

  constructor(
    private readonly reflector: Reflector,
    @Optional() @Inject(SESSION_AUTHENTICATOR) private readonly sessions: SessionAuthenticator | null,
    @Optional() @Inject(ACCESS_CONTEXT_READER) private readonly access: AccessContextReader | null,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const policy = this.reflector.getAllAndOverride<AccessPolicy | undefined>(ACCESS_POLICY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (policy?.kind === 'public') return true;
    if (policy?.kind === 'session' || policy?.kind === 'member' || policy?.kind === 'section') {
      const request = context.switchToHttp().getRequest<RequestWithPrincipal>();
      const principal = await this.authenticate(request);
      request.principal = principal;
      if (policy.kind === 'session') return true;
      const accessContext = await this.resolveAccess(principal);
      // A recognised role outside the section gets the same answer as a route that does not exist (DESIGN.md §5).
      if (policy.kind === 'section' && !canAccessSection(accessContext.role, policy.section)) {
        throw new ApiError('not_found');
      }
      request.accessContext = accessContext;
      return true;
    }
    this.logger.error(`${context.getClass().name}.${context.getHandler().name} declares no access policy; refused`);
    throw new ApiError('not_found');
  }

  /** 401 without a live session; 503 `session_validation_unavailable` when the session store cannot answer. */
  private async authenticate(request: Request): Promise<SessionPrincipal> {
    let principal: SessionPrincipal | null = null;
    try {
      principal = this.sessions ? await this.sessions.authenticate(request) : null;
    } catch (error) {
      if (isDatabaseUnavailable(error)) throw new ApiError('session_validation_unavailable');
      throw error;
    }
    if (!principal) throw new ApiError('unauthenticated');
    return principal;
  }

  /**
   * The access context, resolved from the database on every request: a role change, a suspension or a removed
   * membership applies from the next request, on every API instance (no cache to wait for).
   */
  private async resolveAccess(principal: SessionPrincipal): Promise<AccessContext> {
    if (!this.access) throw new ApiError('session_validation_unavailable');
    let resolution: AccessResolution;
    try {
      resolution = await this.access.resolve(principal.userId, principal.tenantId);
    } catch (error) {
      this.logger.warn({ err: error }, 'access context could not be resolved');
      throw new ApiError('session_validation_unavailable');
    }
    if (!resolution.ok)
      throw new ApiError(resolution.refusal === 'tenant_suspended' ? 'tenant_suspended' : 'access_denied');
    return resolution.context;
  }
}
