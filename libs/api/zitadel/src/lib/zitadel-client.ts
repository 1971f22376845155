import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@aidial/api/core';

/** How long one call to Zitadel may take before it counts as unavailable. */
export const ZITADEL_TIMEOUT_MS = 3_000;

/** Zitadel's `AuthenticationMethodType` values (v2 user API), without the `AUTHENTICATION_METHOD_TYPE_` prefix. */
export const AUTHENTICATION_METHODS = [
  'PASSWORD',
  'PASSKEY',
  'IDP',
  'TOTP',
  'U2F',
  'OTP_SMS',
  'OTP_EMAIL',
  'RECOVERY_CODE',
] as const;
export type AuthenticationMethod = (typeof AUTHENTICATION_METHODS)[number];

/** The factors a Zitadel v2 session reports as verified, each with when. */
export interface SessionFactors {
  readonly password: Date | null;
  readonly webAuthN: Date | null;
  readonly totp: Date | null;
  readonly otpSms: Date | null;
  readonly otpEmail: Date | null;
  /**
   * A recovery code verified in this session. **The dev-idp's extension** (apps/dev-idp/README.md): Zitadel's v2
   * `Factors` message has no recovery-code factor, so against real Zitadel this is always null and a recovery-code
   * sign-in cannot be told from a single-factor one (docs/mfa.md).
   */
  readonly recoveryCode: Date | null;
}

export interface ZitadelSession {
  readonly id: string;
  readonly userId: string | null;
  readonly factors: SessionFactors;
}

/** The Zitadel error ids (`details[0].id`) the backend tells apart; DESIGN.md §12. */
export const ZITADEL_ERROR_IDS = {
  /** `POST /v2/users/{id}/otp_sms`: the SMS factor is already added (ALREADY_EXISTS). */
  otpSmsAlreadyAdded: 'COMMAND-Ad3g2',
  /** `POST /v2/users/{id}/phone`: the user already has this number. */
  phoneNotChanged: 'COMMAND-Uch5e',
  /** `POST /v2/users/{id}/otp_sms`: the phone is not verified (FAILED_PRECONDITION). */
  otpSmsPhoneNotVerified: 'COMMAND-Q54j2',
  /** `POST /v2/users/{id}/phone`: Zitadel does not accept the number. */
  phoneInvalid: 'PHONE-so0wa',
  /** No active SMS provider (`Errors.SMSConfig.NotFound` and its kin): the SMS integration is not configured. */
  smsNotConfigured: ['COMMAND-M0odsf', 'COMMAND-2m9fw', 'COMMAND-MUY0IFAf8O'],
} as const;

/** Zitadel could not be asked: network error, timeout, a 5xx, or an answer that is not Zitadel's JSON. */
export class ZitadelUnavailableError extends Error {}

/**
 * Zitadel answered with an error of its REST gateway: `{"code": <gRPC>, "message", "details": [{"id": "COMMAND-…"}]}`.
 * Match on `id` (`details[0].id`); the message is translated and may change (DESIGN.md §12).
 */
export class ZitadelApiError extends Error {
  constructor(
    readonly status: number,
    readonly grpcCode: number | null,
    readonly id: string | null,
    message: string,
  ) {
    super(message);
  }
}

function asDate(value: unknown): Date | null {
  if (typeof value !== 'object' || value === null) return null;
  const at = (value as { verifiedAt?: unknown }).verifiedAt;
  if (typeof at !== 'string') return null;
  const date = new Date(at);
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * A small typed client for the Zitadel v2 REST endpoints the backend calls, authenticated with the service account's
 * personal access token (ZITADEL_SERVICE_TOKEN) against ZITADEL_ISSUER. Every call has a {@link ZITADEL_TIMEOUT_MS}
 * timeout; a provider that cannot answer throws {@link ZitadelUnavailableError}, an error answer {@link ZitadelApiError}.
 */
@Injectable()
export class ZitadelClient {
  private readonly base: string;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.base = config.zitadelIssuer.href.replace(/\/$/, '');
  }

  /** `GET /v2/users/{id}/authentication_methods`: the methods the user has set up (unknown values are dropped). */
  async authenticationMethods(userId: string): Promise<AuthenticationMethod[]> {
    const body = await this.request('GET', `/v2/users/${encodeURIComponent(userId)}/authentication_methods`);
    const types = (body as { authMethodTypes?: unknown }).authMethodTypes;
    if (types === undefined) return [];
    if (!Array.isArray(types))
      throw new ZitadelUnavailableError('authentication_methods: authMethodTypes is not a list');
    const methods: AuthenticationMethod[] = [];
    for (const type of types) {
      if (typeof type !== 'string') continue;
      const name = type.replace(/^AUTHENTICATION_METHOD_TYPE_/, '');
      if ((AUTHENTICATION_METHODS as readonly string[]).includes(name)) methods.push(name as AuthenticationMethod);
    }
    return methods;
  }

  /** `GET /v2/sessions/{id}`: the session behind an ID token's `sid`, with the factors it verified. */
  async session(sessionId: string): Promise<ZitadelSession> {
    const body = await this.request('GET', `/v2/sessions/${encodeURIComponent(sessionId)}`);
    const session = (body as { session?: unknown }).session;
    if (typeof session !== 'object' || session === null) throw new ZitadelUnavailableError('sessions: no session');
    const { id, factors } = session as { id?: unknown; factors?: Record<string, unknown> };
    const user = factors?.['user'] as { id?: unknown } | undefined;
    return {
      id: typeof id === 'string' ? id : sessionId,
      userId: typeof user?.id === 'string' ? user.id : null,
      factors: {
        password: asDate(factors?.['password']),
        webAuthN: asDate(factors?.['webAuthN']),
        totp: asDate(factors?.['totp']),
        otpSms: asDate(factors?.['otpSms']),
        otpEmail: asDate(factors?.['otpEmail']),
        recoveryCode: asDate(factors?.['recoveryCode']),
      },
    };
  }

  /**
   * `POST /v2/users/{id}/phone` with `isVerified: true`: sets the user's phone (E.164) as verified, so the SMS factor
   * can be added (Zitadel's `otp_sms` needs a verified phone, `COMMAND-Q54j2`). Zitadel's "phone has not been changed"
   * (`COMMAND-Uch5e`, the same number again) is not an error here: the phone is already the one asked for.
   */
  async setVerifiedPhone(userId: string, e164: string): Promise<void> {
    try {
      await this.request('POST', `/v2/users/${encodeURIComponent(userId)}/phone`, { phone: e164, isVerified: true });
    } catch (error) {
      if (error instanceof ZitadelApiError && error.id === ZITADEL_ERROR_IDS.phoneNotChanged) return;
      throw error;
    }
  }

  /** `POST /v2/users/{id}/otp_sms`: adds the SMS one-time-code factor on the user's verified phone. */
  async addOtpSms(userId: string): Promise<void> {
    await this.request('POST', `/v2/users/${encodeURIComponent(userId)}/otp_sms`, {});
  }

  /** One authenticated JSON call. */
  protected async request(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<unknown> {
    let response: Response;
    try {
      response = await fetch(`${this.base}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${this.config.zitadelServiceToken}`,
          accept: 'application/json',
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        body: body !== undefined ? JSON.stringify(body) : undefined,
        signal: AbortSignal.timeout(ZITADEL_TIMEOUT_MS),
      });
    } catch (error) {
      throw new ZitadelUnavailableError(`${method} ${path.split('/')[2] ?? path}: ${(error as Error).message}`);
    }
    let json: unknown;
    try {
      json = await response.json();
    } catch (error) {
      if (response.status >= 500) throw new ZitadelUnavailableError(`answered ${response.status}`);
      throw new ZitadelUnavailableError(`answered ${response.status} without JSON: ${(error as Error).message}`);
    }
    if (response.status >= 500) throw new ZitadelUnavailableError(`answered ${response.status}`);
    if (!response.ok) {
      const envelope = (json ?? {}) as { code?: unknown; message?: unknown; details?: Array<{ id?: unknown }> };
      const id =
        Array.isArray(envelope.details) && typeof envelope.details[0]?.id === 'string' ? envelope.details[0].id : null;
      throw new ZitadelApiError(
        response.status,
        typeof envelope.code === 'number' ? envelope.code : null,
        id,
        typeof envelope.message === 'string' ? envelope.message : `answered ${response.status}`,
      );
    }
    if (typeof json !== 'object' || json === null) throw new ZitadelUnavailableError('answer is not a JSON object');
    return json;
  }
}
