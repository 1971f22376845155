/**
 * What the sign-in page says when the API's callback sends the browser back with `/sign-in?error=<reason>`
 * (spec/02, "Unable to Sign In"). The reasons are the API's; an unknown one reads as a failed sign-in.
 */
export const SIGN_IN_ERROR_MESSAGES = {
  provider_denied:
    'The identity provider did not complete the sign-in. Enter your email to start again, or contact your administrator.',
  provider_unavailable:
    'The sign-in service is temporarily unavailable. Try again shortly. If the issue persists, contact AiDial support.',
  sign_in_failed: 'We could not complete your sign-in. Please try again.',
  session_expired: 'Your session has expired. Sign in again to continue.',
} as const satisfies Record<string, string>;

export type SignInErrorReason = keyof typeof SIGN_IN_ERROR_MESSAGES;

export function signInErrorMessage(reason: string): string {
  return Object.hasOwn(SIGN_IN_ERROR_MESSAGES, reason)
    ? SIGN_IN_ERROR_MESSAGES[reason as SignInErrorReason]
    : SIGN_IN_ERROR_MESSAGES.sign_in_failed;
}

export const SIGNED_OUT_MESSAGE = 'You have signed out.';

/** `?session_ended=1`: a signed-in page's session expired or was ended elsewhere. */
export const SESSION_ENDED_MESSAGE = 'Your session ended. Sign in to continue.';

/** The field messages of the email step, before anything is sent. */
export const EMAIL_MESSAGES = {
  required: 'Enter your email address.',
  format: 'Enter an email address in the format name@example.com.',
} as const;

/**
 * A normal email address: something before one `@`, a domain of dot-separated labels after it, no spaces. The API
 * checks the address again and answers 400 `validation_failed` with its own message when it disagrees.
 */
export const EMAIL_PATTERN = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/;

/** The longest address the API accepts (RFC 5321's path limit). */
export const EMAIL_MAX_LENGTH = 254;
