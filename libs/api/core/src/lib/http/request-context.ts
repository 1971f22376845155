import { isIP } from 'node:net';
import { AsyncLocalStorage } from 'node:async_hooks';
import type { NextFunction, Request, Response } from 'express';
import { requestIdOf } from './request-id';

/** Who the guard chain found behind the current request; empty until (and unless) a session is authenticated. */
export interface RequestActor {
  userId: string | null;
  tenantId: string | null;
  role: string | null;
  apiKeyId: string | null;
}

/**
 * Request-wide values for the audit recorder (and anything else that must not take `@Inject(REQUEST)`): the request
 * id, coarse request metadata and, once the guard has resolved it, the actor. Kept in an AsyncLocalStorage entered by
 * `requestContextMiddleware`, so a provider deep in a service reads it without being request-scoped.
 */
export interface RequestContext {
  readonly requestId: string;
  /** The client address with its last octet (IPv4) or last 80 bits (IPv6) zeroed. */
  readonly ip: string | null;
  readonly userAgent: string | null;
  readonly actor: RequestActor;
}

const storage = new AsyncLocalStorage<RequestContext>();

/**
 * 203.0.113.77 → 203.0.113.0; 2001:db8:1:2:3:4:5:6 → 2001:db8:1:: (the first 48 bits); ::1 → ::. Enough to recognise a
 * network, not a person. A compressed IPv6 address (`2001:db8::1`) is expanded first, so the kept groups are the real
 * first three.
 */
export function coarseIp(ip: string | null | undefined): string | null {
  if (!ip) return null;
  const v4 = /^(?:::ffff:)?(\d+\.\d+\.\d+)\.\d+$/.exec(ip);
  if (v4) return `${v4[1]}.0`;
  const groups = expandIpv6(ip);
  if (!groups) return null;
  const kept = groups.slice(0, 3).map((group) => parseInt(group, 16).toString(16));
  return kept.every((group) => group === '0') ? '::' : `${kept.join(':')}::`;
}

/** The eight groups of an IPv6 address (zone and embedded IPv4 tails refused), or null when it is not one. */
function expandIpv6(ip: string): string[] | null {
  if (isIP(ip) !== 6 || ip.includes('%') || ip.includes('.')) return null;
  const [head = '', tail] = ip.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  if (tail === undefined) return left.length === 8 ? left : null;
  return [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
}

/**
 * Enters the request's context. Registered after the body and cookie parsers (their stream callbacks would run outside
 * it), before anything Nest runs.
 */
export function requestContextMiddleware(req: Request, _res: Response, next: NextFunction): void {
  storage.run(
    {
      requestId: requestIdOf(req),
      ip: coarseIp(req.ip),
      userAgent: req.headers['user-agent']?.slice(0, 512) ?? null,
      actor: { userId: null, tenantId: null, role: null, apiKeyId: null },
    },
    next,
  );
}

/** The current request's context, or undefined outside a request (a timer, a migration, a unit test). */
export function currentRequestContext(): RequestContext | undefined {
  return storage.getStore();
}

/** Called by the guard chain as it learns who is calling. Outside a request it does nothing. */
export function bindRequestActor(actor: Partial<RequestActor>): void {
  const store = storage.getStore();
  if (store) Object.assign(store.actor, actor);
}

/** Runs `work` inside the given context: for tests and for work started outside a request on a request's behalf. */
export function runWithRequestContext<T>(context: RequestContext, work: () => T): T {
  return storage.run(context, work);
}
