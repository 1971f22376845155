import type { KoaContext } from 'oidc-provider';
import { sendJson } from './http.ts';

/** gRPC status codes Zitadel's REST gateway answers with, and the HTTP status each maps to. */
export const GRPC = {
  INVALID_ARGUMENT: 3,
  NOT_FOUND: 5,
  ALREADY_EXISTS: 6,
  PERMISSION_DENIED: 7,
  FAILED_PRECONDITION: 9,
  INTERNAL: 13,
  UNAVAILABLE: 14,
  UNAUTHENTICATED: 16,
} as const;

const HTTP_STATUS: Record<number, number> = { 3: 400, 5: 404, 6: 409, 7: 403, 9: 400, 13: 500, 14: 503, 16: 401 };

/**
 * A Zitadel error as its REST gateway sends it: match on `details[0].id`; the message is translated and may change.
 * README.md's fidelity table names the Zitadel source of each id; `DEVIDP-…` ids are the dev-idp's own.
 */
export class ZitadelError extends Error {
  readonly grpcCode: number;
  readonly id: string;

  constructor(grpcCode: number, id: string, message: string) {
    super(message);
    this.grpcCode = grpcCode;
    this.id = id;
  }
}

export function sendZitadelError(ctx: KoaContext, error: ZitadelError): void {
  sendJson(ctx, HTTP_STATUS[error.grpcCode] ?? 500, {
    code: error.grpcCode,
    message: `${error.message} (${error.id})`,
    details: [{ '@type': 'type.googleapis.com/zitadel.v1.ErrorDetail', id: error.id, message: error.message }],
  });
}
