import type { KoaContext, Middleware } from 'oidc-provider';

export type Params = Readonly<Record<string, string>>;
export type Handler = (ctx: KoaContext, params: Params) => Promise<void>;

export interface Route {
  readonly method: 'GET' | 'POST' | 'DELETE';
  /** `/v2/users/:userId/phone`: a `:name` segment matches one path segment. */
  readonly path: string;
  readonly handler: Handler;
}

const MAX_BODY_BYTES = 64 * 1024;

export interface CompiledRoute extends Route {
  readonly pattern: RegExp;
  readonly names: readonly string[];
}

export function compileRoutes(table: readonly Route[]): CompiledRoute[] {
  return table.map((route) => {
    const names: string[] = [];
    const source = route.path
      .split('/')
      .map((segment) => {
        if (!segment.startsWith(':')) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        names.push(segment.slice(1));
        return '([^/]+)';
      })
      .join('/');
    return { ...route, pattern: new RegExp(`^${source}$`), names };
  });
}

/** The route for this request and its path parameters; HEAD is answered as GET. */
export function matchRoute(
  table: readonly CompiledRoute[],
  ctx: KoaContext,
): { route: CompiledRoute; params: Params } | undefined {
  const method = ctx.method === 'HEAD' ? 'GET' : ctx.method;
  for (const route of table) {
    const match = route.pattern.exec(ctx.path);
    if (!match || route.method !== method) continue;
    const params = Object.fromEntries(route.names.map((name, index) => [name, decodeURIComponent(match[index + 1])]));
    return { route, params };
  }
  return undefined;
}

/** Answers the routes it knows; everything else (the OIDC endpoints) goes on to oidc-provider. */
export function routes(table: readonly Route[]): Middleware {
  const compiled = compileRoutes(table);
  return async (ctx, next) => {
    const found = matchRoute(compiled, ctx);
    if (!found) return next();
    await found.route.handler(ctx, found.params);
  };
}

export class BadRequest extends Error {}

export async function readBody(ctx: KoaContext): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of ctx.req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new BadRequest('request body too large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function readForm(ctx: KoaContext): Promise<URLSearchParams> {
  return new URLSearchParams(await readBody(ctx));
}

/** An empty body reads as `{}`, as grpc-gateway does. */
export async function readJsonObject(ctx: KoaContext): Promise<Record<string, unknown>> {
  const text = await readBody(ctx);
  if (text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new BadRequest('body is not valid JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new BadRequest('body must be a JSON object');
  return value as Record<string, unknown>;
}

export function sendJson(ctx: KoaContext, status: number, body: unknown): void {
  ctx.status = status;
  ctx.type = 'application/json';
  ctx.set('Cache-Control', 'no-store');
  ctx.body = body;
}

export function seeOther(ctx: KoaContext, location: string): void {
  ctx.status = 303;
  ctx.redirect(location);
}

export function queryValue(ctx: KoaContext, name: string): string | undefined {
  const value = ctx.query[name];
  return Array.isArray(value) ? value[0] : value;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * A request straight from this machine: loopback socket and no proxy header (a proxy on the same host would otherwise
 * make remote callers look local). The test controls under /dev answer nothing else.
 */
export function isDirectLoopback(ctx: KoaContext): boolean {
  const remote = ctx.req.socket.remoteAddress ?? '';
  return LOOPBACK.has(remote) && !ctx.get('x-forwarded-for') && !ctx.get('forwarded');
}
