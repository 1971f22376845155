/**
 * Every error the API answers with, as `{"code", "message", "request_id"}` (plus `fields` for `validation_failed`).
 * The status and default message live here so the backend's filter, the OpenAPI document and the portal agree.
 */
export const ERROR_CODES = {
  unauthenticated: { status: 401, message: 'Sign in to continue.' },
  access_denied: { status: 403, message: 'You do not have access to the AiDial portal.' },
  tenant_suspended: { status: 403, message: 'Your organisation’s account is not active.' },
  mfa_required: { status: 403, message: 'Multi-factor authentication is required before you can continue.' },
  reauthentication_required: {
    status: 403,
    message: 'For your security, confirm it’s you by signing in again, then finish this change.',
  },
  insufficient_role: { status: 403, message: 'Your role can open this page but cannot make this change.' },
  role_not_assignable: { status: 403, message: 'You cannot assign a role above your own.' },
  not_found: { status: 404, message: 'Not found.' },
  client_selection_required: { status: 409, message: 'Select a client to see this.' },
  client_not_active: { status: 409, message: 'This client’s account is not active, so it cannot be selected.' },
  member_exists: { status: 409, message: 'This person is already a member of this organisation.' },
  invitation_exists: { status: 409, message: 'This email address already has a pending invitation.' },
  own_membership: {
    status: 409,
    message: 'You cannot change or remove your own membership. Ask another administrator.',
  },
  tenant_not_changeable: { status: 409, message: 'This tenant cannot be changed that way.' },
  validation_failed: { status: 400, message: 'Some fields are not valid.' },
  malformed_json: { status: 400, message: 'The request body is not valid JSON.' },
  unsupported_media_type: { status: 415, message: 'The request body must be JSON.' },
  payload_too_large: { status: 413, message: 'The request body is too large.' },
  csrf_failed: { status: 403, message: 'This request could not be verified. Reload the page and try again.' },
  cross_site_refused: {
    status: 403,
    message: 'This change came from another website, so it was refused. Make it in the AiDial portal itself.',
  },
  method_not_allowed: { status: 405, message: 'This method is not allowed.' },
  request_header_too_large: { status: 431, message: 'The request’s address or headers are too large.' },
  bad_request: { status: 400, message: 'The request could not be read.' },
  rate_limited: { status: 429, message: 'Too many requests. Try again later.' },
  mfa_lifecycle_stale: {
    status: 409,
    message: 'Your security status changed since this page loaded. It has been refreshed; check it and try again.',
  },
  mfa_action_unavailable: { status: 409, message: 'This security action is not available for your account right now.' },
  mfa_status_unavailable: {
    status: 503,
    message: 'Your security status could not be checked with the identity provider. Refresh it shortly.',
  },
  // SMS one-time-code enrolment (spec/05 "Troubleshooting": the messages are the spec's, word for word). spec/05's
  // "We could not deliver the SMS to this number" has no code: ZITADEL sends no text at enrolment, so a refused
  // delivery shows on its sign-in page, never in this answer (docs/sms-otp.md).
  mfa_sms_role_not_allowed: { status: 403, message: 'SMS one-time code is not available for this account type' },
  mfa_sms_tenant_not_enabled: { status: 403, message: 'SMS one-time code is not available for this organisation' },
  mfa_sms_country_not_supported: { status: 400, message: 'Only Australian phone numbers are supported' },
  mfa_sms_rate_limited: { status: 429, message: 'Too many SMS one-time code requests' },
  mfa_sms_provider_unavailable: { status: 503, message: 'SMS OTP provider is not configured' },
  mfa_sms_already_enrolled: {
    status: 409,
    message:
      'SMS one-time code is already set up for this account. To change the number, remove it through the identity provider from Settings first.',
  },
  ticket_contains_secret: {
    status: 400,
    message:
      'Remove the code, token, cookie or key from your message. AiDial support never needs them, and tickets must not hold them.',
  },
  // The integration surface (/v1) and the proxy to the AiDial platform API (docs/integrations.md).
  api_key_invalid: { status: 401, message: 'The API key is missing, not valid, expired or revoked.' },
  api_key_scope_missing: { status: 403, message: 'This API key does not have the scope this call needs.' },
  browser_credentials_refused: {
    status: 403,
    message: 'API keys are for server-side integrations: a request with browser headers or cookies cannot use one.',
  },
  scope_not_grantable: { status: 403, message: 'You cannot give an API key access beyond your own.' },
  api_key_not_active: { status: 409, message: 'This API key is already revoked or expired.' },
  upstream_unavailable: { status: 502, message: 'The AiDial platform is not answering properly. Try again shortly.' },
  upstream_timeout: { status: 504, message: 'The AiDial platform did not answer in time. Try again shortly.' },
  identity_provider_unavailable: {
    status: 503,
    message:
      'The sign-in service is temporarily unavailable. Try again shortly. If the issue persists, contact AiDial support.',
  },
  session_validation_unavailable: {
    status: 503,
    message: 'Your session could not be validated right now. Try again shortly.',
  },
  service_unavailable: { status: 503, message: 'The service is temporarily unavailable. Try again shortly.' },
  // Readiness only: the identity provider answers, but refuses the API's service account (docs/operators.md).
  identity_provider_misconfigured: {
    status: 503,
    message:
      'The API cannot use the identity provider: its service account lacks the rights the API needs. Sign-in and security checks may fail until an operator fixes it.',
  },
  internal_error: {
    status: 500,
    message: 'Something went wrong on our side. Try again, and quote the request id if it persists.',
  },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

export const ERROR_CODE_LIST = Object.keys(ERROR_CODES) as ErrorCode[];

/** A field error in a `validation_failed` answer: `{ "field": "email", "message": "must be an email" }`. */
export interface FieldError {
  field: string;
  message: string;
}

export interface ErrorEnvelope {
  code: ErrorCode;
  message: string;
  request_id: string;
  fields?: FieldError[];
  /** `mfa_required` only: where the user completes MFA (`MFA_REMEDIATION_PATH`). */
  remediation_path?: string;
}
