import type { Response } from 'express';

/**
 * Implemented by the auth module: starts a sign-in that forces fresh authentication at the provider (`prompt=login`)
 * and returns to `returnTo` (a same-origin path), exactly as `GET /api/auth/login` starts one: a single-use attempt bound
 * to this browser by the sign-in cookie, which it sets on `response`. The callback then replaces the current session
 * (a new id, a new MFA snapshot). Throws when the provider cannot be reached (the caller answers 503).
 */
export interface ReauthenticationStarter {
  startReauthentication(
    request: { readonly loginHint: string | null; readonly returnTo: string },
    response: Response,
  ): Promise<{ readonly authorizationUrl: string }>;
}

export const REAUTHENTICATION_STARTER = Symbol('REAUTHENTICATION_STARTER');

/** What a ReauthenticationStarter throws when the identity provider cannot be reached. */
export class ReauthenticationUnavailableError extends Error {}
