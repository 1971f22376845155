import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { APP_CONFIG, type AppConfig, errorEnvelope, requestIdOf, writeEnvelope } from '@aidial/api/core';
import { type Csrf, isCrossSiteUnsafe } from './csrf';
import { CSRF } from './csrf.token';

/**
 * Runs before the guard chain on every /api route. An unsafe method from another site (Fetch Metadata or `Origin`)
 * is refused with 403 `cross_site_refused`, whatever token it carries; otherwise it needs the CSRF token (GET, HEAD,
 * OPTIONS need neither).
 */
@Injectable()
export class CsrfMiddleware implements NestMiddleware {
  private readonly portalOrigin: string;

  constructor(
    @Inject(CSRF) private readonly csrf: Csrf,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.portalOrigin = config.publicUrl.origin;
  }

  use(req: Request, res: Response, next: NextFunction): void {
    if (isCrossSiteUnsafe(req, this.portalOrigin)) {
      writeEnvelope(res, 403, errorEnvelope('cross_site_refused', requestIdOf(req)));
      return;
    }
    this.csrf.protect(req, res, next);
  }
}
