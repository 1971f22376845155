import { SetMetadata, applyDecorators } from '@nestjs/common';
import { ApiSecurity } from '@nestjs/swagger';

/**
 * What a route declares about who may call it. Every route declares exactly one; the global guard refuses any route
 * that declares none (deny by default), and the route-policy test fails on it.
 * Later capabilities add `section` (a signed-in portal user whose role is allowed into the section) and `api_key`.
 */
export type AccessPolicy = { readonly kind: 'public' };

export const ACCESS_POLICY = 'aidial:access-policy';

/** Anyone may call this route, signed in or not. The OpenAPI document shows it without a security requirement. */
export const Public = () =>
  applyDecorators(SetMetadata(ACCESS_POLICY, { kind: 'public' } satisfies AccessPolicy), ApiSecurity({}));

export function describePolicy(policy: AccessPolicy | undefined): string {
  if (!policy) return 'UNDECLARED';
  return policy.kind;
}
