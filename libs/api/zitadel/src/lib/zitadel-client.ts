import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@aidial/api/core';
// The shapes of ZITADEL's REST gateway, from ZITADEL's own published definitions (protojson of its .proto files), so a
// renamed field or enum value fails the type-check. Types only: nothing of the package runs.
import type { ListSMSProvidersResponseJson } from '@zitadel/proto/zitadel/admin_pb';
import type { ListMyMembershipsRequestJson, ListMyMembershipsResponseJson } from '@zitadel/proto/zitadel/auth_pb';
import type { SMSProviderConfigStateJson } from '@zitadel/proto/zitadel/settings_pb';
import type { GetSessionResponseJson } from '@zitadel/proto/zitadel/session/v2/session_service_pb';
import type { FactorsJson } from '@zitadel/proto/zitadel/session/v2/session_pb';
import type {
  AuthenticationMethodTypeJson,
  GetUserByIDResponseJson,
  ListAuthenticationMethodTypesResponseJson,
  SetPhoneRequestJson,
} from '@zitadel/proto/zitadel/user/v2/user_service_pb';

/** How long one call to Zitadel may take before it counts as unavailable. */
export const ZITADEL_TIMEOUT_MS = 3_000;

/**
 * ZITADEL's recovery-code method type. Newer ZITADEL reports it (`internal/api/grpc/user/v2` maps
 * `UserAuthMethodTypeRecoveryCode`); the published `@zitadel/proto` 1.3.1 does not have it yet, so it is added here.
 */
type RecoveryCodeMethodTypeJson = 'AUTHENTICATION_METHOD_TYPE_RECOVERY_CODE';
type MethodTypeJson = AuthenticationMethodTypeJson | RecoveryCodeMethodTypeJson;

const METHOD_OF_TYPE = {
  AUTHENTICATION_METHOD_TYPE_PASSWORD: 'PASSWORD',
  AUTHENTICATION_METHOD_TYPE_PASSKEY: 'PASSKEY',
  AUTHENTICATION_METHOD_TYPE_IDP: 'IDP',
  AUTHENTICATION_METHOD_TYPE_TOTP: 'TOTP',
  AUTHENTICATION_METHOD_TYPE_U2F: 'U2F',
  AUTHENTICATION_METHOD_TYPE_OTP_SMS: 'OTP_SMS',
  AUTHENTICATION_METHOD_TYPE_OTP_EMAIL: 'OTP_EMAIL',
  AUTHENTICATION_METHOD_TYPE_RECOVERY_CODE: 'RECOVERY_CODE',
} as const satisfies Partial<Record<MethodTypeJson, string>>;

/** Zitadel's `AuthenticationMethodType` values (v2 user API), without the `AUTHENTICATION_METHOD_TYPE_` prefix. */
export type AuthenticationMethod = (typeof METHOD_OF_TYPE)[keyof typeof METHOD_OF_TYPE];
export const AUTHENTICATION_METHODS: readonly AuthenticationMethod[] = Object.values(METHOD_OF_TYPE);

/** The factors a Zitadel v2 session reports as verified (`zitadel.session.v2.Factors`), each with when. */
export interface SessionFactors {
  readonly password: Date | null;
  /** A passkey or a security key (U2F): ZITADEL's one WebAuthN factor. */
  readonly webAuthN: Date | null;
  readonly totp: Date | null;
  readonly otpSms: Date | null;
  readonly otpEmail: Date | null;
  /**
   * A recovery code checked in this session. Newer ZITADEL records the check (`RecoveryCodeCheckedAt` in the session
   * write model); the published v2 `Factors` message has no field for it yet, so today this is null and a recovery-code
   * sign-in cannot be told from a single-factor one (docs/mfa.md). Read when ZITADEL sends it.
   */
  readonly recoveryCode: Date | null;
}

type SessionFactorsJson = FactorsJson & { readonly recoveryCode?: { readonly verifiedAt?: string } };

export interface ZitadelSession {
  readonly id: string;
  readonly userId: string | null;
  readonly factors: SessionFactors;
}

/** The user's phone at ZITADEL (`user.human.phone`), or none set. */
export interface UserPhone {
  readonly phone: string;
  readonly isVerified: boolean;
}

/** The Zitadel error ids (`details[0].id`) the backend tells apart, each from ZITADEL's `internal/command` sources. */
export const ZITADEL_ERROR_IDS = {
  /** `POST /v2/users/{id}/otp_sms`: the SMS factor is already added (ALREADY_EXISTS; `addHumanOTPSMS`). */
  otpSmsAlreadyAdded: 'COMMAND-Ad3g2',
  /** `POST /v2/users/{id}/phone`: the user already has this number; answered before it is marked verified. */
  phoneNotChanged: 'COMMAND-Uch5e',
  /** `POST /v2/users/{id}/otp_sms`: the phone is not verified (FAILED_PRECONDITION; `addHumanOTPSMS`). */
  otpSmsPhoneNotVerified: 'COMMAND-Q54j2',
  /** `POST /v2/users/{id}/phone`: ZITADEL does not accept the number (`domain.PhoneNumber.Normalize`). */
  phoneInvalid: 'PHONE-so0wa',
  /**
   * The service account may not act on this user (`internal/api/authz/permissions.go`): `AUTHZ-cdgFk` (NOT_FOUND, no
   * membership that applies), `AUTH-AWfge` and `AUTH-Swrgg2` (PERMISSION_DENIED, memberships without the permission),
   * `AUTH-5mWD2` (PERMISSION_DENIED at the gateway).
   */
  permissionMissing: ['AUTHZ-cdgFk', 'AUTH-AWfge', 'AUTH-Swrgg2', 'AUTH-5mWD2'],
} as const;

const PERMISSION_IDS: ReadonlySet<string> = new Set(ZITADEL_ERROR_IDS.permissionMissing);

/** gRPC NOT_FOUND, as ZITADEL's gateway sends it in `code`. */
const GRPC_NOT_FOUND = 5;

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

  /**
   * The service account may not make this call: its token is refused (401) or ZITADEL answered one of its permission
   * ids. A deployment fault, never the user's; docs/operators.md names the instance-wide role the account needs. Any
   * other 403 is not read as one (it says nothing certain about the account's rights).
   */
  get permissionMissing(): boolean {
    return this.status === 401 || (this.id !== null && PERMISSION_IDS.has(this.id));
  }

  /** The thing asked for does not exist (and not because the service account may not see it). */
  get notFound(): boolean {
    return (this.status === 404 || this.grpcCode === GRPC_NOT_FOUND) && !this.permissionMissing;
  }
}

function asDate(factor: { readonly verifiedAt?: string } | undefined): Date | null {
  if (typeof factor?.verifiedAt !== 'string') return null;
  const date = new Date(factor.verifiedAt);
  return Number.isNaN(date.getTime()) ? null : date;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const ACTIVE_SMS_PROVIDER: SMSProviderConfigStateJson = 'SMS_PROVIDER_CONFIG_ACTIVE';

/**
 * A small typed client for the ZITADEL REST endpoints the backend calls, authenticated with the service account's
 * personal access token (ZITADEL_SERVICE_TOKEN) against ZITADEL_ISSUER. Every call has a {@link ZITADEL_TIMEOUT_MS}
 * timeout; a provider that cannot answer throws {@link ZitadelUnavailableError}, an error answer {@link ZitadelApiError}.
 * The account needs instance-wide rights (docs/operators.md): ZITADEL checks them against the target user's
 * organisation, and every tenant is an organisation of its own.
 */
@Injectable()
export class ZitadelClient {
  private readonly base: string;
  private readonly refusalListeners: Array<(error: ZitadelApiError) => void> = [];

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.base = config.zitadelIssuer.href.replace(/\/$/, '');
  }

  /**
   * Called with every answer that says the service account may not make a call ({@link ZitadelApiError.permissionMissing}),
   * whoever made it: the readiness check learns of a missing right from the first call that meets it.
   */
  onPermissionRefused(listener: (error: ZitadelApiError) => void): void {
    this.refusalListeners.push(listener);
  }

  /** `GET /v2/users/{id}/authentication_methods`: the methods the user has set up (unknown values are dropped). */
  async authenticationMethods(userId: string): Promise<AuthenticationMethod[]> {
    const body = await this.request<ListAuthenticationMethodTypesResponseJson>(
      'GET',
      `/v2/users/${encodeURIComponent(userId)}/authentication_methods`,
    );
    const types: unknown = body.authMethodTypes;
    if (types === undefined) return [];
    if (!Array.isArray(types))
      throw new ZitadelUnavailableError('authentication_methods: authMethodTypes is not a list');
    return types.flatMap((type: unknown) =>
      typeof type === 'string' && Object.hasOwn(METHOD_OF_TYPE, type)
        ? [METHOD_OF_TYPE[type as keyof typeof METHOD_OF_TYPE]]
        : [],
    );
  }

  /**
   * `GET /v2/sessions/{id}`: the session behind an ID token's `sid`, with the factors it verified; null when ZITADEL has
   * no such v2 session (a login-v1 sign-in's `sid` is not a v2 session). Needs `session.read` on the user's organisation.
   */
  async session(sessionId: string): Promise<ZitadelSession | null> {
    let body: GetSessionResponseJson;
    try {
      body = await this.request<GetSessionResponseJson>('GET', `/v2/sessions/${encodeURIComponent(sessionId)}`);
    } catch (error) {
      if (error instanceof ZitadelApiError && error.notFound) return null;
      throw error;
    }
    const session = body.session;
    if (!isObject(session)) throw new ZitadelUnavailableError('sessions: no session');
    const factors = (isObject(session.factors) ? session.factors : {}) as SessionFactorsJson;
    return {
      id: typeof session.id === 'string' ? session.id : sessionId,
      userId: typeof factors.user?.id === 'string' ? factors.user.id : null,
      factors: {
        password: asDate(factors.password),
        webAuthN: asDate(factors.webAuthN),
        totp: asDate(factors.totp),
        otpSms: asDate(factors.otpSms),
        otpEmail: asDate(factors.otpEmail),
        recoveryCode: asDate(factors.recoveryCode),
      },
    };
  }

  /** `GET /v2/users/{id}`: the user's phone (`user.human.phone`), or null when none is set. */
  async phone(userId: string): Promise<UserPhone | null> {
    const body = await this.request<GetUserByIDResponseJson>('GET', `/v2/users/${encodeURIComponent(userId)}`);
    const phone = body.user?.human?.phone;
    if (!isObject(phone) || typeof phone.phone !== 'string' || phone.phone === '') return null;
    return { phone: phone.phone, isVerified: phone.isVerified === true };
  }

  /**
   * `POST /v2/users/{id}/phone` with `isVerified: true`: sets the user's phone (E.164) as verified, so the SMS factor
   * can be added (`COMMAND-Q54j2` otherwise). ZITADEL sends nothing for a verified phone (`ChangeUserPhoneVerified`).
   * Returns `unchanged` when the user already has this number (`COMMAND-Uch5e`, answered before the number is marked
   * verified, so it may still be unverified).
   */
  async setVerifiedPhone(userId: string, e164: string): Promise<'set' | 'unchanged'> {
    const body: Omit<SetPhoneRequestJson, 'userId'> = { phone: e164, isVerified: true };
    try {
      await this.request('POST', `/v2/users/${encodeURIComponent(userId)}/phone`, body);
      return 'set';
    } catch (error) {
      if (error instanceof ZitadelApiError && error.id === ZITADEL_ERROR_IDS.phoneNotChanged) return 'unchanged';
      throw error;
    }
  }

  /** `DELETE /v2/users/{id}/phone`: removes the user's phone (`removeUserPhone`). */
  async removePhone(userId: string): Promise<void> {
    await this.request('DELETE', `/v2/users/${encodeURIComponent(userId)}/phone`, {});
  }

  /** `POST /v2/users/{id}/otp_sms`: adds the SMS one-time-code factor on the user's verified phone. */
  async addOtpSms(userId: string): Promise<void> {
    await this.request('POST', `/v2/users/${encodeURIComponent(userId)}/otp_sms`, {});
  }

  /**
   * `POST /admin/v1/sms/_search` (ListSMSProviders, needs `iam.read`): whether the instance has an active SMS provider.
   * Adding the SMS factor never touches the provider, so this is the one place ZITADEL tells whether a code could be
   * sent at all.
   */
  async hasActiveSmsProvider(): Promise<boolean> {
    const body = await this.request<ListSMSProvidersResponseJson>('POST', '/admin/v1/sms/_search', {});
    const providers: unknown = body.result ?? [];
    if (!Array.isArray(providers)) throw new ZitadelUnavailableError('sms: result is not a list');
    return providers.some((provider: unknown) => isObject(provider) && provider['state'] === ACTIVE_SMS_PROVIDER);
  }

  /**
   * `POST /auth/v1/memberships/me/_search` (ListMyMemberships): the service account's instance memberships and roles
   * (asked for by `iamQuery`, so organisation memberships cannot push the instance one off the first page).
   */
  async ownMemberships(): Promise<Array<{ readonly instance: boolean; readonly roles: readonly string[] }>> {
    const query: ListMyMembershipsRequestJson = { queries: [{ iamQuery: { iam: true } }] };
    const body = await this.request<ListMyMembershipsResponseJson>('POST', '/auth/v1/memberships/me/_search', query);
    const memberships: unknown = body.result ?? [];
    if (!Array.isArray(memberships)) throw new ZitadelUnavailableError('memberships: result is not a list');
    return memberships.filter(isObject).map((membership) => ({
      instance: membership['iam'] === true,
      roles: Array.isArray(membership['roles'])
        ? membership['roles'].filter((role): role is string => typeof role === 'string')
        : [],
    }));
  }

  /** One authenticated JSON call; the answer typed as ZITADEL's definition of it (its fields still checked on use). */
  protected async request<T = unknown>(
    method: 'GET' | 'POST' | 'DELETE',
    path: string,
    body?: unknown,
  ): Promise<Partial<T>> {
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
      const error = new ZitadelApiError(
        response.status,
        typeof envelope.code === 'number' ? envelope.code : null,
        id,
        typeof envelope.message === 'string' ? envelope.message : `answered ${response.status}`,
      );
      if (error.permissionMissing) for (const listener of this.refusalListeners) listener(error);
      throw error;
    }
    if (!isObject(json)) throw new ZitadelUnavailableError('answer is not a JSON object');
    return json as Partial<T>;
  }
}
