import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import type { ErrorCode } from '@aidial/shared/access';
import { isDatabaseUnavailable } from '../database/database-errors';
import { type RequestWithId, requestIdOf } from '../http/request-id';
import { ApiError } from './api-error';
import { errorEnvelope, writeEnvelope } from './error-envelope';

const CODE_BY_HTTP_STATUS: Readonly<Record<number, ErrorCode>> = {
  400: 'validation_failed',
  401: 'unauthenticated',
  403: 'access_denied',
  404: 'not_found',
  405: 'not_found',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
  503: 'service_unavailable',
};

/**
 * Every failure leaves the API as the envelope of DESIGN.md §5. Known errors keep their code; anything else is logged
 * with its stack here and answered as a bare 500 `internal_error`, so no stack, SQL or host reaches a response.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const req = http.getRequest<RequestWithId>();
    const res = http.getResponse<Response>();
    const requestId = requestIdOf(req);

    if (res.headersSent) {
      this.logger.error({ err: exception }, 'error after the response started');
      res.destroy();
      return;
    }
    if (exception instanceof ApiError) {
      writeEnvelope(
        res,
        exception.status,
        {
          ...errorEnvelope(exception.code, requestId, exception.message, exception.fields),
          ...(exception.remediationPath ? { remediation_path: exception.remediationPath } : {}),
        },
        exception.headers,
      );
      return;
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const code = CODE_BY_HTTP_STATUS[status] ?? (status >= 500 ? 'internal_error' : 'validation_failed');
      writeEnvelope(res, status >= 500 && code === 'internal_error' ? 500 : status, errorEnvelope(code, requestId));
      return;
    }
    if (isDatabaseUnavailable(exception)) {
      this.logger.warn({ err: exception }, 'database unavailable');
      writeEnvelope(res, 503, errorEnvelope('service_unavailable', requestId), { 'Retry-After': '5' });
      return;
    }
    this.logger.error({ err: exception }, 'unhandled error');
    writeEnvelope(res, 500, errorEnvelope('internal_error', requestId));
  }
}
