import type { Request } from 'express';

/** The route a refusal is about, as `access.denied` names its target: `METHOD /path/:pattern`. */
export function routeTargetOf(request: Request): string {
  return `${request.method} ${(request.route as { path?: string } | undefined)?.path ?? request.path}`.slice(0, 300);
}
