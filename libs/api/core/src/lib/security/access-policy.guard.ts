import { type CanActivate, type ExecutionContext, Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { ApiError } from '../errors/api-error';
import { type Principal, SESSION_AUTHENTICATOR, type SessionAuthenticator } from '../ports/principal';
import { ACCESS_POLICY, type AccessPolicy } from './access-policy';

export type RequestWithPrincipal = Request & { principal?: Principal };

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
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const policy = this.reflector.getAllAndOverride<AccessPolicy | undefined>(ACCESS_POLICY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (policy?.kind === 'public') return true;
    if (policy?.kind === 'session') {
      const request = context.switchToHttp().getRequest<RequestWithPrincipal>();
      const principal = this.sessions ? await this.sessions.authenticate(request) : null;
      if (!principal) throw new ApiError('unauthenticated');
      request.principal = principal;
      return true;
    }
    this.logger.error(`${context.getClass().name}.${context.getHandler().name} declares no access policy; refused`);
    throw new ApiError('not_found');
  }
}
