import type { KoaContext, Middleware } from 'oidc-provider';
import type { SmsFactorFault } from './config.ts';
import { type Clock, type Directory, type UserAccount, equalSecrets, normalisePhone } from './directory.ts';
import type { Faults } from './faults.ts';
import { BadRequest, type Params, type Route, compileRoutes, matchRoute, readJsonObject, sendJson } from './http.ts';
import type { SignInSessions } from './sign-in-sessions.ts';
import type { SmsOutbox } from './sms-outbox.ts';

export interface ZitadelApiDependencies {
  readonly directory: Directory;
  readonly sessions: SignInSessions;
  readonly outbox: SmsOutbox;
  readonly faults: Faults;
  readonly serviceToken: string;
  readonly smsCodeTtlSeconds: number;
  readonly clock: Clock;
}

/** gRPC status codes Zitadel's REST gateway answers with, and the HTTP status each maps to. */
const GRPC = {
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
 * Ids from Zitadel's source are used where they are known (README.md lists which are the dev-idp's own).
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

const ERRORS = {
  missingToken: () => new ZitadelError(GRPC.UNAUTHENTICATED, 'AUTH-7fs1e', 'auth header missing'),
  invalidToken: () => new ZitadelError(GRPC.UNAUTHENTICATED, 'AUTH-7fs1e', 'Token is invalid'),
  userNotFound: () => new ZitadelError(GRPC.NOT_FOUND, 'DEVIDP-USER-NOT-FOUND', 'User could not be found'),
  phoneUserNotFound: () => new ZitadelError(GRPC.NOT_FOUND, 'COMMAND-ieJ2e', 'Phone not found'),
  phoneInvalid: () => new ZitadelError(GRPC.INVALID_ARGUMENT, 'PHONE-so0wa', 'Phone number is invalid'),
  phoneNotChanged: () => new ZitadelError(GRPC.FAILED_PRECONDITION, 'COMMAND-Uch5e', 'Phone has not been changed'),
  codeEmpty: () => new ZitadelError(GRPC.INVALID_ARGUMENT, 'COMMAND-Fia4a', 'Code is empty'),
  codeInvalid: () => new ZitadelError(GRPC.INVALID_ARGUMENT, 'COMMAND-eis9R', 'Code is invalid'),
  otpSmsAlreadyReady: () =>
    new ZitadelError(GRPC.ALREADY_EXISTS, 'COMMAND-Ad3g2', 'Multifactor OTP (OneTimePassword) is already set up'),
  otpSmsPhoneNotVerified: () =>
    new ZitadelError(GRPC.FAILED_PRECONDITION, 'COMMAND-Q54j2', 'Multifactor OTP (OneTimePassword) is not ready'),
  otpSmsNotExisting: () =>
    new ZitadelError(GRPC.NOT_FOUND, 'COMMAND-Sr3h3', 'Multifactor OTP (OneTimePassword) does not exist'),
  restApiUnavailable: () =>
    new ZitadelError(GRPC.UNAVAILABLE, 'DEVIDP-API-UNAVAILABLE', 'The API is unavailable (fault injected)'),
  smsUnavailable: () =>
    new ZitadelError(GRPC.UNAVAILABLE, 'DEVIDP-SMS-UNAVAILABLE', 'SMS provider is unavailable (fault injected)'),
  smsNotConfigured: () => new ZitadelError(GRPC.FAILED_PRECONDITION, 'COMMAND-M0odsf', 'SMS configuration not found'),
  smsDeliveryFailed: () =>
    new ZitadelError(GRPC.FAILED_PRECONDITION, 'DEVIDP-SMS-DELIVERY-FAILED', 'The SMS could not be delivered'),
  smsCarrierBlocked: () =>
    new ZitadelError(
      GRPC.FAILED_PRECONDITION,
      'DEVIDP-SMS-CARRIER-BLOCKED',
      'The carrier blocked delivery to this number (recipient opted out)',
    ),
  sessionNotFound: () => new ZitadelError(GRPC.NOT_FOUND, 'DEVIDP-SESSION-NOT-FOUND', 'Session could not be found'),
  badRequest: (message: string) => new ZitadelError(GRPC.INVALID_ARGUMENT, 'DEVIDP-BAD-REQUEST', message),
  notFound: () => new ZitadelError(GRPC.NOT_FOUND, 'DEVIDP-ROUTE-NOT-FOUND', 'Not Found'),
} as const;

/** The error each injected SMS fault answers with, before the endpoint changes anything. */
const SMS_FACTOR_FAULT_ERRORS: Record<Exclude<SmsFactorFault, 'none'>, () => ZitadelError> = {
  unavailable: ERRORS.smsUnavailable,
  not_configured: ERRORS.smsNotConfigured,
  delivery_failed: ERRORS.smsDeliveryFailed,
  carrier_blocked: ERRORS.smsCarrierBlocked,
};

/** Answers every /v2/ request: authenticates the service token first, then routes; unknown /v2 paths are 404 (code 5). */
export function zitadelApi(deps: ZitadelApiDependencies): Middleware {
  const table = compileRoutes(zitadelRoutes(deps));
  return async (ctx, next) => {
    if (!ctx.path.startsWith('/v2/')) return next();
    try {
      if (deps.faults.restApi === 'unavailable') throw ERRORS.restApiUnavailable();
      authenticate(ctx, deps.serviceToken);
      const found = matchRoute(table, ctx);
      if (!found) throw ERRORS.notFound();
      await found.route.handler(ctx, found.params);
    } catch (error) {
      if (error instanceof ZitadelError) return sendZitadelError(ctx, error);
      if (error instanceof BadRequest) return sendZitadelError(ctx, ERRORS.badRequest(error.message));
      throw error;
    }
  };
}

function authenticate(ctx: KoaContext, serviceToken: string): void {
  const header = ctx.get('authorization');
  if (!header) throw ERRORS.missingToken();
  const match = /^Bearer (.+)$/i.exec(header);
  if (!match || !equalSecrets(match[1], serviceToken)) throw ERRORS.invalidToken();
}

function zitadelRoutes(deps: ZitadelApiDependencies): Route[] {
  const { directory, faults, outbox, sessions, clock } = deps;
  const userOr = (params: Params, notFound: () => ZitadelError): UserAccount => {
    const user = directory.findById(params.userId);
    if (!user) throw notFound();
    return user;
  };
  const details = (user: UserAccount) => ({
    sequence: String(user.sequence),
    changeDate: user.changedAt.toISOString(),
    resourceOwner: user.organization.id,
  });
  const smsProviderWorks = () => {
    if (faults.smsFactor !== 'none') throw SMS_FACTOR_FAULT_ERRORS[faults.smsFactor]();
  };

  const table: Route[] = [
    {
      method: 'GET',
      path: '/v2/users/:userId/authentication_methods',
      handler: async (ctx, params) => {
        const user = userOr(params, ERRORS.userNotFound);
        const types = ['AUTHENTICATION_METHOD_TYPE_PASSWORD'];
        if (user.totp) types.push('AUTHENTICATION_METHOD_TYPE_TOTP');
        if (user.otpSms) types.push('AUTHENTICATION_METHOD_TYPE_OTP_SMS');
        if (user.recoveryCodeHashes.size > 0) types.push('AUTHENTICATION_METHOD_TYPE_RECOVERY_CODE');
        sendJson(ctx, 200, {
          details: {
            totalResult: String(types.length),
            processedSequence: String(user.sequence),
            timestamp: new Date(clock()).toISOString(),
          },
          authMethodTypes: types,
        });
      },
    },
    {
      method: 'POST',
      path: '/v2/users/:userId/phone',
      handler: async (ctx, params) => {
        const body = await readJsonObject(ctx);
        const user = userOr(params, ERRORS.phoneUserNotFound);
        smsProviderWorks();
        const phone = typeof body.phone === 'string' ? normalisePhone(body.phone) : undefined;
        if (!phone) throw ERRORS.phoneInvalid();
        if (user.phone?.number === phone) throw ERRORS.phoneNotChanged();
        const returnCode = typeof body.returnCode === 'object' && body.returnCode !== null;
        const verification = directory.setPhone(user, phone, body.isVerified === true, deps.smsCodeTtlSeconds);
        if (verification && !returnCode) {
          outbox.send(phone, 'phone-verification', verification.code, deps.smsCodeTtlSeconds);
        }
        sendJson(ctx, 200, {
          details: details(user),
          ...(verification && returnCode ? { verificationCode: verification.code } : {}),
        });
      },
    },
    {
      method: 'POST',
      path: '/v2/users/:userId/phone/verify',
      handler: async (ctx, params) => {
        const body = await readJsonObject(ctx);
        const user = userOr(params, ERRORS.phoneUserNotFound);
        const code = typeof body.verificationCode === 'string' ? body.verificationCode : '';
        if (!code) throw ERRORS.codeEmpty();
        if (!directory.verifyPhone(user, code)) throw ERRORS.codeInvalid();
        sendJson(ctx, 200, { details: details(user) });
      },
    },
    {
      method: 'POST',
      path: '/v2/users/:userId/otp_sms',
      handler: async (ctx, params) => {
        await readJsonObject(ctx);
        const user = userOr(params, ERRORS.userNotFound);
        smsProviderWorks();
        if (user.otpSms) throw ERRORS.otpSmsAlreadyReady();
        if (!user.phone?.verified) throw ERRORS.otpSmsPhoneNotVerified();
        directory.addOtpSms(user);
        sendJson(ctx, 200, { details: details(user) });
      },
    },
    {
      method: 'DELETE',
      path: '/v2/users/:userId/otp_sms',
      handler: async (ctx, params) => {
        const user = userOr(params, ERRORS.userNotFound);
        if (!user.otpSms) throw ERRORS.otpSmsNotExisting();
        directory.removeOtpSms(user);
        sendJson(ctx, 200, { details: details(user) });
      },
    },
    {
      method: 'POST',
      path: '/v2/users/:userId/recovery_codes',
      handler: async (ctx, params) => {
        const body = await readJsonObject(ctx);
        const user = userOr(params, ERRORS.userNotFound);
        const count = body.count === undefined ? undefined : Number(body.count);
        if (count !== undefined && (!Number.isInteger(count) || count < 1 || count > 20)) {
          throw ERRORS.badRequest('count must be an integer from 1 to 20');
        }
        const recoveryCodes = directory.regenerateRecoveryCodes(user, count);
        sendJson(ctx, 200, { details: details(user), recoveryCodes });
      },
    },
    {
      method: 'GET',
      path: '/v2/sessions/:sessionId',
      handler: async (ctx, params) => {
        const session = sessions.findSession(params.sessionId);
        if (!session) throw ERRORS.sessionNotFound();
        const { authentication } = session;
        const user = directory.findById(authentication.userId);
        const verified = (at: Date | undefined) => (at ? { verifiedAt: at.toISOString() } : undefined);
        sendJson(ctx, 200, {
          session: {
            id: session.id,
            creationDate: session.createdAt.toISOString(),
            changeDate: session.changedAt.toISOString(),
            sequence: String(session.sequence),
            factors: {
              user: {
                verifiedAt: authentication.userVerifiedAt.toISOString(),
                id: authentication.userId,
                loginName: user?.email,
                displayName: user?.displayName,
                organizationId: user?.organization.id,
              },
              password: verified(authentication.factors.password),
              totp: verified(authentication.factors.totp),
              otpSms: verified(authentication.factors.otpSms),
              // Not in Zitadel's v2 Factors message (see README.md): the dev-idp's way to say a recovery code was used.
              recoveryCode: verified(authentication.factors.recoveryCode),
            },
            metadata: {},
            userAgent: authentication.userAgent ? { description: authentication.userAgent } : undefined,
          },
        });
      },
    },
  ];
  return table;
}
