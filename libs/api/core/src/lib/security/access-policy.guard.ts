import { type CanActivate, type ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiError } from '../errors/api-error';
import { ACCESS_POLICY, type AccessPolicy } from './access-policy';

/** The head of the security chain: a route that declares no access policy is answered as if it did not exist. */
@Injectable()
export class AccessPolicyGuard implements CanActivate {
  private readonly logger = new Logger('AccessPolicy');

  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const policy = this.reflector.getAllAndOverride<AccessPolicy | undefined>(ACCESS_POLICY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (policy?.kind === 'public') return true;
    this.logger.error(`${context.getClass().name}.${context.getHandler().name} declares no access policy; refused`);
    throw new ApiError('not_found');
  }
}
