import { type ExecutionContext, createParamDecorator } from '@nestjs/common';
import type { RequestWithPrincipal } from './access-policy.guard';

/** The signed-in caller. Throws if the guard chain did not set one: a handler must never run without it by mistake. */
export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext) => {
  const principal = context.switchToHttp().getRequest<RequestWithPrincipal>().principal;
  if (!principal) throw new Error('CurrentPrincipal used on a route whose policy does not authenticate');
  return principal;
});

/** The access context the guard resolved for this request. Throws on a route without a `@Member()` or `@Section()` policy. */
export const CurrentAccessContext = createParamDecorator((_data: unknown, context: ExecutionContext) => {
  const accessContext = context.switchToHttp().getRequest<RequestWithPrincipal>().accessContext;
  if (!accessContext) throw new Error('CurrentAccessContext used on a route without a @Member() or @Section() policy');
  return accessContext;
});

/** The API key behind a `/v1` request. Throws on a route without an `@ApiKeyScope()` policy. */
export const CurrentApiKey = createParamDecorator((_data: unknown, context: ExecutionContext) => {
  const apiKey = context.switchToHttp().getRequest<RequestWithPrincipal>().apiKey;
  if (!apiKey) throw new Error('CurrentApiKey used on a route without an @ApiKeyScope() policy');
  return apiKey;
});

/**
 * The session's MFA evaluation (policy, compliance, remediation), made once by the guard chain for this request. Throws
 * on a route without a `@Member()` or `@Section()` policy.
 */
export const CurrentMfa = createParamDecorator((_data: unknown, context: ExecutionContext) => {
  const mfa = context.switchToHttp().getRequest<RequestWithPrincipal>().mfa;
  if (!mfa) throw new Error('CurrentMfa used on a route without a @Member() or @Section() policy');
  return mfa;
});
