// ZITADEL's own published definitions of the answers (protojson types; `import type` is erased at run time), so an
// answer that drifts from ZITADEL's shape fails the type-check here as it does in the API's client.
import type { ListSMSProvidersResponseJson } from '@zitadel/proto/zitadel/admin_pb';
import type { ListMyMembershipsResponseJson } from '@zitadel/proto/zitadel/auth_pb';
import type { DetailsJson } from '@zitadel/proto/zitadel/object/v2/object_pb';
import type { GetSessionResponseJson } from '@zitadel/proto/zitadel/session/v2/session_service_pb';
import type { UserJson } from '@zitadel/proto/zitadel/user/v2/user_pb';
import type {
  AddOTPSMSResponseJson,
  AuthenticationMethodTypeJson,
  GetUserByIDResponseJson,
  ListAuthenticationMethodTypesResponseJson,
  RemoveOTPSMSResponseJson,
  RemovePhoneResponseJson,
  SetPhoneResponseJson,
  UnlockUserResponseJson,
  VerifyPhoneResponseJson,
} from '@zitadel/proto/zitadel/user/v2/user_service_pb';
import type { KoaContext, Middleware } from 'oidc-provider';
import { type Clock, type Directory, RECOVERY_CODE_MAX, type UserAccount, normalisePhone } from './directory.ts';
import { type Faults, SLOW_REST_API_MS } from './faults.ts';
import { BadRequest, type Params, type Route, compileRoutes, matchRoute, readJsonObject, sendJson } from './http.ts';
import {
  INSTANCE_ID,
  type ServiceAccount,
  type ServiceAccounts,
  checkGatewayPermission,
  checkPermission,
} from './service-accounts.ts';
import type { SignInSessions } from './sign-in-sessions.ts';
import type { SmsOutbox } from './sms-outbox.ts';
import { GRPC, ZitadelError, sendZitadelError } from './zitadel-errors.ts';

export { ZitadelError, sendZitadelError } from './zitadel-errors.ts';

export interface ZitadelApiDependencies {
  readonly directory: Directory;
  readonly sessions: SignInSessions;
  readonly outbox: SmsOutbox;
  readonly faults: Faults;
  readonly serviceAccounts: ServiceAccounts;
  readonly smsCodeTtlSeconds: number;
  readonly clock: Clock;
}

/** The REST API paths answered here: Zitadel's v2 services and the two v1 services the backend calls. */
const API_PREFIXES = ['/v2/', '/admin/v1/', '/auth/v1/'];

/** README.md's fidelity table names the Zitadel source of each id; `DEVIDP-…` ids are the dev-idp's own. */
const ERRORS = {
  missingToken: () => new ZitadelError(GRPC.UNAUTHENTICATED, 'AUTH-7fs1e', 'auth header missing'),
  invalidToken: () => new ZitadelError(GRPC.UNAUTHENTICATED, 'AUTH-7fs1e', 'Errors.Token.Invalid'),
  userNotFound: () => new ZitadelError(GRPC.NOT_FOUND, 'QUERY-Dfbg2', 'Errors.User.NotFound'),
  unlockUserNotFound: () => new ZitadelError(GRPC.NOT_FOUND, 'COMMAND-x377t913pw', 'Errors.User.NotFound'),
  notLocked: () => new ZitadelError(GRPC.FAILED_PRECONDITION, 'COMMAND-olb9vb0oca', 'Errors.User.NotLocked'),
  recoveryCodesUserNotFound: () => new ZitadelError(GRPC.NOT_FOUND, 'DEVIDP-USER-NOT-FOUND', 'User could not be found'),
  phoneUserNotFound: () => new ZitadelError(GRPC.NOT_FOUND, 'COMMAND-ieJ2e', 'Errors.User.Phone.NotFound'),
  phoneInvalid: () => new ZitadelError(GRPC.INVALID_ARGUMENT, 'PHONE-so0wa', 'Errors.User.Phone.Invalid'),
  phoneNotChanged: () => new ZitadelError(GRPC.FAILED_PRECONDITION, 'COMMAND-Uch5e', 'Errors.User.Phone.NotChanged'),
  codeEmpty: () => new ZitadelError(GRPC.INVALID_ARGUMENT, 'COMMAND-Fia4a', 'Errors.User.Code.Empty'),
  codeInvalid: () => new ZitadelError(GRPC.INVALID_ARGUMENT, 'COMMAND-eis9R', 'Errors.User.Code.Invalid'),
  otpSmsAlreadyReady: () => new ZitadelError(GRPC.ALREADY_EXISTS, 'COMMAND-Ad3g2', 'Errors.User.MFA.OTP.AlreadyReady'),
  otpSmsPhoneNotVerified: () =>
    new ZitadelError(GRPC.FAILED_PRECONDITION, 'COMMAND-Q54j2', 'Errors.User.MFA.OTP.NotReady'),
  otpSmsNotExisting: () => new ZitadelError(GRPC.NOT_FOUND, 'COMMAND-Sr3h3', 'Errors.User.MFA.OTP.NotExisting'),
  recoveryCodeCountInvalid: () =>
    new ZitadelError(GRPC.INVALID_ARGUMENT, 'COMMAND-7c0nx', 'Errors.User.RecoveryCodes.CountInvalid'),
  recoveryCodesMaxExceeded: () =>
    new ZitadelError(GRPC.ALREADY_EXISTS, 'COMMAND-8f2k9', 'Errors.User.MFA.RecoveryCodes.MaxCountExceeded'),
  sessionNotFound: () => new ZitadelError(GRPC.NOT_FOUND, 'QUERY-SFeaa', 'Errors.Session.NotExisting'),
  restApiUnavailable: () =>
    new ZitadelError(GRPC.UNAVAILABLE, 'DEVIDP-API-UNAVAILABLE', 'The API is unavailable (fault injected)'),
  badRequest: (message: string) => new ZitadelError(GRPC.INVALID_ARGUMENT, 'DEVIDP-BAD-REQUEST', message),
  notFound: () => new ZitadelError(GRPC.NOT_FOUND, 'DEVIDP-ROUTE-NOT-FOUND', 'Not Found'),
} as const;

type ApiHandler = (ctx: KoaContext, params: Params, caller: ServiceAccount) => Promise<void>;

interface ApiRoute {
  readonly method: Route['method'];
  readonly path: string;
  readonly handler: ApiHandler;
}

/**
 * Answers Zitadel's REST API: authenticates the personal access token first, then routes; unknown paths under the
 * API prefixes are 404 (code 5). Permissions are checked per call, as Zitadel's commands and queries do.
 */
export function zitadelApi(deps: ZitadelApiDependencies): Middleware {
  const apiRoutes = zitadelRoutes(deps);
  const callers = new WeakMap<KoaContext, ServiceAccount>();
  const table = compileRoutes(
    apiRoutes.map((route) => ({
      method: route.method,
      path: route.path,
      handler: (ctx: KoaContext, params: Params) => route.handler(ctx, params, callers.get(ctx) as ServiceAccount),
    })),
  );
  return async (ctx, next) => {
    if (!API_PREFIXES.some((prefix) => ctx.path.startsWith(prefix))) return next();
    try {
      if (deps.faults.restApi === 'unavailable') throw ERRORS.restApiUnavailable();
      if (deps.faults.restApi === 'slow') await new Promise((resolve) => setTimeout(resolve, SLOW_REST_API_MS));
      callers.set(ctx, authenticate(ctx, deps.serviceAccounts));
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

function authenticate(ctx: KoaContext, serviceAccounts: ServiceAccounts): ServiceAccount {
  const header = ctx.get('authorization');
  if (!header) throw ERRORS.missingToken();
  const match = /^Bearer (.+)$/i.exec(header);
  const account = match ? serviceAccounts.withToken(match[1]) : undefined;
  if (!account) throw ERRORS.invalidToken();
  return account;
}

function zitadelRoutes(deps: ZitadelApiDependencies): ApiRoute[] {
  const { directory, faults, outbox, sessions, clock } = deps;
  const now = () => new Date(clock()).toISOString();
  const userOr = (params: Params, notFound: () => ZitadelError): UserAccount => {
    const user = directory.findById(params.userId);
    if (!user) throw notFound();
    return user;
  };
  const details = (user: UserAccount): DetailsJson => ({
    sequence: String(user.sequence),
    changeDate: user.changedAt.toISOString(),
    resourceOwner: user.organization.id,
  });
  const listDetails = (total: number, sequence = 1) => ({
    totalResult: String(total),
    processedSequence: String(sequence),
    timestamp: now(),
  });
  /** Zitadel sends the text from its notification worker: the call succeeds whether or not it arrives. */
  const sendVerificationCode = (phone: string, code: string) => {
    if (!faults.smsSendFailure()) outbox.send(phone, 'phone-verification', code, deps.smsCodeTtlSeconds);
  };

  return [
    {
      // internal/query/user_auth_method.go ListUserAuthMethodTypes: user.read in the CALLER's organisation context.
      method: 'GET',
      path: '/v2/users/:userId/authentication_methods',
      handler: async (ctx, params, caller) => {
        checkPermission(caller, 'user.read', caller.organizationId);
        const user = directory.findById(params.userId);
        // RECOVERY_CODE: ZITADEL main reports it; the published proto 1.3.1 has not caught up (README.md).
        const types: Array<AuthenticationMethodTypeJson | 'AUTHENTICATION_METHOD_TYPE_RECOVERY_CODE'> = [];
        if (user) {
          types.push('AUTHENTICATION_METHOD_TYPE_PASSWORD');
          if (user.totp) types.push('AUTHENTICATION_METHOD_TYPE_TOTP');
          if (user.otpSms) types.push('AUTHENTICATION_METHOD_TYPE_OTP_SMS');
          if (user.recoveryCodeHashes.size > 0) types.push('AUTHENTICATION_METHOD_TYPE_RECOVERY_CODE');
        }
        const answer: Omit<ListAuthenticationMethodTypesResponseJson, 'authMethodTypes'> & {
          authMethodTypes?: typeof types;
        } = {
          details: listDetails(types.length, user?.sequence),
          ...(types.length > 0 ? { authMethodTypes: types } : {}),
        };
        sendJson(ctx, 200, answer);
      },
    },
    {
      // internal/query/user.go GetUserByIDWithPermission: not found first, then user.read on the user's organisation.
      method: 'GET',
      path: '/v2/users/:userId',
      handler: async (ctx, params, caller) => {
        const user = userOr(params, ERRORS.userNotFound);
        checkPermission(caller, 'user.read', user.organization.id);
        const answer: GetUserByIDResponseJson = { details: details(user), user: userResource(user, details(user)) };
        sendJson(ctx, 200, answer);
      },
    },
    {
      // internal/command/user_v2_phone.go changeUserPhoneWithGenerator / ChangeUserPhoneVerified.
      method: 'POST',
      path: '/v2/users/:userId/phone',
      handler: async (ctx, params, caller) => {
        const body = await readJsonObject(ctx);
        const user = userOr(params, ERRORS.phoneUserNotFound);
        checkPermission(caller, 'user.write', user.organization.id);
        const phone = typeof body.phone === 'string' ? normalisePhone(body.phone) : undefined;
        if (!phone) throw ERRORS.phoneInvalid();
        // Checked before the phone is marked verified: the same, unverified number stays unverified.
        if (user.phone?.number === phone) throw ERRORS.phoneNotChanged();
        const returnCode = typeof body.returnCode === 'object' && body.returnCode !== null;
        const verification = directory.setPhone(user, phone, body.isVerified === true, deps.smsCodeTtlSeconds);
        if (verification && !returnCode) sendVerificationCode(phone, verification.code);
        const answer: SetPhoneResponseJson = {
          details: details(user),
          ...(verification && returnCode ? { verificationCode: verification.code } : {}),
        };
        sendJson(ctx, 200, answer);
      },
    },
    {
      // internal/command/user_v2_phone.go removeUserPhone: user.write; the SMS factor goes with the phone.
      method: 'DELETE',
      path: '/v2/users/:userId/phone',
      handler: async (ctx, params, caller) => {
        const user = userOr(params, ERRORS.phoneUserNotFound);
        checkPermission(caller, 'user.write', user.organization.id);
        directory.removePhone(user);
        sendJson(ctx, 200, { details: details(user) } satisfies RemovePhoneResponseJson);
      },
    },
    {
      // internal/command/user_v2_phone.go verifyUserPhoneWithGenerator (no permission check of its own).
      method: 'POST',
      path: '/v2/users/:userId/phone/verify',
      handler: async (ctx, params) => {
        const body = await readJsonObject(ctx);
        const user = userOr(params, ERRORS.phoneUserNotFound);
        const code = typeof body.verificationCode === 'string' ? body.verificationCode : '';
        if (!code) throw ERRORS.codeEmpty();
        if (!directory.verifyPhone(user, code)) throw ERRORS.codeInvalid();
        sendJson(ctx, 200, { details: details(user) } satisfies VerifyPhoneResponseJson);
      },
    },
    {
      // internal/command/user_human_otp.go addHumanOTPSMS: user.credential.write, then added?, then phone verified?
      // It never touches the SMS provider.
      method: 'POST',
      path: '/v2/users/:userId/otp_sms',
      handler: async (ctx, params, caller) => {
        await readJsonObject(ctx);
        const user = directory.findById(params.userId);
        checkPermission(caller, 'user.credential.write', user?.organization.id ?? '');
        if (user?.otpSms) throw ERRORS.otpSmsAlreadyReady();
        if (!user?.phone?.verified) throw ERRORS.otpSmsPhoneNotVerified();
        directory.addOtpSms(user);
        sendJson(ctx, 200, { details: details(user) } satisfies AddOTPSMSResponseJson);
      },
    },
    {
      // internal/command/user_human_otp.go RemoveHumanOTPSMS: user.write, then COMMAND-Sr3h3 when not added.
      method: 'DELETE',
      path: '/v2/users/:userId/otp_sms',
      handler: async (ctx, params, caller) => {
        const user = directory.findById(params.userId);
        checkPermission(caller, 'user.write', user?.organization.id ?? '');
        if (!user?.otpSms) throw ERRORS.otpSmsNotExisting();
        directory.removeOtpSms(user);
        sendJson(ctx, 200, { details: details(user) } satisfies RemoveOTPSMSResponseJson);
      },
    },
    {
      // Zitadel main, internal/command GenerateRecoveryCodes: adds `count` codes; more than the maximum unused is
      // COMMAND-8f2k9. Not in the published @zitadel/proto 1.3.1 (README.md).
      method: 'POST',
      path: '/v2/users/:userId/recovery_codes',
      handler: async (ctx, params, caller) => {
        const body = await readJsonObject(ctx);
        const user = userOr(params, ERRORS.recoveryCodesUserNotFound);
        checkPermission(caller, 'user.credential.write', user.organization.id);
        const count = Number(body.count ?? 0);
        if (!Number.isInteger(count) || count <= 0 || count > RECOVERY_CODE_MAX) {
          throw ERRORS.recoveryCodeCountInvalid();
        }
        if (user.recoveryCodeHashes.size + count > RECOVERY_CODE_MAX) throw ERRORS.recoveryCodesMaxExceeded();
        const recoveryCodes = directory.addRecoveryCodes(user, count);
        sendJson(ctx, 200, { details: details(user), recoveryCodes });
      },
    },
    {
      // internal/command/user_v2.go UnlockUserV2: not found, not locked, then user.write.
      method: 'POST',
      path: '/v2/users/:userId/unlock',
      handler: async (ctx, params, caller) => {
        await readJsonObject(ctx);
        const user = userOr(params, ERRORS.unlockUserNotFound);
        if (!user.locked) throw ERRORS.notLocked();
        checkPermission(caller, 'user.write', user.organization.id);
        directory.unlock(user);
        sendJson(ctx, 200, { details: details(user) } satisfies UnlockUserResponseJson);
      },
    },
    {
      // internal/query/session.go SessionByID + sessionCheckPermission: session.read on the session user's organisation.
      method: 'GET',
      path: '/v2/sessions/:sessionId',
      handler: async (ctx, params, caller) => {
        const session = sessions.findSession(params.sessionId);
        if (!session) throw ERRORS.sessionNotFound();
        const { authentication } = session;
        const user = directory.findById(authentication.userId);
        checkPermission(caller, 'session.read', user?.organization.id ?? '');
        const verified = (at: Date | undefined) => (at ? { verifiedAt: at.toISOString() } : undefined);
        const answer: GetSessionResponseJson = {
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
            },
            metadata: {},
            userAgent: authentication.userAgent ? { description: authentication.userAgent } : undefined,
          },
        };
        sendJson(ctx, 200, answer);
      },
    },
    {
      // proto zitadel/admin.proto ListSMSProviders (auth option iam.read), settings.proto SMSProvider.
      method: 'POST',
      path: '/admin/v1/sms/_search',
      handler: async (ctx, _params, caller) => {
        await readJsonObject(ctx);
        checkGatewayPermission(caller, 'iam.read');
        const created = new Date(0).toISOString();
        const providers: NonNullable<ListSMSProvidersResponseJson['result']> =
          faults.smsProvider === 'none'
            ? []
            : [
                {
                  details: { sequence: '1', creationDate: created, changeDate: created, resourceOwner: INSTANCE_ID },
                  id: '280000000000000800',
                  state:
                    faults.smsProvider === 'active' ? 'SMS_PROVIDER_CONFIG_ACTIVE' : 'SMS_PROVIDER_CONFIG_INACTIVE',
                  description: 'Twilio',
                  twilio: { sid: 'AC00000000000000000000000000000000', senderNumber: '+61400000000' },
                },
              ];
        const answer: ListSMSProvidersResponseJson = {
          details: { totalResult: String(providers.length), viewTimestamp: now() },
          ...(providers.length > 0 ? { result: providers } : {}),
        };
        sendJson(ctx, 200, answer);
      },
    },
    {
      // proto zitadel/auth.proto ListMyMemberships (authenticated), user.proto Membership.
      method: 'POST',
      path: '/auth/v1/memberships/me/_search',
      handler: async (ctx, _params, caller) => {
        const body = await readJsonObject(ctx);
        // `queries: [{"iamQuery": {"iam": true}}]` keeps the instance memberships (MembershipIAMQuery).
        const queries = Array.isArray(body.queries) ? (body.queries as Array<Record<string, unknown>>) : [];
        const instanceOnly = queries.some(
          (query) => (query['iamQuery'] as { iam?: unknown } | undefined)?.iam === true,
        );
        const memberships = caller.memberships.filter(({ scope }) => !instanceOnly || scope.kind === 'iam');
        const created = new Date(0).toISOString();
        const answer: ListMyMembershipsResponseJson = {
          details: { totalResult: String(memberships.length), viewTimestamp: now() },
          result: memberships.map(({ scope, roles }) => ({
            userId: caller.userId,
            details: {
              sequence: '1',
              creationDate: created,
              changeDate: created,
              resourceOwner: scope.kind === 'iam' ? INSTANCE_ID : scope.organizationId,
            },
            roles: [...roles],
            displayName: caller.userName,
            ...(scope.kind === 'iam' ? { iam: true } : { orgId: scope.organizationId }),
          })),
        };
        sendJson(ctx, 200, answer);
      },
    },
  ];
}

/** user/v2 user.proto User with HumanUser, in protojson (default values left out). */
function userResource(user: UserAccount, objectDetails: DetailsJson): UserJson {
  return {
    userId: user.id,
    details: objectDetails,
    state: user.locked ? 'USER_STATE_LOCKED' : 'USER_STATE_ACTIVE',
    username: user.email,
    loginNames: [user.email],
    preferredLoginName: user.email,
    human: {
      profile: {
        givenName: user.givenName,
        familyName: user.familyName,
        displayName: user.displayName,
        preferredLanguage: 'en',
      },
      email: { email: user.email, isVerified: true },
      phone: user.phone ? { phone: user.phone.number, ...(user.phone.verified ? { isVerified: true } : {}) } : {},
    },
  };
}
