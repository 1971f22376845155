// Generated from apps/api/openapi.json by tools/openapi/generate-client.mjs. Do not edit by hand.

export { getLiveness, getReadiness, type Options } from './sdk.gen';
export type { ClientOptions, DependencyHealthDto, DependencyStatus, ErrorCode, ErrorEnvelopeDto, FieldErrorDto, GetLivenessData, GetLivenessError, GetLivenessErrors, GetLivenessResponse, GetLivenessResponses, GetReadinessData, GetReadinessError, GetReadinessErrors, GetReadinessResponse, GetReadinessResponses, HealthChecksDto, HealthStatus, LivenessDto, ReadinessDto } from './types.gen';
