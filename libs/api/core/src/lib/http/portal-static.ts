import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { extname, join, sep } from 'node:path';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import type { NextFunction, Request, Response } from 'express';
import express from 'express';

/** Paths the API owns; everything else under GET is the portal (files, then the single-page app's index). */
export const API_PATH_PREFIXES = ['/api', '/v1', '/docs', '/health'] as const;

const HASHED_FILE = /[.-][0-9A-Za-z]{8,}\.(?:js|css|woff2?|svg|png|ico)$/;
/** Text the browser downloads; images and fonts are compressed formats already. */
const COMPRESSIBLE_FILE = /\.(?:js|css|html|svg|json|txt)$/;
/**
 * Brotli's quality for the portal's files. 11 saves about 8% more but takes seconds for the whole portal, and this runs
 * once when the API starts.
 */
const BROTLI_QUALITY = 9;

function isApiPath(path: string): boolean {
  return API_PATH_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

interface Variant {
  readonly body: Buffer;
  readonly etag: string;
}

/** A text file of the portal, as is and in each encoding that makes it smaller. */
interface TextFile {
  readonly extension: string;
  readonly variants: ReadonlyMap<'br' | 'gzip' | 'identity', Variant>;
}

function variant(body: Buffer, encoding: string): Variant {
  return { body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}-${encoding}"` };
}

function textFile(path: string, content: Buffer): TextFile {
  const variants = new Map<'br' | 'gzip' | 'identity', Variant>([['identity', variant(content, 'identity')]]);
  const br = brotliCompressSync(content, {
    params: { [zlib.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY, [zlib.BROTLI_PARAM_SIZE_HINT]: content.length },
  });
  if (br.length < content.length) variants.set('br', variant(br, 'br'));
  const gzip = gzipSync(content, { level: 9 });
  if (gzip.length < content.length) variants.set('gzip', variant(gzip, 'gzip'));
  return { extension: extname(path), variants };
}

/**
 * Every text file of the built portal by its URL path (`/main-ABCDEFGH.js`), compressed once when the API starts: a
 * deployment's files never change, and a phone on a slow network waits for every byte of them (docs/bench.md,
 * "Lighthouse").
 */
function compressTextFiles(portalDir: string): Map<string, TextFile> {
  const files = new Map<string, TextFile>();
  for (const path of readdirSync(portalDir, { recursive: true, encoding: 'utf8' })) {
    if (!COMPRESSIBLE_FILE.test(path) || !statSync(join(portalDir, path)).isFile()) continue;
    files.set(`/${path.split(sep).join('/')}`, textFile(path, readFileSync(join(portalDir, path))));
  }
  return files;
}

/**
 * The file in the smallest encoding the browser accepts (brotli, gzip, or as is), with `Vary: Accept-Encoding` for caches
 * on the way and an ETag of that encoding's bytes, so a revalidation (`no-cache`) answers 304 when nothing changed.
 */
function sendText(req: Request, res: Response, file: TextFile, cacheControl: string): void {
  // Brotli first when the browser accepts both (its q-values seldom differ; when they do, both are fine).
  const encoding =
    (['br', 'gzip'] as const).find((name) => file.variants.has(name) && req.acceptsEncodings(name) === name) ??
    'identity';
  const chosen = file.variants.get(encoding) as Variant;
  res.setHeader('Cache-Control', cacheControl);
  res.setHeader('Vary', 'Accept-Encoding');
  res.setHeader('ETag', chosen.etag);
  if (encoding !== 'identity') res.setHeader('Content-Encoding', encoding);
  res.type(file.extension);
  if (req.fresh) {
    res.status(304).end();
    return;
  }
  res.send(chosen.body);
}

/**
 * Serves the built portal from the API's own origin: fingerprinted files cached for a year, `index.html` revalidated on
 * every navigation, and deep links (`/status`, `/settings/...`) answered with `index.html` so the portal's router takes
 * over. Text files go out compressed when the browser accepts it.
 */
export function portalStaticMiddleware(portalDir: string) {
  const texts = compressTextFiles(portalDir);
  const indexHtml = texts.get('/index.html') ?? textFile('index.html', readFileSync(join(portalDir, 'index.html')));
  const cacheControlOf = (path: string) =>
    HASHED_FILE.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache';
  const files = express.static(portalDir, {
    index: false,
    fallthrough: true,
    setHeaders: (res, filePath) => {
      res.setHeader('Cache-Control', cacheControlOf(filePath));
    },
  });
  return (req: Request, res: Response, next: NextFunction): void => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || isApiPath(req.path)) return next();
    const text = texts.get(req.path);
    if (text) return sendText(req, res, text, cacheControlOf(req.path));
    files(req, res, () => {
      if (extname(req.path) !== '') return next();
      sendText(req, res, indexHtml, 'no-cache');
    });
  };
}
