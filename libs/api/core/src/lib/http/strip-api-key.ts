import type { NextFunction, Request, Response } from 'express';

/** The integration surface: the only place an `X-API-Key` header means anything. */
export function isIntegrationPath(path: string): boolean {
  return path === '/v1' || path.startsWith('/v1/');
}

/**
 * `/api` (and everything else outside `/v1`) never authenticates with a key (DESIGN.md §2): the header is removed
 * before any middleware, guard or logger reads the request, so no later code can be tempted to honour it.
 */
export function stripApiKeyMiddleware(req: Request, _res: Response, next: NextFunction): void {
  if (!isIntegrationPath(req.path) && req.headers['x-api-key'] !== undefined) {
    delete req.headers['x-api-key'];
    // Express keeps the raw list too; drop it there as well.
    const raw = req.rawHeaders;
    for (let index = raw.length - 2; index >= 0; index -= 2) {
      if (raw[index]?.toLowerCase() === 'x-api-key') raw.splice(index, 2);
    }
  }
  next();
}
