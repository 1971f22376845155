import type { NextFunction, Request, Response } from 'express';
import express from 'express';
import type { ErrorCode } from '@aidial/shared/access';
import { ERROR_CODES } from '@aidial/shared/access';
import { errorEnvelope, writeEnvelope } from '../errors/error-envelope';
import { requestIdOf } from './request-id';

/** Request bodies above this size are refused with 413 before they are parsed. */
export const BODY_LIMIT_BYTES = 100 * 1024;

const METHODS_WITH_BODY = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * The one route whose caller is not ours to shape: the identity provider posts `logout_token` as a form, as OpenID
 * Connect Back-Channel Logout 1.0 §2.5 says (docs/sessions.md, "Provider logout"). Only there is a form accepted, and
 * no CSRF token asked (auth.module.ts excludes it from the CSRF middleware; the OpenAPI document lists neither).
 */
export const PROVIDER_CALLED_ROUTES: ReadonlySet<string> = new Set(['POST /api/auth/backchannel-logout']);
const FORM_BODY_ROUTES = PROVIDER_CALLED_ROUTES;

function hasBody(req: Request): boolean {
  return req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
}

function parserErrorCode(error: { type?: string; status?: number }): ErrorCode {
  if (error.type === 'entity.too.large') return 'payload_too_large';
  if (error.type === 'entity.parse.failed') return 'malformed_json';
  if (error.type === 'charset.unsupported' || error.type === 'encoding.unsupported') return 'unsupported_media_type';
  return 'malformed_json';
}

/**
 * JSON body parsing that answers its own failures with the error envelope (Express's parser errors would otherwise
 * bypass Nest's filters). Only JSON is accepted on methods that carry a body.
 */
export function jsonBodyMiddleware() {
  const parse = express.json({ limit: BODY_LIMIT_BYTES, strict: true });
  const parseForm = express.urlencoded({ limit: BODY_LIMIT_BYTES, extended: false, parameterLimit: 20 });
  return (req: Request, res: Response, next: NextFunction): void => {
    // Most requests (every read) carry no body: nothing to check or parse.
    if (!hasBody(req)) return next();
    const form = FORM_BODY_ROUTES.has(`${req.method} ${req.path}`) && req.is('application/x-www-form-urlencoded');
    if (METHODS_WITH_BODY.has(req.method) && !form && !req.is('application/json')) {
      writeEnvelope(res, 415, errorEnvelope('unsupported_media_type', requestIdOf(req)));
      return;
    }
    (form ? parseForm : parse)(req, res, (error?: unknown) => {
      if (!error) return next();
      const code = parserErrorCode(error as { type?: string });
      // The body is left unread after a refusal; close the connection so the client cannot smuggle a second request in it.
      res.setHeader('Connection', 'close');
      writeEnvelope(res, ERROR_CODES[code].status, errorEnvelope(code, requestIdOf(req)));
    });
  };
}
