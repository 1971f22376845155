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

export type ErrorCode = 'unauthenticated' | 'access_denied' | 'tenant_suspended' | 'mfa_required' | 'not_found' | 'validation_failed' | 'malformed_json' | 'unsupported_media_type' | 'payload_too_large' | 'rate_limited' | 'session_validation_unavailable' | 'service_unavailable' | 'internal_error';

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
