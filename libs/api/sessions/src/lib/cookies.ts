import type { CookieOptions } from 'express';
import type { AppConfig } from '@aidial/api/core';

/**
 * Cookie names and attributes. On https the `__Host-` prefix pins a cookie to this exact origin (Secure, Path=/, no
 * Domain); plain-http local development cannot use the prefix, so the names drop it there.
 */
export class AuthCookies {
  readonly session: string;
  readonly signIn: string;
  readonly csrf: string;
  private readonly secure: boolean;

  constructor(config: AppConfig) {
    this.secure = config.publicUrl.protocol === 'https:';
    const prefix = this.secure ? '__Host-' : '';
    this.session = `${prefix}aidial_session`;
    this.signIn = `${prefix}aidial_sign_in`;
    // Angular's HttpClient reads this name and sends it back as X-XSRF-TOKEN.
    this.csrf = 'XSRF-TOKEN';
  }

  /** The session cookie: HttpOnly, SameSite=Lax (the IdP's redirect back is a top-level GET), no Max-Age. */
  sessionOptions(): CookieOptions {
    return { httpOnly: true, sameSite: 'lax', secure: this.secure, path: '/' };
  }

  /** Binds a sign-in attempt to this browser for at most ten minutes. */
  signInOptions(): CookieOptions {
    return { httpOnly: true, sameSite: 'lax', secure: this.secure, path: '/', maxAge: 10 * 60 * 1000 };
  }

  /** Readable by the portal's script (that is the point of double submit), strict same-site. */
  csrfOptions(): CookieOptions {
    return { httpOnly: false, sameSite: 'strict', secure: this.secure, path: '/' };
  }
}
