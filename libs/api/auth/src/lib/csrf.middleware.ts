import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import type { Csrf } from './csrf';
import { CSRF } from './csrf.token';

/** Runs before the guard chain on every /api route: unsafe methods need the CSRF token (GET, HEAD, OPTIONS do not). */
@Injectable()
export class CsrfMiddleware implements NestMiddleware {
  constructor(@Inject(CSRF) private readonly csrf: Csrf) {}

  use(req: Request, res: Response, next: NextFunction): void {
    this.csrf.protect(req, res, next);
  }
}
