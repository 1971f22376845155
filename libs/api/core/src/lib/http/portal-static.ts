import { readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { NextFunction, Request, Response } from 'express';
import express from 'express';

/** Paths the API owns; everything else under GET is the portal (files, then the single-page app's index). */
export const API_PATH_PREFIXES = ['/api', '/v1', '/docs', '/health'] as const;

const HASHED_FILE = /[.-][0-9A-Za-z]{8,}\.(?:js|css|woff2?|svg|png|ico)$/;

function isApiPath(path: string): boolean {
  return API_PATH_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

/**
 * Serves the built portal from the API's own origin: fingerprinted files cached for a year, `index.html` revalidated on
 * every navigation, and deep links (`/status`, `/settings/...`) answered with `index.html` so the portal's router takes over.
 */
export function portalStaticMiddleware(portalDir: string) {
  const indexHtml = readFileSync(join(portalDir, 'index.html'));
  const files = express.static(portalDir, {
    index: false,
    fallthrough: true,
    setHeaders: (res, filePath) => {
      res.setHeader('Cache-Control', HASHED_FILE.test(filePath) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  return (req: Request, res: Response, next: NextFunction): void => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || isApiPath(req.path)) return next();
    files(req, res, () => {
      if (extname(req.path) !== '') return next();
      res.setHeader('Cache-Control', 'no-cache');
      res.type('html').send(indexHtml);
    });
  };
}
