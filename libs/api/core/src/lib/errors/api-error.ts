import { ERROR_CODES, type ErrorCode, type FieldError } from '@aidial/shared/access';

/**
 * The one error type handlers and guards throw. The global filter turns it into the envelope
 * `{"code", "message", "request_id"}`; the message is always a sentence meant for people, never an internal detail.
 */
export class ApiError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    options: {
      message?: string;
      fields?: FieldError[];
      headers?: Record<string, string>;
      /** `mfa_required` only: where the user fixes MFA (docs/mfa.md). */
      remediationPath?: string;
    } = {},
  ) {
    super(options.message ?? ERROR_CODES[code].message);
    this.status = ERROR_CODES[code].status;
    this.fields = options.fields;
    this.headers = options.headers ?? {};
    this.remediationPath = options.remediationPath;
  }

  readonly fields: FieldError[] | undefined;
  readonly remediationPath: string | undefined;
  readonly headers: Record<string, string>;
}
