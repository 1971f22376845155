import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import type { INestApplication, Type } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import { ACCESS_POLICY, type AccessPolicy, MFA_EXEMPT, STEP_UP, describePolicy } from './access-policy';

export interface RoutePolicy {
  readonly route: string;
  readonly access: string;
}

function joinPaths(...parts: Array<string | string[] | undefined>): string {
  const segments = parts
    .map((part) => (Array.isArray(part) ? part[0] : part) ?? '')
    .flatMap((part) => part.split('/'))
    .filter(Boolean);
  return `/${segments.join('/')}`;
}

/**
 * Every `METHOD path → declared access` of the running application, sorted. The route-policy test snapshots this list,
 * so a change in who can reach what shows up as a diff for review.
 */
export function listRoutePolicies(app: INestApplication): RoutePolicy[] {
  const reflector = app.get(Reflector);
  const policies: RoutePolicy[] = [];
  for (const wrapper of app.get(DiscoveryService).getControllers()) {
    const controller = wrapper.metatype as Type | null;
    if (!controller) continue;
    const basePath = Reflect.getMetadata(PATH_METADATA, controller) as string | string[] | undefined;
    const prototype = controller.prototype as Record<string, unknown>;
    for (const name of Object.getOwnPropertyNames(prototype)) {
      const handler = prototype[name];
      if (name === 'constructor' || typeof handler !== 'function') continue;
      const path = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
      if (path === undefined) continue;
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
      const policy = reflector.getAllAndOverride<AccessPolicy | undefined>(ACCESS_POLICY, [handler, controller]);
      const mfaExempt = reflector.getAllAndOverride<boolean | undefined>(MFA_EXEMPT, [handler, controller]) === true;
      const stepUp = reflector.getAllAndOverride<boolean | undefined>(STEP_UP, [handler, controller]) === true;
      policies.push({
        route: `${method} ${joinPaths(basePath, path)}`,
        access: describePolicy(policy, mfaExempt, stepUp),
      });
    }
  }
  return policies.sort((a, b) => a.route.localeCompare(b.route));
}
