// Generated from apps/api/openapi.json by tools/openapi/generate-client.mjs. Do not edit by hand.

export type ClientOptions = {
    baseUrl: string;
};

export type HealthStatus = 'ok';

export type LivenessDto = {
    status: HealthStatus;
};

export type DependencyStatus = 'up';

export type DependencyHealthDto = {
    status: DependencyStatus;
    /**
     * How long the check took, in milliseconds.
     */
    latency_ms: number;
};

export type HealthChecksDto = {
    database: DependencyHealthDto;
};

export type ReadinessDto = {
    status: HealthStatus;
    checks: HealthChecksDto;
};

export type ErrorCode = 'unauthenticated' | 'access_denied' | 'tenant_suspended' | 'mfa_required' | 'not_found' | 'validation_failed' | 'malformed_json' | 'unsupported_media_type' | 'payload_too_large' | 'csrf_failed' | 'rate_limited' | 'identity_provider_unavailable' | 'session_validation_unavailable' | 'service_unavailable' | 'internal_error';

export type FieldErrorDto = {
    field: string;
    message: string;
};

export type ErrorEnvelopeDto = {
    code: ErrorCode;
    /**
     * A sentence for people. Never a stack trace, SQL, token or host.
     */
    message: string;
    /**
     * Also sent as the X-Request-Id response header; quote it to support.
     */
    request_id: string;
    /**
     * Present for `validation_failed`.
     */
    fields?: Array<FieldErrorDto>;
};

export type AuthorizationUrlDto = {
    /**
     * Where to send the browser to sign in at the identity provider.
     */
    authorization_url: string;
};

export type EndSessionDto = {
    /**
     * Where to send the browser to end the identity provider's session too.
     */
    end_session_url: string;
};

export type SessionUserDto = {
    /**
     * From the identity provider; null when it gave none.
     */
    display_name: string | null;
    email: string | null;
};

export type Role = 'client_admin' | 'client_manager' | 'client_staff' | 'partner_admin' | 'partner_user' | 'aidial_admin' | 'aidial_operator';

export type TenantKind = 'customer' | 'partner' | 'internal';

export type SessionTenantStatus = 'active';

export type SessionTenantDto = {
    id: string;
    name: string;
    kind: TenantKind;
    status: SessionTenantStatus;
};

export type SessionClientDto = {
    id: string;
    name: string;
};

export type ProjectScopeKind = 'all' | 'selected';

export type ProjectScopeDto = {
    kind: ProjectScopeKind;
    /**
     * The projects of a `selected` scope; empty for `all`.
     */
    project_ids: Array<string>;
};

export type SignInFactsDto = {
    /**
     * The ID token's `amr` as Zitadel sent it (`pwd`, `otp`, `user`, `mfa`); empty when it sent none or a malformed one.
     */
    amr: Array<string>;
    /**
     * Two factors or more were used (`amr` contains `mfa`). A missing `amr` counts as single-factor.
     */
    multi_factor: boolean;
    /**
     * When the user last authenticated at the identity provider (`auth_time`).
     */
    authenticated_at: string;
};

export type SessionSummaryDto = {
    user: SessionUserDto;
    role: Role;
    tenant: SessionTenantDto;
    client: SessionClientDto | null;
    project_scope: ProjectScopeDto;
    sign_in: SignInFactsDto;
    /**
     * When the session ends if idle from now on (the absolute end caps it).
     */
    expires_at: string;
    /**
     * When the session ends however active it is.
     */
    absolute_expires_at: string;
};

export type GetLivenessData = {
    body?: never;
    path?: never;
    query?: never;
    url: '/health/live';
};

export type GetLivenessErrors = {
    /**
     * Error envelope
     */
    default: ErrorEnvelopeDto;
};

export type GetLivenessError = GetLivenessErrors[keyof GetLivenessErrors];

export type GetLivenessResponses = {
    200: LivenessDto;
};

export type GetLivenessResponse = GetLivenessResponses[keyof GetLivenessResponses];

export type GetReadinessData = {
    body?: never;
    path?: never;
    query?: never;
    url: '/health/ready';
};

export type GetReadinessErrors = {
    /**
     * `service_unavailable`: the database did not answer.
     */
    503: ErrorEnvelopeDto;
    /**
     * Error envelope
     */
    default: ErrorEnvelopeDto;
};

export type GetReadinessError = GetReadinessErrors[keyof GetReadinessErrors];

export type GetReadinessResponses = {
    200: ReadinessDto;
};

export type GetReadinessResponse = GetReadinessResponses[keyof GetReadinessResponses];

export type StartSignInData = {
    body?: never;
    path?: never;
    query: {
        /**
         * Sent to the identity provider as `login_hint`.
         */
        email: string;
        /**
         * A same-origin path to return to after sign-in; anything else falls back to the home page.
         */
        return_to?: string;
    };
    url: '/api/auth/login';
};

export type StartSignInErrors = {
    /**
     * `identity_provider_unavailable`
     */
    503: ErrorEnvelopeDto;
    /**
     * Error envelope
     */
    default: ErrorEnvelopeDto;
};

export type StartSignInError = StartSignInErrors[keyof StartSignInErrors];

export type StartSignInResponses = {
    200: AuthorizationUrlDto;
};

export type StartSignInResponse = StartSignInResponses[keyof StartSignInResponses];

export type LogoutData = {
    body?: never;
    path?: never;
    query?: never;
    url: '/api/auth/logout';
};

export type LogoutErrors = {
    /**
     * Error envelope
     */
    default: ErrorEnvelopeDto;
};

export type LogoutError = LogoutErrors[keyof LogoutErrors];

export type LogoutResponses = {
    200: EndSessionDto;
};

export type LogoutResponse = LogoutResponses[keyof LogoutResponses];

export type GetSessionData = {
    body?: never;
    path?: never;
    query?: never;
    url: '/api/session';
};

export type GetSessionErrors = {
    /**
     * `unauthenticated`: no, expired or revoked session.
     */
    401: ErrorEnvelopeDto;
    /**
     * `access_denied` (role not recognised, no membership) or `tenant_suspended`.
     */
    403: ErrorEnvelopeDto;
    /**
     * `session_validation_unavailable`
     */
    503: ErrorEnvelopeDto;
    /**
     * Error envelope
     */
    default: ErrorEnvelopeDto;
};

export type GetSessionError = GetSessionErrors[keyof GetSessionErrors];

export type GetSessionResponses = {
    200: SessionSummaryDto;
};

export type GetSessionResponse = GetSessionResponses[keyof GetSessionResponses];
