// Generated from apps/api/openapi.json by tools/openapi/generate-client.mjs. Do not edit by hand.

import type { Client, Options as Options2, TDataShape } from './client';
import { client } from './client.gen';
import type { AcknowledgeRecoveryCodesReviewedData, AcknowledgeRecoveryCodesReviewedErrors, AcknowledgeRecoveryCodesReviewedResponses, AcknowledgeRecoveryCodesStoredData, AcknowledgeRecoveryCodesStoredErrors, AcknowledgeRecoveryCodesStoredResponses, AssignUserRoleData, AssignUserRoleErrors, AssignUserRoleResponses, BackchannelLogoutData, BackchannelLogoutErrors, BackchannelLogoutResponses, ChangePartnerTeamMemberRoleData, ChangePartnerTeamMemberRoleErrors, ChangePartnerTeamMemberRoleResponses, ChangeTeamMemberRoleData, ChangeTeamMemberRoleErrors, ChangeTeamMemberRoleResponses, ChangeTenantFeaturesData, ChangeTenantFeaturesErrors, ChangeTenantFeaturesResponses, ChangeTenantMfaPolicyData, ChangeTenantMfaPolicyErrors, ChangeTenantMfaPolicyResponses, ChangeTenantStatusData, ChangeTenantStatusErrors, ChangeTenantStatusResponses, CreateApiKeyData, CreateApiKeyErrors, CreateApiKeyResponses, CreatePartnerTeamInvitationData, CreatePartnerTeamInvitationErrors, CreatePartnerTeamInvitationResponses, CreateSupportTicketData, CreateSupportTicketErrors, CreateSupportTicketResponses, CreateTeamInvitationData, CreateTeamInvitationErrors, CreateTeamInvitationResponses, CreateTenantData, CreateTenantErrors, CreateTenantResponses, DeclareRecoveryCodesRegeneratedData, DeclareRecoveryCodesRegeneratedErrors, DeclareRecoveryCodesRegeneratedResponses, EnrolSmsOtpData, EnrolSmsOtpErrors, EnrolSmsOtpResponses, ExportAuditEventsData, ExportAuditEventsErrors, ExportAuditEventsResponses, GetAdjustmentsData, GetAdjustmentsErrors, GetAdjustmentsResponses, GetAdminOverviewData, GetAdminOverviewErrors, GetAdminOverviewResponses, GetBillingSummaryData, GetBillingSummaryErrors, GetBillingSummaryResponses, GetCallData, GetCallErrors, GetCallResponses, GetCallsData, GetCallsErrors, GetCallsResponses, GetCampaignsData, GetCampaignsErrors, GetCampaignsResponses, GetCapacityData, GetCapacityErrors, GetCapacityResponses, GetComplianceRecordsData, GetComplianceRecordsErrors, GetComplianceRecordsResponses, GetComplianceSettingsData, GetComplianceSettingsErrors, GetComplianceSettingsResponses, GetDashboardData, GetDashboardErrors, GetDashboardResponses, GetDashboardSummaryData, GetDashboardSummaryErrors, GetDashboardSummaryResponses, GetDiscountsData, GetDiscountsErrors, GetDiscountsResponses, GetIncidentsData, GetIncidentsErrors, GetIncidentsResponses, GetLivenessData, GetLivenessErrors, GetLivenessResponses, GetMfaSummaryData, GetMfaSummaryErrors, GetMfaSummaryResponses, GetPartnerClientData, GetPartnerClientErrors, GetPartnerClientResponses, GetPartnerProjectData, GetPartnerProjectErrors, GetPartnerProjectResponses, GetPartnerTeamMemberData, GetPartnerTeamMemberErrors, GetPartnerTeamMemberResponses, GetProjectData, GetProjectErrors, GetProjectResponses, GetReadinessData, GetReadinessErrors, GetReadinessResponses, GetSessionData, GetSessionErrors, GetSessionResponses, GetTeamMemberData, GetTeamMemberErrors, GetTeamMemberResponses, GetTenantData, GetTenantErrors, GetTenantResponses, GetUserData, GetUserErrors, GetUserResponses, GetV1BillingSummaryData, GetV1BillingSummaryErrors, GetV1BillingSummaryResponses, GetV1CallData, GetV1CallErrors, GetV1CallResponses, GetV1CallsData, GetV1CallsErrors, GetV1CallsResponses, GetV1CampaignsData, GetV1CampaignsErrors, GetV1CampaignsResponses, GetV1CapacityData, GetV1CapacityErrors, GetV1CapacityResponses, GetV1DashboardSummaryData, GetV1DashboardSummaryErrors, GetV1DashboardSummaryResponses, GetV1ProjectData, GetV1ProjectErrors, GetV1ProjectResponses, KeepSessionAliveData, KeepSessionAliveErrors, KeepSessionAliveResponses, ListApiKeysData, ListApiKeysErrors, ListApiKeysResponses, ListAuditActorsData, ListAuditActorsErrors, ListAuditActorsResponses, ListAuditEventsData, ListAuditEventsErrors, ListAuditEventsResponses, ListMyEndedSessionsData, ListMyEndedSessionsErrors, ListMyEndedSessionsResponses, ListMySessionsData, ListMySessionsErrors, ListMySessionsResponses, ListPartnerClientsData, ListPartnerClientsErrors, ListPartnerClientsResponses, ListPartnerProjectsData, ListPartnerProjectsErrors, ListPartnerProjectsResponses, ListPartnerTeamInvitationsData, ListPartnerTeamInvitationsErrors, ListPartnerTeamInvitationsResponses, ListPartnerTeamMembersData, ListPartnerTeamMembersErrors, ListPartnerTeamMembersResponses, ListProjectsData, ListProjectsErrors, ListProjectsResponses, ListSupportTicketsData, ListSupportTicketsErrors, ListSupportTicketsResponses, ListTeamInvitationsData, ListTeamInvitationsErrors, ListTeamInvitationsResponses, ListTeamMembersData, ListTeamMembersErrors, ListTeamMembersResponses, ListTenantsData, ListTenantsErrors, ListTenantsResponses, ListUsersData, ListUsersErrors, ListUsersResponses, ListV1AuditEventsData, ListV1AuditEventsErrors, ListV1AuditEventsResponses, ListV1ProjectsData, ListV1ProjectsErrors, ListV1ProjectsResponses, LogoutData, LogoutErrors, LogoutResponses, OpenMfaDisableData, OpenMfaDisableErrors, OpenMfaDisableResponses, OpenMfaSetupData, OpenMfaSetupErrors, OpenMfaSetupResponses, RefreshMfaStatusData, RefreshMfaStatusErrors, RefreshMfaStatusResponses, RemovePartnerTeamMemberData, RemovePartnerTeamMemberErrors, RemovePartnerTeamMemberResponses, RemoveTeamMemberData, RemoveTeamMemberErrors, RemoveTeamMemberResponses, RemoveUserMembershipData, RemoveUserMembershipErrors, RemoveUserMembershipResponses, RevokeApiKeyData, RevokeApiKeyErrors, RevokeApiKeyResponses, RevokeMyOtherSessionsData, RevokeMyOtherSessionsErrors, RevokeMyOtherSessionsResponses, RevokeMySessionData, RevokeMySessionErrors, RevokeMySessionResponses, RevokePartnerTeamInvitationData, RevokePartnerTeamInvitationErrors, RevokePartnerTeamInvitationResponses, RevokePartnerTeamMemberSessionsData, RevokePartnerTeamMemberSessionsErrors, RevokePartnerTeamMemberSessionsResponses, RevokeTeamInvitationData, RevokeTeamInvitationErrors, RevokeTeamInvitationResponses, RevokeTeamMemberSessionsData, RevokeTeamMemberSessionsErrors, RevokeTeamMemberSessionsResponses, RevokeTenantSessionsData, RevokeTenantSessionsErrors, RevokeTenantSessionsResponses, RevokeUserSessionsData, RevokeUserSessionsErrors, RevokeUserSessionsResponses, RotateApiKeyData, RotateApiKeyErrors, RotateApiKeyResponses, SelectPartnerClientData, SelectPartnerClientErrors, SelectPartnerClientResponses, StartSignInData, StartSignInErrors, StartSignInResponses, StartStepUpData, StartStepUpErrors, StartStepUpResponses, VerifyAuditChainData, VerifyAuditChainErrors, VerifyAuditChainResponses, WhoamiData, WhoamiErrors, WhoamiResponses } from './types.gen';

export type Options<TData extends TDataShape = TDataShape, ThrowOnError extends boolean = boolean, TResponse = unknown> = Options2<TData, ThrowOnError, TResponse> & {
    /**
     * You can provide a client instance returned by `createClient()` instead of
     * individual options. This might be also useful if you want to implement a
     * custom client.
     */
    client?: Client;
    /**
     * You can pass arbitrary values through the `meta` object. This can be
     * used to access values that aren't defined as part of the SDK function.
     */
    meta?: Record<string, unknown>;
};

/**
 * The process is up and answering.
 */
export const getLiveness = <ThrowOnError extends boolean = false>(options?: Options<GetLivenessData, ThrowOnError>) => (options?.client ?? client).get<GetLivenessResponses, GetLivenessErrors, ThrowOnError>({ url: '/health/live', ...options });

/**
 * The API can serve traffic: PostgreSQL answers, and no dependency is known to be misconfigured (the identity provider's service account has the instance-wide rights it needs).
 */
export const getReadiness = <ThrowOnError extends boolean = false>(options?: Options<GetReadinessData, ThrowOnError>) => (options?.client ?? client).get<GetReadinessResponses, GetReadinessErrors, ThrowOnError>({ url: '/health/ready', ...options });

/**
 * Start signing in at the identity provider.
 *
 * With `Accept: application/json` answers the provider URL to navigate to; otherwise redirects there. Either way a short-lived HttpOnly cookie binds the attempt to this browser.
 */
export const startSignIn = <ThrowOnError extends boolean = false>(options: Options<StartSignInData, ThrowOnError>) => (options.client ?? client).get<StartSignInResponses, StartSignInErrors, ThrowOnError>({ url: '/api/auth/login', ...options });

/**
 * Sign out: ends this session and answers where to end the identity provider's session.
 */
export const logout = <ThrowOnError extends boolean = false>(options?: Options<LogoutData, ThrowOnError>) => (options?.client ?? client).post<LogoutResponses, LogoutErrors, ThrowOnError>({
    security: [{
            in: 'cookie',
            name: 'aidial_session',
            type: 'apiKey'
        }],
    url: '/api/auth/logout',
    ...options
});

/**
 * The signed-in user, their role, tenant, client and project scope, resolved now from the database.
 */
export const getSession = <ThrowOnError extends boolean = false>(options?: Options<GetSessionData, ThrowOnError>) => (options?.client ?? client).get<GetSessionResponses, GetSessionErrors, ThrowOnError>({
    security: [{
            in: 'cookie',
            name: 'aidial_session',
            type: 'apiKey'
        }],
    url: '/api/session',
    ...options
});

/**
 * Keeps this session alive: its idle lifetime starts again now (never beyond the absolute lifetime).
 */
export const keepSessionAlive = <ThrowOnError extends boolean = false>(options?: Options<KeepSessionAliveData, ThrowOnError>) => (options?.client ?? client).post<KeepSessionAliveResponses, KeepSessionAliveErrors, ThrowOnError>({
    security: [{
            in: 'cookie',
            name: 'aidial_session',
            type: 'apiKey'
        }],
    url: '/api/session/keep-alive',
    ...options
});

/**
 * Your live sessions in this organisation: browser, system, device, coarse network, activity, lifetimes.
 */
export const listMySessions = <ThrowOnError extends boolean = false>(options?: Options<ListMySessionsData, ThrowOnError>) => (options?.client ?? client).get<ListMySessionsResponses, ListMySessionsErrors, ThrowOnError>({
    security: [{
            in: 'cookie',
            name: 'aidial_session',
            type: 'apiKey'
        }],
    url: '/api/sessions',
    ...options
});

/**
 * Your ended sessions in this organisation, latest end first: at most 50, within SESSION_HISTORY_DAYS.
 */
export const listMyEndedSessions = <ThrowOnError extends boolean = false>(options?: Options<ListMyEndedSessionsData, ThrowOnError>) => (options?.client ?? client).get<ListMyEndedSessionsResponses, ListMyEndedSessionsErrors, ThrowOnError>({
    security: [{
            in: 'cookie',
            name: 'aidial_session',
            type: 'apiKey'
        }],
    url: '/api/sessions/ended',
    ...options
});

/**
 * Signs you out everywhere else: ends every other live session of yours in this organisation.
 */
export const revokeMyOtherSessions = <ThrowOnError extends boolean = false>(options?: Options<RevokeMyOtherSessionsData, ThrowOnError>) => (options?.client ?? client).post<RevokeMyOtherSessionsResponses, RevokeMyOtherSessionsErrors, ThrowOnError>({
    security: [{
            in: 'cookie',
            name: 'aidial_session',
            type: 'apiKey'
        }],
    url: '/api/sessions/revoke-others',
    ...options
});

/**
 * Ends one of your live sessions at once; its next request gets 401. Ending the current one signs this browser out (its cookies are cleared).
 */
export const revokeMySession = <ThrowOnError extends boolean = false>(options: Options<RevokeMySessionData, ThrowOnError>) => (options.client ?? client).delete<RevokeMySessionResponses, RevokeMySessionErrors, ThrowOnError>({
    security: [{
            in: 'cookie',
            name: 'aidial_session',
            type: 'apiKey'
        }],
    url: '/api/sessions/{id}',
    ...options
});

/**
 * Starts signing in again (prompt=login) to refresh the security status; the session is then replaced.
 *
 * Sets the short-lived sign-in cookie as `GET /api/auth/login` does; the browser goes to `authorization_url` and comes back to `/settings` (internal roles: `/admin/profile`) with a new session and MFA snapshot.
 */
export const refreshMfaStatus = <ThrowOnError extends boolean = false>(options?: Options<RefreshMfaStatusData, ThrowOnError>) => (options?.client ?? client).post<RefreshMfaStatusResponses, RefreshMfaStatusErrors, ThrowOnError>({
    security: [{
            in: 'cookie',
            name: 'aidial_session',
            type: 'apiKey'
        }],
    url: '/api/mfa/refresh',
    ...options
});

/**
 * Starts signing in again (prompt=login, max_age) before a sensitive action; the session is then replaced.
 *
 * Sets the short-lived sign-in cookie as `GET /api/auth/login` does. The browser goes to `authorization_url`, signs in again at the identity provider and comes back to `return_to` with a new session whose sign-in is recent enough for the actions that answered `reauthentication_required`.
 */
export const startStepUp = <ThrowOnError extends boolean = false>(options: Options<StartStepUpData, ThrowOnError>) => (options.client ?? client).post<StartStepUpResponses, StartStepUpErrors, ThrowOnError>({
    security: [{
            in: 'cookie',
            name: 'aidial_session',
            type: 'apiKey'
        }],
    url: '/api/auth/step-up',
    ...options,
    headers: {
        'Content-Type': 'application/json',
        ...options.headers
    }
});

/**
 * The identity provider ends the portal sessions of a session it ended (OIDC Back-Channel Logout 1.0).
 *
 * Form body `logout_token=<JWT>` (`application/x-www-form-urlencoded`). Answers 200 with an empty body and `Cache-Control: no-store` once the sessions the token names have ended (also when none were live).
 */
export const backchannelLogout = <ThrowOnError extends boolean = false>(options?: Options<BackchannelLogoutData, ThrowOnError>) => (options?.client ?? client).post<BackchannelLogoutResponses, BackchannelLogoutErrors, ThrowOnError>({ url: '/api/auth/backchannel-logout', ...options });

/**
 * Audit events in your scope, newest first, filtered, a page at a time.
 */
export const listAuditEvents = <ThrowOnError extends boolean = false>(options?: Options<ListAuditEventsData, ThrowOnError>) => (options?.client ?? client).get<ListAuditEventsResponses, ListAuditEventsErrors, ThrowOnError>({
    security: [{
            in: 'cookie',
            name: 'aidial_session',
            type: 'apiKey'
        }],
    url: '/api/audit-events',
    ...options
});

/**
 * Everyone who appears as an actor in your scope, once each, by name: the Audit Log’s person picker. Pass an item’s `id` as `actor` to the list or the export.
 */
export const listAuditActors = <ThrowOnError extends boolean = false>(options?: Options<ListAuditActorsData, ThrowOnError>) => (options?.client ?? client).get<ListAuditActorsResponses, ListAuditActorsErrors, ThrowOnError>({
    security: [{
            in: 'cookie',
            name: 'aidial_session',
            type: 'apiKey'
        }],
    url: '/api/audit-events/actors',
    ...options
});

/**
 * The same events as the page, for the same filters, as CSV (streamed; cells that look like formulas are quoted).
 */
export const exportAuditEvents = <ThrowOnError extends boolean = false>(options?: Options<ExportAuditEventsData, ThrowOnError>) => (options?.client ?? client).get<ExportAuditEventsResponses, ExportAuditEventsErrors, ThrowOnError>({
    security: [{
            in: 'cookie',
            name: 'aidial_session',
            type: 'apiKey'
        }],
    url: '/api/audit-events/export.csv',
    ...options
});

/**
 * Recomputes the hash chain of one tenant (or of the events without a tenant) over a time range and reports the first broken link.
 */
export const verifyAuditChain = <ThrowOnError extends boolean = false>(options?: Options<VerifyAuditChainData, ThrowOnError>) => (options?.client ?? client).get<VerifyAuditChainResponses, VerifyAuditChainErrors, ThrowOnError>({
    security: [{
            in: 'cookie',
            name: 'aidial_session',
            type: 'apiKey'
        }],
    url: '/api/admin/audit-events/verify',
    ...options
});

/**
 * Audit events in the key’s scope, newest first, a page at a time (`next_cursor`).
 *
 * Pass the previous answer’s `next_cursor` as `cursor` for the next page (add `?limit=50` and the filters to the samples below); it is `null` on the last page. Each event carries `actor` (who acted, in words: a person’s name and email, or a label) and `target_description` beside the ids, which are unchanged; fields may be added to an event, so read it by name.
 *
 * **curl**
 *
 * ```sh
 * curl -sS "$AIDIAL_URL/v1/audit-events" \
 * -H "X-API-Key: $AIDIAL_API_KEY"
 * ```
 *
 * **Node.js** (18 or later, as an ES module)
 *
 * ```js
 * const response = await fetch(`${process.env.AIDIAL_URL}/v1/audit-events`, {
 * headers: { 'X-API-Key': process.env.AIDIAL_API_KEY },
 * });
 * const body = await response.json();
 * // Every refusal is {code, message, request_id}; quote the request id to support.
 * if (!response.ok) throw new Error(`${body.code}: ${body.message} (request ${body.request_id})`);
 * console.log(body);
 * ```
 */
export const listV1AuditEvents = <ThrowOnError extends boolean = false>(options?: Options<ListV1AuditEventsData, ThrowOnError>) => (options?.client ?? client).get<ListV1AuditEventsResponses, ListV1AuditEventsErrors, ThrowOnError>({
    security: [{ name: 'X-API-Key', type: 'apiKey' }],
    url: '/v1/audit-events',
    ...options
});

/**
 * Your organisation’s API keys (never their secrets), and the scopes your role may grant.
 */
export const listApiKeys = <ThrowOnError extends boolean = false>(options?: Options<ListApiKeysData, ThrowOnError>) => (options?.client ?? client).get<ListApiKeysResponses, ListApiKeysErrors, ThrowOnError>({
    security: [{
            in: 'cookie',
            name: 'aidial_session',
            type: 'apiKey'
        }],
    url: '/api/integrations/keys',
    ...options
});

/**
 * Creates a key. The answer holds the whole key, once: it is never stored and cannot be shown again.
 */
export const createApiKey = <ThrowOnError extends boolean = false>(options: Options<CreateApiKeyData, ThrowOnError>) => (options.client ?? client).post<CreateApiKeyResponses, CreateApiKeyErrors, ThrowOnError>({
    security: [{
            in: 'cookie',
            name: 'aidial_session',
            type: 'apiKey'
        }],
    url: '/api/integrations/keys',
    ...options,
    headers: {
        'Content-Type': 'application/json',
        ...options.headers
    }
});

/**
 * Issues a new key with the same settings; the old one keeps working for the overlap window (default 24 h, at most 7 days).
 */
export const rotateApiKey = <ThrowOnError extends boolean = false>(options: Options<RotateApiKeyData, ThrowOnError>) => (options.client ?? client).post<RotateApiKeyResponses, RotateApiKeyErrors, ThrowOnError>({
    security: [{
            in: 'cookie',
            name: 'aidial_session',
            type: 'apiKey'
        }],
    url: '/api/integrations/keys/{id}/rotate',
    ...options,
    headers: {
        'Content-Type': 'application/json',
        ...options.headers
    }
});

/**
 * Revokes a key at once.
 */
export const revokeApiKey = <ThrowOnError extends boolean = false>(options: Options<RevokeApiKeyData, ThrowOnError>) => (options.client ?? client).delete<RevokeApiKeyResponses, RevokeApiKeyErrors, ThrowOnError>({
    security: [{
            in: 'cookie',
            name: 'aidial_session',
            type: 'apiKey'
        }],
    url: '/api/integrations/keys/{id}',
    ...options
});

/**
 * The key you are calling with: its tenant, scopes, project scope and expiry.
 *
 * Every key holds the `whoami` scope. Use it to check a key from a server, with either sample below.
 *
 * **curl**
 *
 * ```sh
 * curl -sS "$AIDIAL_URL/v1/whoami" \
 * -H "X-API-Key: $AIDIAL_API_KEY"
 * ```
 *
 * **Node.js** (18 or later, as an ES module)
 *
 * ```js
 * const response = await fetch(`${process.env.AIDIAL_URL}/v1/whoami`, {
 * headers: { 'X-API-Key': process.env.AIDIAL_API_KEY },
 * });
 * const body = await response.json();
 * // Every refusal is {code, message, request_id}; quote the request id to support.
 * if (!response.ok) throw new Error(`${body.code}: ${body.message} (request ${body.request_id})`);
 * console.log(body);
 * ```
 */
export const whoami = <ThrowOnError extends boolean = false>(options?: Options<WhoamiData, ThrowOnError>) => (options?.client ?? client).get<WhoamiResponses, WhoamiErrors, ThrowOnError>({
    security: [{ name: 'X-API-Key', type: 'apiKey' }],
    url: '/v1/whoami',
    ...options
});

/**
 * Today’s calls, answer rate, this month’s minutes and running campaigns of the customer shown.
 */
export const getDashboardSummary = <ThrowOnError extends boolean = false>(options?: Options<GetDashboardSummaryData, ThrowOnError>) => (options?.client ?? client).get<GetDashboardSummaryResponses, GetDashboardSummaryErrors, ThrowOnError>({
    security: [{
            in: 'cookie',
            name: 'aidial_session',
            type: 'apiKey'
        }],
    url: '/api/platform/dashboard/summary',
    ...options
});

/**
 * Calls of the customer shown, newest first, a page at a time.
 */
export const getCalls = <ThrowOnError extends boolean = false>(options?: Options<GetCallsData, ThrowOnError>) => (options?.client ?? client).get<GetCallsResponses, GetCallsErrors, ThrowOnError>({
    security: [{
            in: 'cookie',
            name: 'aidial_session',
            type: 'apiKey'
        }],
    url: '/api/platform/calls',
    ...options
});

/**
 * One call; a call of another customer or project answers like a missing one (404).
 */
export const getCall = <ThrowOnError extends boolean = false>(options: Options<GetCallData, ThrowOnError>) => (options.client ?? client).get<GetCallResponses, GetCallErrors, ThrowOnError>({
    security: [{
            in: 'cookie',
            name: 'aidial_session',
            type: 'apiKey'
        }],
    url: '/api/platform/calls/{id}',
    ...options
});

/**
 * This month’s (or the period’s) usage and charges of the customer shown.
 */
export const getBillingSummary = <ThrowOnError extends boolean = false>(options?: Options<GetBillingSummaryData, ThrowOnError>) => (options?.client ?? client).get<GetBillingSummaryResponses, GetBillingSummaryErrors, ThrowOnError>({
    security: [{
            in: 'cookie',
            name: 'aidial_session',
            type: 'apiKey'
        }],
    url: '/api/platform/billing/summary',
    ...options
});

/**
 * Outbound campaigns of the customer shown.
 */
export const getCampaigns = <ThrowOnError extends boolean = false>(options?: Options<GetCampaignsData, ThrowOnError>) => (options?.client ?? client).get<GetCampaignsResponses, GetCampaignsErrors, ThrowOnError>({
    security: [{
            in: 'cookie',
            name: 'aidial_session',
            type: 'apiKey'
        }],
    url: '/api/platform/campaigns',
    ...options
});

/**
 * Line capacity: the partner’s own, or platform-wide for AiDial staff.
 */
export const getCapacity = <ThrowOnError extends boolean = false>(options?: Options<GetCapacityData, ThrowOnError>) => (options?.client ?? client).get<GetCapacityResponses, GetCapacityErrors, ThrowOnError>({
    security: [{
            in: 'cookie',
            name: 'aidial_session',
            type: 'apiKey'
        }],
    url: '/api/platform/capacity',
    ...options
});

/**
 * The do-not-call, consent and calling-hours checks of the last seven days, newest first, with totals.
 */
export const getComplianceRecords = <ThrowOnError extends boolean = false>(options?: Options<GetComplianceRecordsData, ThrowOnError>) => (options?.client ?? client).get<GetComplianceRecordsResponses, GetComplianceRecordsErrors, ThrowOnError>({
    security: [{
            in: 'cookie',
            name: 'aidial_session',
            type: 'apiKey'
        }],
    url: '/api/platform/compliance/records',
    ...options
});

/**
 * Calling hours, do-not-call lists, consent sources and exceptions of the customer shown.
 */
export const getComplianceSettings = <ThrowOnError extends boolean = false>(options?: Options<GetComplianceSettingsData, ThrowOnError>) => (options?.client ?? client).get<GetComplianceSettingsResponses, GetComplianceSettingsErrors, ThrowOnError>({
    security: [{
            in: 'cookie',
            name: 'aidial_session',
            type: 'apiKey'
        }],
    url: '/api/platform/compliance/settings',
    ...options
});

/**
 * Platform incidents, open and resolved, with their updates.
 */
export const getIncidents = <ThrowOnError extends boolean = false>(options?: Options<GetIncidentsData, ThrowOnError>) => (options?.client ?? client).get<GetIncidentsResponses, GetIncidentsErrors, ThrowOnError>({
    security: [{
            in: 'cookie',
            name: 'aidial_session',
            type: 'apiKey'
        }],
    url: '/api/platform/incidents',
    ...options
});

/**
 * Discounts on tenants’ bills: active, scheduled and expired.
 */
export const getDiscounts = <ThrowOnError extends boolean = false>(options?: Options<GetDiscountsData, ThrowOnError>) => (options?.client ?? client).get<GetDiscountsResponses, GetDiscountsErrors, ThrowOnError>({
    security: [{
            in: 'cookie',
            name: 'aidial_session',
            type: 'apiKey'
        }],
    url: '/api/platform/discounts',
    ...options
});

/**
 * Credits and charges applied to tenants’ bills, newest first.
 */
export const getAdjustments = <ThrowOnError extends boolean = false>(options?: Options<GetAdjustmentsData, ThrowOnError>) => (options?.client ?? client).get<GetAdjustmentsResponses, GetAdjustmentsErrors, ThrowOnError>({
    security: [{
            in: 'cookie',
            name: 'aidial_session',
            type: 'apiKey'
        }],
    url: '/api/platform/adjustments',
    ...options
});

/**
 * Today’s calls, answer rate, this month’s minutes and running campaigns of the customer shown.
 *
 * **curl**
 *
 * ```sh
 * curl -sS "$AIDIAL_URL/v1/platform/dashboard/summary" \
 * -H "X-API-Key: $AIDIAL_API_KEY"
 * ```
 *
 * **Node.js** (18 or later, as an ES module)
 *
 * ```js
 * const response = await fetch(`${process.env.AIDIAL_URL}/v1/platform/dashboard/summary`, {
 * headers: { 'X-API-Key': process.env.AIDIAL_API_KEY },
 * });
 * const body = await response.json();
 * // Every refusal is {code, message, request_id}; quote the request id to support.
 * if (!response.ok) throw new Error(`${body.code}: ${body.message} (request ${body.request_id})`);
 * console.log(body);
 * ```
 */
export const getV1DashboardSummary = <ThrowOnError extends boolean = false>(options?: Options<GetV1DashboardSummaryData, ThrowOnError>) => (options?.client ?? client).get<GetV1DashboardSummaryResponses, GetV1DashboardSummaryErrors, ThrowOnError>({
    security: [{ name: 'X-API-Key', type: 'apiKey' }],
    url: '/v1/platform/dashboard/summary',
    ...options
});

/**
 * Calls of the customer shown, newest first, a page at a time.
 *
 * **curl**
 *
 * ```sh
 * curl -sS "$AIDIAL_URL/v1/platform/calls" \
 * -H "X-API-Key: $AIDIAL_API_KEY"
 * ```
 *
 * **Node.js** (18 or later, as an ES module)
 *
 * ```js
 * const response = await fetch(`${process.env.AIDIAL_URL}/v1/platform/calls`, {
 * headers: { 'X-API-Key': process.env.AIDIAL_API_KEY },
 * });
 * const body = await response.json();
 * // Every refusal is {code, message, request_id}; quote the request id to support.
 * if (!response.ok) throw new Error(`${body.code}: ${body.message} (request ${body.request_id})`);
 * console.log(body);
 * ```
 */
export const getV1Calls = <ThrowOnError extends boolean = false>(options?: Options<GetV1CallsData, ThrowOnError>) => (options?.client ?? client).get<GetV1CallsResponses, GetV1CallsErrors, ThrowOnError>({
    security: [{ name: 'X-API-Key', type: 'apiKey' }],
    url: '/v1/platform/calls',
    ...options
});

/**
 * One call; a call of another customer or project answers like a missing one (404).
 *
 * **curl**
 *
 * ```sh
 * curl -sS "$AIDIAL_URL/v1/platform/calls/$CALL_ID" \
 * -H "X-API-Key: $AIDIAL_API_KEY"
 * ```
 *
 * **Node.js** (18 or later, as an ES module)
 *
 * ```js
 * const response = await fetch(`${process.env.AIDIAL_URL}/v1/platform/calls/${process.env.CALL_ID}`, {
 * headers: { 'X-API-Key': process.env.AIDIAL_API_KEY },
 * });
 * const body = await response.json();
 * // Every refusal is {code, message, request_id}; quote the request id to support.
 * if (!response.ok) throw new Error(`${body.code}: ${body.message} (request ${body.request_id})`);
 * console.log(body);
 * ```
 */
export const getV1Call = <ThrowOnError extends boolean = false>(options: Options<GetV1CallData, ThrowOnError>) => (options.client ?? client).get<GetV1CallResponses, GetV1CallErrors, ThrowOnError>({
    security: [{ name: 'X-API-Key', type: 'apiKey' }],
    url: '/v1/platform/calls/{id}',
    ...options
});

/**
 * This month’s (or the period’s) usage and charges of the customer shown.
 *
 * **curl**
 *
 * ```sh
 * curl -sS "$AIDIAL_URL/v1/platform/billing/summary" \
 * -H "X-API-Key: $AIDIAL_API_KEY"
 * ```
 *
 * **Node.js** (18 or later, as an ES module)
 *
 * ```js
 * const response = await fetch(`${process.env.AIDIAL_URL}/v1/platform/billing/summary`, {
 * headers: { 'X-API-Key': process.env.AIDIAL_API_KEY },
 * });
 * const body = await response.json();
 * // Every refusal is {code, message, request_id}; quote the request id to support.
 * if (!response.ok) throw new Error(`${body.code}: ${body.message} (request ${body.request_id})`);
 * console.log(body);
 * ```
 */
export const getV1BillingSummary = <ThrowOnError extends boolean = false>(options?: Options<GetV1BillingSummaryData, ThrowOnError>) => (options?.client ?? client).get<GetV1BillingSummaryResponses, GetV1BillingSummaryErrors, ThrowOnError>({
    security: [{ name: 'X-API-Key', type: 'apiKey' }],
    url: '/v1/platform/billing/summary',
    ...options
});

/**
 * Outbound campaigns of the customer shown.
 *
 * **curl**
 *
 * ```sh
 * curl -sS "$AIDIAL_URL/v1/platform/campaigns" \
 * -H "X-API-Key: $AIDIAL_API_KEY"
 * ```
 *
 * **Node.js** (18 or later, as an ES module)
 *
 * ```js
 * const response = await fetch(`${process.env.AIDIAL_URL}/v1/platform/campaigns`, {
 * headers: { 'X-API-Key': process.env.AIDIAL_API_KEY },
 * });
 * const body = await response.json();
 * // Every refusal is {code, message, request_id}; quote the request id to support.
 * if (!response.ok) throw new Error(`${body.code}: ${body.message} (request ${body.request_id})`);
 * console.log(body);
 * ```
 */
export const getV1Campaigns = <ThrowOnError extends boolean = false>(options?: Options<GetV1CampaignsData, ThrowOnError>) => (options?.client ?? client).get<GetV1CampaignsResponses, GetV1CampaignsErrors, ThrowOnError>({
    security: [{ name: 'X-API-Key', type: 'apiKey' }],
    url: '/v1/platform/campaigns',
    ...options
});

/**
 * Line capacity: the partner’s own, or platform-wide for AiDial staff.
 *
 * **curl**
 *
 * ```sh
 * curl -sS "$AIDIAL_URL/v1/platform/capacity" \
 * -H "X-API-Key: $AIDIAL_API_KEY"
 * ```
 *
 * **Node.js** (18 or later, as an ES module)
 *
 * ```js
 * const response = await fetch(`${process.env.AIDIAL_URL}/v1/platform/capacity`, {
 * headers: { 'X-API-Key': process.env.AIDIAL_API_KEY },
 * });
 * const body = await response.json();
 * // Every refusal is {code, message, request_id}; quote the request id to support.
 * if (!response.ok) throw new Error(`${body.code}: ${body.message} (request ${body.request_id})`);
 * console.log(body);
 * ```
 */
export const getV1Capacity = <ThrowOnError extends boolean = false>(options?: Options<GetV1CapacityData, ThrowOnError>) => (options?.client ?? client).get<GetV1CapacityResponses, GetV1CapacityErrors, ThrowOnError>({
    security: [{ name: 'X-API-Key', type: 'apiKey' }],
    url: '/v1/platform/capacity',
    ...options
});

/**
 * Enrols an Australian mobile as your SMS one-time-code factor at the identity provider.
 *
 * For client_admin and partner_admin in an organisation with `mfa.sms_otp.enabled`. The number is sent to Zitadel and then forgotten; the answer holds only its masked tail. Per phone and per user 3 a minute and 10 a day, per source IP (through a trusted proxy) 30 an hour, 100 a minute in all: a refused request is counted in none of them. The portal never sees or checks an SMS code: Zitadel sends and checks them at sign-in.
 */
export const enrolSmsOtp = <ThrowOnError extends boolean = false>(options: Options<EnrolSmsOtpData, ThrowOnError>) => (options.client ?? client).post<EnrolSmsOtpResponses, EnrolSmsOtpErrors, ThrowOnError>({
    security: [{
            in: 'cookie',
            name: 'aidial_session',
            type: 'apiKey'
        }],
    url: '/api/auth/mfa-sms-enrol',
    ...options,
    headers: {
        'Content-Type': 'application/json',
        ...options.headers
    }
});

/**
 * Support tickets, newest first: your organisation’s for client_admin and partner_admin, your own for everyone else.
 */
export const listSupportTickets = <ThrowOnError extends boolean = false>(options?: Options<ListSupportTicketsData, ThrowOnError>) => (options?.client ?? client).get<ListSupportTicketsResponses, ListSupportTicketsErrors, ThrowOnError>({
    security: [{
            in: 'cookie',
            name: 'aidial_session',
            type: 'apiKey'
        }],
    url: '/api/support/tickets',
    ...options
});

/**
 * Opens a ticket. At most 5 per person in 10 minutes; a ticket holding a code, token, cookie or key is refused.
 */
export const createSupportTicket = <ThrowOnError extends boolean = false>(options: Options<CreateSupportTicketData, ThrowOnError>) => (options.client ?? client).post<CreateSupportTicketResponses, CreateSupportTicketErrors, ThrowOnError>({
    security: [{
            in: 'cookie',
            name: 'aidial_session',
            type: 'apiKey'
        }],
    url: '/api/support/tickets',
    ...options,
    headers: {
        'Content-Type': 'application/json',
        ...options.headers
    }
});

/**
 * Your MFA policy, enrolment, this sign-in's challenge, security status, lifecycle and available actions.
 */
export const getMfaSummary = <ThrowOnError extends boolean = false>(options?: Options<GetMfaSummaryData, ThrowOnError>) => (options?.client ?? client).get<GetMfaSummaryResponses, GetMfaSummaryErrors, ThrowOnError>({
    security: [{
            in: 'cookie',
            name: 'aidial_session',
            type: 'apiKey'
        }],
    url: '/api/mfa/summary',
    ...options
});

/**
 * Records the launch of MFA setup and answers the provider's setup page (built from ZITADEL_ISSUER only).
 */
export const openMfaSetup = <ThrowOnError extends boolean = false>(options?: Options<OpenMfaSetupData, ThrowOnError>) => (options?.client ?? client).post<OpenMfaSetupResponses, OpenMfaSetupErrors, ThrowOnError>({
    security: [{
            in: 'cookie',
            name: 'aidial_session',
            type: 'apiKey'
        }],
    url: '/api/mfa/setup',
    ...options
});

/**
 * "I stored my recovery codes": acknowledges a new, re-enabled or regenerated set.
 */
export const acknowledgeRecoveryCodesStored = <ThrowOnError extends boolean = false>(options: Options<AcknowledgeRecoveryCodesStoredData, ThrowOnError>) => (options.client ?? client).post<AcknowledgeRecoveryCodesStoredResponses, AcknowledgeRecoveryCodesStoredErrors, ThrowOnError>({
    security: [{
            in: 'cookie',
            name: 'aidial_session',
            type: 'apiKey'
        }],
    url: '/api/mfa/recovery-codes/stored',
    ...options,
    headers: {
        'Content-Type': 'application/json',
        ...options.headers
    }
});

/**
 * "I reviewed my recovery codes": clears the reminder after a recovery-code sign-in.
 */
export const acknowledgeRecoveryCodesReviewed = <ThrowOnError extends boolean = false>(options: Options<AcknowledgeRecoveryCodesReviewedData, ThrowOnError>) => (options.client ?? client).post<AcknowledgeRecoveryCodesReviewedResponses, AcknowledgeRecoveryCodesReviewedErrors, ThrowOnError>({
    security: [{
            in: 'cookie',
            name: 'aidial_session',
            type: 'apiKey'
        }],
    url: '/api/mfa/recovery-codes/reviewed',
    ...options,
    headers: {
        'Content-Type': 'application/json',
        ...options.headers
    }
});

/**
 * "I generated a new recovery-code set" at the provider: the new set then waits for "I stored" again.
 */
export const declareRecoveryCodesRegenerated = <ThrowOnError extends boolean = false>(options: Options<DeclareRecoveryCodesRegeneratedData, ThrowOnError>) => (options.client ?? client).post<DeclareRecoveryCodesRegeneratedResponses, DeclareRecoveryCodesRegeneratedErrors, ThrowOnError>({
    security: [{
            in: 'cookie',
            name: 'aidial_session',
            type: 'apiKey'
        }],
    url: '/api/mfa/recovery-codes/regenerated',
    ...options,
    headers: {
        'Content-Type': 'application/json',
        ...options.headers
    }
});

/**
 * Records the launch and answers the provider's MFA management page, where an optional-MFA user disables it.
 */
export const openMfaDisable = <ThrowOnError extends boolean = false>(options?: Options<OpenMfaDisableData, ThrowOnError>) => (options?.client ?? client).post<OpenMfaDisableResponses, OpenMfaDisableErrors, ThrowOnError>({
    security: [{
            in: 'cookie',
            name: 'aidial_session',
            type: 'apiKey'
        }],
    url: '/api/mfa/disable',
    ...options
});

/**
 * Tenants, searched by name and filtered by kind and status, a page at a time.
 */
export const listTenants = <ThrowOnError extends boolean = false>(options?: Options<ListTenantsData, ThrowOnError>) => (options?.client ?? client).get<ListTenantsResponses, ListTenantsErrors, ThrowOnError>({
    security: [{
            in: 'cookie',
            name: 'aidial_session',
            type: 'apiKey'
        }],
    url: '/api/admin/tenants',
    ...options
});

/**
 * Creates a customer or partner tenant, active, with every feature flag off.
 */
export const createTenant = <ThrowOnError extends boolean = false>(options: Options<CreateTenantData, ThrowOnError>) => (options.client ?? client).post<CreateTenantResponses, CreateTenantErrors, ThrowOnError>({
    security: [{
            in: 'cookie',
            name: 'aidial_session',
            type: 'apiKey'
        }],
    url: '/api/admin/tenants',
    ...options,
    headers: {
        'Content-Type': 'application/json',
        ...options.headers
    }
});

/**
 * A tenant with its projects and, for a partner, the clients it manages.
 */
export const getTenant = <ThrowOnError extends boolean = false>(options: Options<GetTenantData, ThrowOnError>) => (options.client ?? client).get<GetTenantResponses, GetTenantErrors, ThrowOnError>({
    security: [{
            in: 'cookie',
            name: 'aidial_session',
            type: 'apiKey'
        }],
    url: '/api/admin/tenants/{id}',
    ...options
});

/**
 * Suspends or reactivates a tenant. Suspending ends every live session of its members; their next request is unauthenticated, and signing in again is refused until it is reactivated.
 */
export const changeTenantStatus = <ThrowOnError extends boolean = false>(options: Options<ChangeTenantStatusData, ThrowOnError>) => (options.client ?? client).put<ChangeTenantStatusResponses, ChangeTenantStatusErrors, ThrowOnError>({
    security: [{
            in: 'cookie',
            name: 'aidial_session',
            type: 'apiKey'
        }],
    url: '/api/admin/tenants/{id}/status',
    ...options,
    headers: {
        'Content-Type': 'application/json',
        ...options.headers
    }
});

/**
 * Ends every live session of the tenant's members (but your own), with a note they read in their session history; they may sign in again.
 */
export const revokeTenantSessions = <ThrowOnError extends boolean = false>(options: Options<RevokeTenantSessionsData, ThrowOnError>) => (options.client ?? client).post<RevokeTenantSessionsResponses, RevokeTenantSessionsErrors, ThrowOnError>({
    security: [{
            in: 'cookie',
            name: 'aidial_session',
            type: 'apiKey'
        }],
    url: '/api/admin/tenants/{id}/sessions/revoke',
    ...options,
    headers: {
        'Content-Type': 'application/json',
        ...options.headers
    }
});

/**
 * Turns the tenant's SMS one-time code feature (`mfa.sms_otp.enabled`) on or off.
 */
export const changeTenantFeatures = <ThrowOnError extends boolean = false>(options: Options<ChangeTenantFeaturesData, ThrowOnError>) => (options.client ?? client).put<ChangeTenantFeaturesResponses, ChangeTenantFeaturesErrors, ThrowOnError>({
    security: [{
            in: 'cookie',
            name: 'aidial_session',
            type: 'apiKey'
        }],
    url: '/api/admin/tenants/{id}/features',
    ...options,
    headers: {
        'Content-Type': 'application/json',
        ...options.headers
    }
});

/**
 * Sets the tenant's MFA policy: as each role requires, or required for every member.
 */
export const changeTenantMfaPolicy = <ThrowOnError extends boolean = false>(options: Options<ChangeTenantMfaPolicyData, ThrowOnError>) => (options.client ?? client).put<ChangeTenantMfaPolicyResponses, ChangeTenantMfaPolicyErrors, ThrowOnError>({
    security: [{
            in: 'cookie',
            name: 'aidial_session',
            type: 'apiKey'
        }],
    url: '/api/admin/tenants/{id}/mfa-policy',
    ...options,
    headers: {
        'Content-Type': 'application/json',
        ...options.headers
    }
});

/**
 * Portal users and their memberships, searched by email or display name, a page at a time.
 */
export const listUsers = <ThrowOnError extends boolean = false>(options?: Options<ListUsersData, ThrowOnError>) => (options?.client ?? client).get<ListUsersResponses, ListUsersErrors, ThrowOnError>({
    security: [{
            in: 'cookie',
            name: 'aidial_session',
            type: 'apiKey'
        }],
    url: '/api/admin/users',
    ...options
});

/**
 * A portal user and their memberships.
 */
export const getUser = <ThrowOnError extends boolean = false>(options: Options<GetUserData, ThrowOnError>) => (options.client ?? client).get<GetUserResponses, GetUserErrors, ThrowOnError>({
    security: [{
            in: 'cookie',
            name: 'aidial_session',
            type: 'apiKey'
        }],
    url: '/api/admin/users/{id}',
    ...options
});

/**
 * Removes the user's membership of the tenant; from the user's next request.
 */
export const removeUserMembership = <ThrowOnError extends boolean = false>(options: Options<RemoveUserMembershipData, ThrowOnError>) => (options.client ?? client).delete<RemoveUserMembershipResponses, RemoveUserMembershipErrors, ThrowOnError>({
    security: [{
            in: 'cookie',
            name: 'aidial_session',
            type: 'apiKey'
        }],
    url: '/api/admin/users/{id}/memberships/{tenantId}',
    ...options
});

/**
 * Gives the user a role in the tenant (a new membership, or a new role); from the user's next request.
 */
export const assignUserRole = <ThrowOnError extends boolean = false>(options: Options<AssignUserRoleData, ThrowOnError>) => (options.client ?? client).put<AssignUserRoleResponses, AssignUserRoleErrors, ThrowOnError>({
    security: [{
            in: 'cookie',
            name: 'aidial_session',
            type: 'apiKey'
        }],
    url: '/api/admin/users/{id}/memberships/{tenantId}',
    ...options,
    headers: {
        'Content-Type': 'application/json',
        ...options.headers
    }
});

/**
 * Ends every live session of the user, in every tenant, with a note they read in their session history; their next request is unauthenticated.
 */
export const revokeUserSessions = <ThrowOnError extends boolean = false>(options: Options<RevokeUserSessionsData, ThrowOnError>) => (options.client ?? client).post<RevokeUserSessionsResponses, RevokeUserSessionsErrors, ThrowOnError>({
    security: [{
            in: 'cookie',
            name: 'aidial_session',
            type: 'apiKey'
        }],
    url: '/api/admin/users/{id}/sessions/revoke',
    ...options,
    headers: {
        'Content-Type': 'application/json',
        ...options.headers
    }
});

/**
 * The admin home: tenants by status, members whose MFA is mandatory but who have no second factor at the identity provider, and its state.
 */
export const getAdminOverview = <ThrowOnError extends boolean = false>(options?: Options<GetAdminOverviewData, ThrowOnError>) => (options?.client ?? client).get<GetAdminOverviewResponses, GetAdminOverviewErrors, ThrowOnError>({
    security: [{
            in: 'cookie',
            name: 'aidial_session',
            type: 'apiKey'
        }],
    url: '/api/admin/overview',
    ...options
});

/**
 * The workspace summary: organisation, selected client, projects in scope, member count.
 */
export const getDashboard = <ThrowOnError extends boolean = false>(options?: Options<GetDashboardData, ThrowOnError>) => (options?.client ?? client).get<GetDashboardResponses, GetDashboardErrors, ThrowOnError>({
    security: [{
            in: 'cookie',
            name: 'aidial_session',
            type: 'apiKey'
        }],
    url: '/api/dashboard',
    ...options
});

/**
 * Projects you can see: your organisation’s, or your selected client’s (partners).
 */
export const listProjects = <ThrowOnError extends boolean = false>(options?: Options<ListProjectsData, ThrowOnError>) => (options?.client ?? client).get<ListProjectsResponses, ListProjectsErrors, ThrowOnError>({
    security: [{
            in: 'cookie',
            name: 'aidial_session',
            type: 'apiKey'
        }],
    url: '/api/projects',
    ...options
});

/**
 * One project you can see.
 */
export const getProject = <ThrowOnError extends boolean = false>(options: Options<GetProjectData, ThrowOnError>) => (options.client ?? client).get<GetProjectResponses, GetProjectErrors, ThrowOnError>({
    security: [{
            in: 'cookie',
            name: 'aidial_session',
            type: 'apiKey'
        }],
    url: '/api/projects/{id}',
    ...options
});

/**
 * The members of your organisation.
 */
export const listTeamMembers = <ThrowOnError extends boolean = false>(options?: Options<ListTeamMembersData, ThrowOnError>) => (options?.client ?? client).get<ListTeamMembersResponses, ListTeamMembersErrors, ThrowOnError>({
    security: [{
            in: 'cookie',
            name: 'aidial_session',
            type: 'apiKey'
        }],
    url: '/api/team/members',
    ...options
});

/**
 * Removes a member from your organisation (never yourself).
 */
export const removeTeamMember = <ThrowOnError extends boolean = false>(options: Options<RemoveTeamMemberData, ThrowOnError>) => (options.client ?? client).delete<RemoveTeamMemberResponses, RemoveTeamMemberErrors, ThrowOnError>({
    security: [{
            in: 'cookie',
            name: 'aidial_session',
            type: 'apiKey'
        }],
    url: '/api/team/members/{id}',
    ...options
});

/**
 * One member of your organisation, by membership id.
 */
export const getTeamMember = <ThrowOnError extends boolean = false>(options: Options<GetTeamMemberData, ThrowOnError>) => (options.client ?? client).get<GetTeamMemberResponses, GetTeamMemberErrors, ThrowOnError>({
    security: [{
            in: 'cookie',
            name: 'aidial_session',
            type: 'apiKey'
        }],
    url: '/api/team/members/{id}',
    ...options
});

/**
 * Changes a member’s role (never your own, never a member above your role).
 */
export const changeTeamMemberRole = <ThrowOnError extends boolean = false>(options: Options<ChangeTeamMemberRoleData, ThrowOnError>) => (options.client ?? client).put<ChangeTeamMemberRoleResponses, ChangeTeamMemberRoleErrors, ThrowOnError>({
    security: [{
            in: 'cookie',
            name: 'aidial_session',
            type: 'apiKey'
        }],
    url: '/api/team/members/{id}/role',
    ...options,
    headers: {
        'Content-Type': 'application/json',
        ...options.headers
    }
});

/**
 * Signs a member out of your organisation: ends their live sessions here, with a note they read in their session history (never your own).
 */
export const revokeTeamMemberSessions = <ThrowOnError extends boolean = false>(options: Options<RevokeTeamMemberSessionsData, ThrowOnError>) => (options.client ?? client).post<RevokeTeamMemberSessionsResponses, RevokeTeamMemberSessionsErrors, ThrowOnError>({
    security: [{
            in: 'cookie',
            name: 'aidial_session',
            type: 'apiKey'
        }],
    url: '/api/team/members/{id}/sessions/revoke',
    ...options,
    headers: {
        'Content-Type': 'application/json',
        ...options.headers
    }
});

/**
 * Pending invitations to your organisation.
 */
export const listTeamInvitations = <ThrowOnError extends boolean = false>(options?: Options<ListTeamInvitationsData, ThrowOnError>) => (options?.client ?? client).get<ListTeamInvitationsResponses, ListTeamInvitationsErrors, ThrowOnError>({
    security: [{
            in: 'cookie',
            name: 'aidial_session',
            type: 'apiKey'
        }],
    url: '/api/team/invitations',
    ...options
});

/**
 * Invites a person by email; the invitation becomes a membership when they sign in with that address verified by the identity provider.
 */
export const createTeamInvitation = <ThrowOnError extends boolean = false>(options: Options<CreateTeamInvitationData, ThrowOnError>) => (options.client ?? client).post<CreateTeamInvitationResponses, CreateTeamInvitationErrors, ThrowOnError>({
    security: [{
            in: 'cookie',
            name: 'aidial_session',
            type: 'apiKey'
        }],
    url: '/api/team/invitations',
    ...options,
    headers: {
        'Content-Type': 'application/json',
        ...options.headers
    }
});

/**
 * Withdraws a pending invitation.
 */
export const revokeTeamInvitation = <ThrowOnError extends boolean = false>(options: Options<RevokeTeamInvitationData, ThrowOnError>) => (options.client ?? client).delete<RevokeTeamInvitationResponses, RevokeTeamInvitationErrors, ThrowOnError>({
    security: [{
            in: 'cookie',
            name: 'aidial_session',
            type: 'apiKey'
        }],
    url: '/api/team/invitations/{id}',
    ...options
});

/**
 * The members of your partner organisation.
 */
export const listPartnerTeamMembers = <ThrowOnError extends boolean = false>(options?: Options<ListPartnerTeamMembersData, ThrowOnError>) => (options?.client ?? client).get<ListPartnerTeamMembersResponses, ListPartnerTeamMembersErrors, ThrowOnError>({
    security: [{
            in: 'cookie',
            name: 'aidial_session',
            type: 'apiKey'
        }],
    url: '/api/partner/team/members',
    ...options
});

/**
 * Removes a member from your partner organisation (never yourself).
 */
export const removePartnerTeamMember = <ThrowOnError extends boolean = false>(options: Options<RemovePartnerTeamMemberData, ThrowOnError>) => (options.client ?? client).delete<RemovePartnerTeamMemberResponses, RemovePartnerTeamMemberErrors, ThrowOnError>({
    security: [{
            in: 'cookie',
            name: 'aidial_session',
            type: 'apiKey'
        }],
    url: '/api/partner/team/members/{id}',
    ...options
});

/**
 * One member of your partner organisation, by membership id.
 */
export const getPartnerTeamMember = <ThrowOnError extends boolean = false>(options: Options<GetPartnerTeamMemberData, ThrowOnError>) => (options.client ?? client).get<GetPartnerTeamMemberResponses, GetPartnerTeamMemberErrors, ThrowOnError>({
    security: [{
            in: 'cookie',
            name: 'aidial_session',
            type: 'apiKey'
        }],
    url: '/api/partner/team/members/{id}',
    ...options
});

/**
 * Changes a member’s role (never your own, never a member above your role).
 */
export const changePartnerTeamMemberRole = <ThrowOnError extends boolean = false>(options: Options<ChangePartnerTeamMemberRoleData, ThrowOnError>) => (options.client ?? client).put<ChangePartnerTeamMemberRoleResponses, ChangePartnerTeamMemberRoleErrors, ThrowOnError>({
    security: [{
            in: 'cookie',
            name: 'aidial_session',
            type: 'apiKey'
        }],
    url: '/api/partner/team/members/{id}/role',
    ...options,
    headers: {
        'Content-Type': 'application/json',
        ...options.headers
    }
});

/**
 * Signs a member out of your partner organisation: ends their live sessions here, with a note they read in their session history (never your own).
 */
export const revokePartnerTeamMemberSessions = <ThrowOnError extends boolean = false>(options: Options<RevokePartnerTeamMemberSessionsData, ThrowOnError>) => (options.client ?? client).post<RevokePartnerTeamMemberSessionsResponses, RevokePartnerTeamMemberSessionsErrors, ThrowOnError>({
    security: [{
            in: 'cookie',
            name: 'aidial_session',
            type: 'apiKey'
        }],
    url: '/api/partner/team/members/{id}/sessions/revoke',
    ...options,
    headers: {
        'Content-Type': 'application/json',
        ...options.headers
    }
});

/**
 * Pending invitations to your partner organisation.
 */
export const listPartnerTeamInvitations = <ThrowOnError extends boolean = false>(options?: Options<ListPartnerTeamInvitationsData, ThrowOnError>) => (options?.client ?? client).get<ListPartnerTeamInvitationsResponses, ListPartnerTeamInvitationsErrors, ThrowOnError>({
    security: [{
            in: 'cookie',
            name: 'aidial_session',
            type: 'apiKey'
        }],
    url: '/api/partner/team/invitations',
    ...options
});

/**
 * Invites a person by email; the invitation becomes a membership when they sign in with that address verified by the identity provider.
 */
export const createPartnerTeamInvitation = <ThrowOnError extends boolean = false>(options: Options<CreatePartnerTeamInvitationData, ThrowOnError>) => (options.client ?? client).post<CreatePartnerTeamInvitationResponses, CreatePartnerTeamInvitationErrors, ThrowOnError>({
    security: [{
            in: 'cookie',
            name: 'aidial_session',
            type: 'apiKey'
        }],
    url: '/api/partner/team/invitations',
    ...options,
    headers: {
        'Content-Type': 'application/json',
        ...options.headers
    }
});

/**
 * Withdraws a pending invitation.
 */
export const revokePartnerTeamInvitation = <ThrowOnError extends boolean = false>(options: Options<RevokePartnerTeamInvitationData, ThrowOnError>) => (options.client ?? client).delete<RevokePartnerTeamInvitationResponses, RevokePartnerTeamInvitationErrors, ThrowOnError>({
    security: [{
            in: 'cookie',
            name: 'aidial_session',
            type: 'apiKey'
        }],
    url: '/api/partner/team/invitations/{id}',
    ...options
});

/**
 * The clients you manage, with the one selected in this session marked.
 */
export const listPartnerClients = <ThrowOnError extends boolean = false>(options?: Options<ListPartnerClientsData, ThrowOnError>) => (options?.client ?? client).get<ListPartnerClientsResponses, ListPartnerClientsErrors, ThrowOnError>({
    security: [{
            in: 'cookie',
            name: 'aidial_session',
            type: 'apiKey'
        }],
    url: '/api/partner/clients',
    ...options
});

/**
 * One client you manage, with its projects in your scope.
 */
export const getPartnerClient = <ThrowOnError extends boolean = false>(options: Options<GetPartnerClientData, ThrowOnError>) => (options.client ?? client).get<GetPartnerClientResponses, GetPartnerClientErrors, ThrowOnError>({
    security: [{
            in: 'cookie',
            name: 'aidial_session',
            type: 'apiKey'
        }],
    url: '/api/partner/clients/{id}',
    ...options
});

/**
 * Selects the client whose data client-scoped pages show in this session (null clears it). Any id of a client you do not manage answers 404.
 */
export const selectPartnerClient = <ThrowOnError extends boolean = false>(options: Options<SelectPartnerClientData, ThrowOnError>) => (options.client ?? client).put<SelectPartnerClientResponses, SelectPartnerClientErrors, ThrowOnError>({
    security: [{
            in: 'cookie',
            name: 'aidial_session',
            type: 'apiKey'
        }],
    url: '/api/partner/client-selection',
    ...options,
    headers: {
        'Content-Type': 'application/json',
        ...options.headers
    }
});

/**
 * Projects of the clients you manage, each with its client; optionally of one client.
 */
export const listPartnerProjects = <ThrowOnError extends boolean = false>(options?: Options<ListPartnerProjectsData, ThrowOnError>) => (options?.client ?? client).get<ListPartnerProjectsResponses, ListPartnerProjectsErrors, ThrowOnError>({
    security: [{
            in: 'cookie',
            name: 'aidial_session',
            type: 'apiKey'
        }],
    url: '/api/partner/projects',
    ...options
});

/**
 * One project of a client you manage.
 */
export const getPartnerProject = <ThrowOnError extends boolean = false>(options: Options<GetPartnerProjectData, ThrowOnError>) => (options.client ?? client).get<GetPartnerProjectResponses, GetPartnerProjectErrors, ThrowOnError>({
    security: [{
            in: 'cookie',
            name: 'aidial_session',
            type: 'apiKey'
        }],
    url: '/api/partner/projects/{id}',
    ...options
});

/**
 * Projects the key can see.
 *
 * A customer key: its organisation’s projects. A partner key: the projects of every client the partner manages (only its client’s when the key was made for one). Both within the key’s project scope.
 *
 * **curl**
 *
 * ```sh
 * curl -sS "$AIDIAL_URL/v1/projects" \
 * -H "X-API-Key: $AIDIAL_API_KEY"
 * ```
 *
 * **Node.js** (18 or later, as an ES module)
 *
 * ```js
 * const response = await fetch(`${process.env.AIDIAL_URL}/v1/projects`, {
 * headers: { 'X-API-Key': process.env.AIDIAL_API_KEY },
 * });
 * const body = await response.json();
 * // Every refusal is {code, message, request_id}; quote the request id to support.
 * if (!response.ok) throw new Error(`${body.code}: ${body.message} (request ${body.request_id})`);
 * console.log(body);
 * ```
 */
export const listV1Projects = <ThrowOnError extends boolean = false>(options?: Options<ListV1ProjectsData, ThrowOnError>) => (options?.client ?? client).get<ListV1ProjectsResponses, ListV1ProjectsErrors, ThrowOnError>({
    security: [{ name: 'X-API-Key', type: 'apiKey' }],
    url: '/v1/projects',
    ...options
});

/**
 * One project the key can see; any other id (another tenant’s, or malformed) answers the same 404.
 *
 * **curl**
 *
 * ```sh
 * curl -sS "$AIDIAL_URL/v1/projects/$PROJECT_ID" \
 * -H "X-API-Key: $AIDIAL_API_KEY"
 * ```
 *
 * **Node.js** (18 or later, as an ES module)
 *
 * ```js
 * const response = await fetch(`${process.env.AIDIAL_URL}/v1/projects/${process.env.PROJECT_ID}`, {
 * headers: { 'X-API-Key': process.env.AIDIAL_API_KEY },
 * });
 * const body = await response.json();
 * // Every refusal is {code, message, request_id}; quote the request id to support.
 * if (!response.ok) throw new Error(`${body.code}: ${body.message} (request ${body.request_id})`);
 * console.log(body);
 * ```
 */
export const getV1Project = <ThrowOnError extends boolean = false>(options: Options<GetV1ProjectData, ThrowOnError>) => (options.client ?? client).get<GetV1ProjectResponses, GetV1ProjectErrors, ThrowOnError>({
    security: [{ name: 'X-API-Key', type: 'apiKey' }],
    url: '/v1/projects/{id}',
    ...options
});
