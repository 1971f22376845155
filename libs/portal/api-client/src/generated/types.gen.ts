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

/**
 * `unknown`: it could not be asked lately; requests that need it answer with their documented 503.
 */
export type ReportedDependencyStatus = 'up' | 'unknown';

export type ReportedDependencyDto = {
    /**
     * `unknown`: it could not be asked lately; requests that need it answer with their documented 503.
     */
    status: ReportedDependencyStatus;
};

export type HealthChecksDto = {
    database: DependencyHealthDto;
    /**
     * The identity provider's service account: whether it has the instance-wide rights the API needs.
     */
    identity_provider?: ReportedDependencyDto;
};

export type ReadinessDto = {
    status: HealthStatus;
    checks: HealthChecksDto;
};

export type ErrorCode = 'unauthenticated' | 'access_denied' | 'tenant_suspended' | 'mfa_required' | 'reauthentication_required' | 'insufficient_role' | 'role_not_assignable' | 'not_found' | 'client_selection_required' | 'client_not_active' | 'member_exists' | 'invitation_exists' | 'own_membership' | 'tenant_not_changeable' | 'validation_failed' | 'malformed_json' | 'unsupported_media_type' | 'payload_too_large' | 'csrf_failed' | 'cross_site_refused' | 'method_not_allowed' | 'request_header_too_large' | 'bad_request' | 'rate_limited' | 'mfa_lifecycle_stale' | 'mfa_action_unavailable' | 'mfa_status_unavailable' | 'mfa_sms_role_not_allowed' | 'mfa_sms_tenant_not_enabled' | 'mfa_sms_country_not_supported' | 'mfa_sms_rate_limited' | 'mfa_sms_provider_unavailable' | 'mfa_sms_already_enrolled' | 'ticket_contains_secret' | 'api_key_invalid' | 'api_key_scope_missing' | 'browser_credentials_refused' | 'scope_not_grantable' | 'api_key_not_active' | 'upstream_unavailable' | 'upstream_timeout' | 'identity_provider_unavailable' | 'session_validation_unavailable' | 'service_unavailable' | 'identity_provider_misconfigured' | 'internal_error';

export type FieldErrorDto = {
    field: string;
    message: string;
};

/**
 * Present for `mfa_required`: the portal page where the user completes MFA (`/settings` for customer and partner roles, `/admin/profile` for internal roles).
 */
export type MfaRemediationPath = '/settings' | '/admin/profile';

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
    /**
     * Present for `mfa_required`: the portal page where the user completes MFA (`/settings` for customer and partner roles, `/admin/profile` for internal roles).
     */
    remediation_path?: MfaRemediationPath;
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

export type MfaRequirement = 'required' | 'optional';

export type MfaRequiredBy = 'role' | 'tenant_policy' | 'user_policy';

export type MfaEnrolment = 'enrolled' | 'not_enrolled' | 'unknown';

export type MfaChallenge = 'satisfied' | 'required' | 'failed' | 'unknown';

export type MfaSecurityStatus = 'required' | 'satisfied' | 'pending' | 'failed' | 'optional' | 'unavailable';

export type MfaLack = 'not_enrolled' | 'not_used_this_sign_in' | 'status_unavailable';

export type SessionMfaDto = {
    policy: MfaRequirement;
    required_by: MfaRequiredBy | null;
    enrolment: MfaEnrolment;
    challenge: MfaChallenge;
    security_status: MfaSecurityStatus;
    lacking: MfaLack | null;
    /**
     * False: every route but the MFA-exempt ones answers 403 `mfa_required`.
     */
    compliant: boolean;
    remediation_path: MfaRemediationPath;
};

export type SessionSummaryDto = {
    user: SessionUserDto;
    role: Role;
    tenant: SessionTenantDto;
    client: SessionClientDto | null;
    project_scope: ProjectScopeDto;
    sign_in: SignInFactsDto;
    mfa: SessionMfaDto;
    /**
     * When the session ends if idle from now on (the absolute end caps it).
     */
    expires_at: string;
    /**
     * When the session ends however active it is.
     */
    absolute_expires_at: string;
    /**
     * Whole seconds until the idle expiry, computed by the server (as the X-Session-Idle-Expires-In header).
     */
    idle_expires_in: number;
    /**
     * Whole seconds until the absolute expiry, computed by the server (as the X-Session-Absolute-Expires-In header).
     */
    absolute_expires_in: number;
};

export type SessionLifetimeDto = {
    /**
     * Seconds until the session ends unless it is used again (the absolute end caps it).
     */
    idle_expires_in: number;
    /**
     * Seconds until the session ends however active it is.
     */
    absolute_expires_in: number;
};

export type SessionDevice = 'desktop' | 'mobile' | 'tablet' | 'unknown';

export type SessionDto = {
    id: string;
    /**
     * Browser and major version read from the user agent, e.g. `Chrome 131`; null when not recognised.
     */
    browser: string | null;
    /**
     * Operating system, e.g. `macOS`, `Windows 10/11`, `Android 14`, `iOS 17`; null when not recognised.
     */
    os: string | null;
    device: SessionDevice;
    /**
     * The network signed in from: the IPv4 address with its last octet zeroed, or the IPv6 /48.
     */
    ip_coarse: string | null;
    /**
     * When the user signed in.
     */
    created_at: string;
    /**
     * The last request seen (recorded at most once a minute).
     */
    last_active_at: string;
    /**
     * When the session ends unless it is used again (capped by the absolute end).
     */
    idle_expires_at: string;
    /**
     * When the session ends however active it is.
     */
    absolute_expires_at: string;
    /**
     * This is the session making the request.
     */
    current: boolean;
};

export type SessionListDto = {
    /**
     * Your live sessions in this organisation: the current one first, then by latest activity.
     */
    items: Array<SessionDto>;
};

export type SessionEndReason = 'signed_out' | 'revoked_by_user' | 'signed_out_elsewhere' | 'replaced' | 'revoked_by_admin' | 'revoked_by_tenant_admin' | 'tenant_suspended' | 'role_changed' | 'membership_removed' | 'idle_timeout' | 'absolute_timeout' | 'provider_signed_out' | 'factors_changed';

export type EndedSessionDto = {
    id: string;
    /**
     * Browser and major version read from the user agent, e.g. `Chrome 131`; null when not recognised.
     */
    browser: string | null;
    /**
     * Operating system, e.g. `macOS`, `Windows 10/11`, `Android 14`, `iOS 17`; null when not recognised.
     */
    os: string | null;
    device: SessionDevice;
    /**
     * The network signed in from: the IPv4 address with its last octet zeroed, or the IPv6 /48.
     */
    ip_coarse: string | null;
    /**
     * When the user signed in.
     */
    created_at: string;
    /**
     * The last request seen (recorded at most once a minute).
     */
    last_active_at: string;
    /**
     * When it ended; for an expiry, the moment the idle or absolute lifetime ran out.
     */
    ended_at: string;
    end_reason: SessionEndReason;
    /**
     * Who ended it, only when an administrator of your organisation did (`revoked_by_tenant_admin`). Null otherwise: you, the system, or AiDial staff (`revoked_by_admin`), who are not named.
     */
    ended_by_name: string | null;
    /**
     * The administrator's note when they revoked it.
     */
    note: string | null;
};

export type EndedSessionListDto = {
    /**
     * Your ended sessions in this organisation, latest end first: at most 50, within the retention.
     */
    items: Array<EndedSessionDto>;
    /**
     * How many days an ended session stays in this history (SESSION_HISTORY_DAYS).
     */
    retention_days: number;
};

export type RevokedSessionsDto = {
    /**
     * How many sessions were ended.
     */
    revoked: number;
};

export type MfaRefreshDto = {
    /**
     * Where to send the browser: the provider signs the user in again (prompt=login).
     */
    authorization_url: string;
};

export type StartStepUpDto = {
    /**
     * The portal page to come back to after signing in again (a same-origin path; anything else falls back to the home page). The page then repeats or finishes the action that asked for it.
     */
    return_to: string;
};

export type AuditAction = 'access.denied' | 'auth.sign_in' | 'auth.sign_out' | 'auth.session.revoked' | 'auth.session.revoked_others' | 'auth.session.provider_logout' | 'tenancy.member.sessions_revoked' | 'admin.user.sessions_revoked' | 'admin.tenant.sessions_revoked' | 'tenancy.client.selected' | 'tenancy.client.cleared' | 'tenancy.invitation.created' | 'tenancy.invitation.revoked' | 'tenancy.member.role_changed' | 'tenancy.member.removed' | 'admin.tenant.created' | 'admin.tenant.status_changed' | 'admin.tenant.sms_otp_changed' | 'admin.tenant.mfa_policy_changed' | 'admin.membership.assigned' | 'admin.membership.removed' | 'mfa.setup_opened' | 'mfa.status_refresh_started' | 'mfa.recovery_codes.stored' | 'mfa.recovery_codes.reviewed' | 'mfa.recovery_codes.regenerated' | 'mfa.disable_opened' | 'mfa.factors_changed' | 'mfa.sms_otp.enrolment' | 'support.ticket.created' | 'support.ticket.refused' | 'integrations.api_key.created' | 'integrations.api_key.rotated' | 'integrations.api_key.revoked' | 'integrations.api_key.rejected';

export type AuditOutcome = 'success' | 'denied' | 'failure';

/**
 * `person`: a signed-in person; `aidial_support`: AiDial staff, as customers and partners see them (no name); `api_key`: an API key on `/v1`; `system`: no one signed in (a sign-in that failed before anyone was known, a refused key, the identity provider).
 */
export type AuditActorKind = 'person' | 'aidial_support' | 'api_key' | 'system';

export type AuditActorDto = {
    /**
     * `person`: a signed-in person; `aidial_support`: AiDial staff, as customers and partners see them (no name); `api_key`: an API key on `/v1`; `system`: no one signed in (a sign-in that failed before anyone was known, a refused key, the identity provider).
     */
    kind: AuditActorKind;
    /**
     * Pass as `actor` to see only this actor’s events: a person’s user id, `api_key:<key id>`, `aidial_support` or `system`.
     */
    id: string;
    /**
     * A person’s display name as the identity provider last gave it (their email when it gave none; “User (deleted)” when the person is gone); otherwise a label: “AiDial support”, “API key CRM sync …a1b2”, “System”.
     */
    name: string;
    /**
     * A person’s email; null for every other kind.
     */
    email: string | null;
};

export type AuditEventDto = {
    id: string;
    occurred_at: string;
    /**
     * Null for events of no tenant.
     */
    tenant_id: string | null;
    actor_user_id: string | null;
    actor_api_key_id: string | null;
    /**
     * The actor in words, resolved when the event is read; the ids above stay as they are.
     */
    actor: AuditActorDto;
    /**
     * The actor’s role when the event happened.
     */
    actor_role: string | null;
    action: AuditAction;
    outcome: AuditOutcome;
    target_type: string | null;
    target_id: string | null;
    /**
     * What the event is about, in words, resolved when read: “Member Ben Ortiz”, “Tenant Northwind”, “API key CRM sync …a1b2”, “Invitation for ana@example.com”; “(deleted)” when it no longer exists. Null when the event is about nothing. Never an id.
     */
    target_description: string | null;
    request_id: string | null;
    /**
     * The client network: last IPv4 octet, or last 80 IPv6 bits, zeroed.
     */
    ip: string | null;
    user_agent: string | null;
    /**
     * The fields the event type declares (docs/audit.md), after the redactor.
     */
    details: {
        [key: string]: unknown;
    };
};

export type AuditEventPageDto = {
    items: Array<AuditEventDto>;
    /**
     * Pass as `cursor` for the next page; null on the last.
     */
    next_cursor: string | null;
};

export type AuditActorListDto = {
    /**
     * Everyone who appears as an actor in your scope (for the person picker): people by name, then AiDial support (customers and partners), API keys and System, each once.
     */
    items: Array<AuditActorDto>;
};

/**
 * `hash_mismatch`: the row’s content no longer matches its hash (altered); `prev_hash_mismatch`: it does not point to the row before it; `seq_gap`: rows before it are missing; `previous_row_missing`: the first row of the range has no predecessor or checkpoint.
 */
export type AuditBrokenLinkReason = 'hash_mismatch' | 'prev_hash_mismatch' | 'seq_gap' | 'previous_row_missing';

export type BrokenLinkDto = {
    id: string;
    /**
     * The row’s position in its chain.
     */
    seq: string;
    /**
     * `hash_mismatch`: the row’s content no longer matches its hash (altered); `prev_hash_mismatch`: it does not point to the row before it; `seq_gap`: rows before it are missing; `previous_row_missing`: the first row of the range has no predecessor or checkpoint.
     */
    reason: AuditBrokenLinkReason;
};

export type AuditChainVerificationDto = {
    ok: boolean;
    /**
     * Rows checked (up to and including the first broken one).
     */
    checked: number;
    first_broken: BrokenLinkDto | null;
};

export type ApiKeyScope = 'whoami' | 'projects:read' | 'audit:read' | 'platform:read';

export type ApiKeyStatus = 'active' | 'expired' | 'revoked';

export type ApiKeyDto = {
    id: string;
    name: string;
    /**
     * The public id: the part of the key after `aidial_`, before the secret.
     */
    public_id: string;
    /**
     * How the key starts.
     */
    prefix: string;
    /**
     * The last four characters of the key, to recognise it.
     */
    last_four: string;
    scopes: Array<ApiKeyScope>;
    client_id: string | null;
    client_name: string | null;
    /**
     * null: every project the key’s tenant (or client) lets it see.
     */
    project_ids: Array<string> | null;
    created_by_id: string | null;
    created_by_name: string | null;
    created_at: string;
    expires_at: string;
    last_used_at: string | null;
    /**
     * Coarse: last IPv4 octet or last 80 IPv6 bits zeroed.
     */
    last_used_ip: string | null;
    last_used_user_agent: string | null;
    revoked_at: string | null;
    /**
     * The key this one replaced by rotation.
     */
    rotated_from_id: string | null;
    /**
     * The key that replaced this one by rotation, or null. A replaced key keeps working until its `expires_at` (the overlap chosen at rotation), then expires.
     */
    replaced_by_id: string | null;
    /**
     * The last four characters of the replacing key.
     */
    replaced_by_last_four: string | null;
    status: ApiKeyStatus;
};

export type ApiKeyListDto = {
    items: Array<ApiKeyDto>;
    /**
     * The scopes your role may give a key.
     */
    grantable_scopes: Array<ApiKeyScope>;
    /**
     * Whether your role may create, rotate and revoke keys (`integrations.manage`).
     */
    can_manage: boolean;
    max_lifetime_days: number;
};

export type CreateApiKeyDto = {
    /**
     * What the key is for. Leading and trailing spaces are removed.
     */
    name: string;
    /**
     * What the key may call. Only scopes your own role can use are accepted (403 `scope_not_grantable`); `whoami` is always included.
     */
    scopes: Array<ApiKeyScope>;
    /**
     * Days until the key expires (mandatory).
     */
    expires_in_days: number;
    /**
     * Partners: the managed client whose platform data the key reads (as the portal’s client selection). Omitted: none (client-scoped platform calls answer 409 `client_selection_required`).
     */
    client_id?: string | null;
    /**
     * Limit the key to these projects (each one you can see). Omitted or null: every project you can see.
     */
    project_ids?: Array<string> | null;
};

export type CreatedApiKeyDto = {
    id: string;
    name: string;
    /**
     * The public id: the part of the key after `aidial_`, before the secret.
     */
    public_id: string;
    /**
     * How the key starts.
     */
    prefix: string;
    /**
     * The last four characters of the key, to recognise it.
     */
    last_four: string;
    scopes: Array<ApiKeyScope>;
    client_id: string | null;
    client_name: string | null;
    /**
     * null: every project the key’s tenant (or client) lets it see.
     */
    project_ids: Array<string> | null;
    created_by_id: string | null;
    created_by_name: string | null;
    created_at: string;
    expires_at: string;
    last_used_at: string | null;
    /**
     * Coarse: last IPv4 octet or last 80 IPv6 bits zeroed.
     */
    last_used_ip: string | null;
    last_used_user_agent: string | null;
    revoked_at: string | null;
    /**
     * The key this one replaced by rotation.
     */
    rotated_from_id: string | null;
    /**
     * The key that replaced this one by rotation, or null. A replaced key keeps working until its `expires_at` (the overlap chosen at rotation), then expires.
     */
    replaced_by_id: string | null;
    /**
     * The last four characters of the replacing key.
     */
    replaced_by_last_four: string | null;
    status: ApiKeyStatus;
    /**
     * The whole key. Shown once, in this answer only: it is never stored and cannot be retrieved again.
     */
    key: string;
};

export type RotateApiKeyDto = {
    /**
     * Hours the old key keeps working after the rotation (its expiry becomes now + overlap, never later than it was).
     */
    overlap_hours?: number;
};

export type WhoamiTenantDto = {
    id: string;
    name: string;
    kind: TenantKind;
};

export type WhoamiClientDto = {
    id: string;
    name: string;
};

export type WhoamiProjectScopeDto = {
    kind: ProjectScopeKind;
    /**
     * Empty when `kind` is `all`.
     */
    project_ids: Array<string>;
};

export type WhoamiDto = {
    key_id: string;
    key_name: string;
    public_id: string;
    tenant: WhoamiTenantDto;
    /**
     * A partner key’s client, or null.
     */
    client: WhoamiClientDto | null;
    scopes: Array<ApiKeyScope>;
    project_scope: WhoamiProjectScopeDto;
    expires_at: string;
};

export type PlatformDashboardSummaryDto = {
    calls_today: number;
    /**
     * Share of today’s calls answered, 0–1.
     */
    answered_rate: number;
    minutes_this_month: number;
    active_campaigns: number;
};

export type CallDirection = 'inbound' | 'outbound';

export type CallOutcome = 'answered' | 'voicemail' | 'no_answer' | 'failed';

export type PlatformCallDto = {
    id: string;
    project_id: string;
    started_at: string;
    direction: CallDirection;
    duration_seconds: number;
    outcome: CallOutcome;
    /**
     * Only on a single call.
     */
    summary?: string | null;
};

export type PlatformCallPageDto = {
    items: Array<PlatformCallDto>;
    next_cursor: string | null;
};

export type PlatformBillingProjectDto = {
    project_id: string;
    calls: number;
    minutes: number;
    amount_cents: number;
};

export type PlatformBillingSummaryDto = {
    period: string;
    currency: string;
    calls: number;
    minutes: number;
    amount_cents: number;
    projects: Array<PlatformBillingProjectDto>;
};

export type CampaignStatus = 'draft' | 'running' | 'paused' | 'completed';

export type PlatformCampaignDto = {
    id: string;
    project_id: string;
    name: string;
    status: CampaignStatus;
    contacts: number;
    completed: number;
};

export type PlatformCampaignListDto = {
    items: Array<PlatformCampaignDto>;
};

export type CapacityScope = 'tenant' | 'platform';

export type PlatformCapacityDto = {
    scope: CapacityScope;
    concurrent_lines: number;
    in_use: number;
    queued: number;
    updated_at: string;
};

export type ComplianceResult = 'cleared' | 'blocked' | 'held';

export type PlatformComplianceTotalsDto = {
    checked: number;
    cleared: number;
    blocked: number;
    held: number;
};

/**
 * Do Not Call Register and do-not-call lists, consent on record, or permitted calling hours.
 */
export type ComplianceRule = 'do_not_call' | 'consent' | 'calling_hours';

export type PlatformComplianceRecordDto = {
    id: string;
    project_id: string;
    checked_at: string;
    /**
     * Do Not Call Register and do-not-call lists, consent on record, or permitted calling hours.
     */
    rule: ComplianceRule;
    /**
     * `cleared`: dialled; `blocked`: not dialled; `held`: moved to the next permitted time.
     */
    result: ComplianceResult;
    /**
     * The call it cleared; null when nothing was dialled.
     */
    call_id: string | null;
    /**
     * What the platform found, in words.
     */
    note: string;
};

export type PlatformComplianceRecordsDto = {
    /**
     * The start of the period the checks cover.
     */
    since: string;
    /**
     * Every check in scope, before the `result` filter.
     */
    totals: PlatformComplianceTotalsDto;
    /**
     * Newest first.
     */
    items: Array<PlatformComplianceRecordDto>;
};

export type CallingDays = 'weekdays' | 'saturday' | 'sunday' | 'public_holidays';

export type PlatformCallingHoursDto = {
    days: CallingDays;
    /**
     * Null: no calls on these days.
     */
    from: string | null;
    to: string | null;
};

export type DoNotCallSource = 'national_register' | 'organisation' | 'uploaded';

export type PlatformDoNotCallListDto = {
    id: string;
    name: string;
    source: DoNotCallSource;
    entries: number;
    updated_at: string;
};

export type ConsentKind = 'written' | 'web_form' | 'verbal' | 'import';

export type PlatformConsentSourceDto = {
    id: string;
    name: string;
    kind: ConsentKind;
    records: number;
    updated_at: string;
};

export type PlatformComplianceExceptionDto = {
    id: string;
    project_id: string;
    description: string;
    ends_on: string | null;
};

export type PlatformComplianceSettingsDto = {
    /**
     * The IANA time zone the calling hours are kept in.
     */
    time_zone: string;
    calling_hours: Array<PlatformCallingHoursDto>;
    do_not_call_lists: Array<PlatformDoNotCallListDto>;
    consent_sources: Array<PlatformConsentSourceDto>;
    /**
     * Of the projects in scope.
     */
    exceptions: Array<PlatformComplianceExceptionDto>;
};

export type IncidentState = 'open' | 'resolved';

export type IncidentSeverity = 'critical' | 'major' | 'minor';

export type IncidentStatus = 'investigating' | 'identified' | 'monitoring' | 'resolved';

export type PlatformTenantRefDto = {
    id: string;
    name: string;
};

export type PlatformIncidentUpdateDto = {
    at: string;
    status: IncidentStatus;
    message: string;
};

export type PlatformIncidentDto = {
    id: string;
    title: string;
    severity: IncidentSeverity;
    status: IncidentStatus;
    started_at: string;
    resolved_at: string | null;
    /**
     * What customers notice.
     */
    impact: string;
    /**
     * Empty: no tenant in particular.
     */
    affected_tenants: Array<PlatformTenantRefDto>;
    /**
     * Oldest first.
     */
    updates: Array<PlatformIncidentUpdateDto>;
};

export type PlatformIncidentListDto = {
    items: Array<PlatformIncidentDto>;
};

export type DiscountStatus = 'active' | 'scheduled' | 'expired';

export type DiscountScope = 'call_minutes' | 'platform_fee' | 'all_charges';

export type PlatformDiscountDto = {
    id: string;
    tenant: PlatformTenantRefDto;
    name: string;
    percent_off: number;
    applies_to: DiscountScope;
    starts_on: string;
    /**
     * Null: open-ended.
     */
    ends_on: string | null;
    status: DiscountStatus;
};

export type PlatformDiscountListDto = {
    items: Array<PlatformDiscountDto>;
};

export type AdjustmentKind = 'credit' | 'charge';

export type PlatformAdjustmentDto = {
    id: string;
    tenant: PlatformTenantRefDto;
    /**
     * The bill it applies to.
     */
    period: string;
    kind: AdjustmentKind;
    /**
     * Always positive: `kind` says whether it is taken off or added.
     */
    amount_cents: number;
    currency: string;
    reason: string;
    created_at: string;
};

export type PlatformAdjustmentListDto = {
    /**
     * Newest first.
     */
    items: Array<PlatformAdjustmentDto>;
};

export type SmsEnrolRequestDto = {
    /**
     * An Australian mobile number as people write it (`0412 345 678`, `+61 412 345 678`, `(04) 1234 5678`…). Sent to the identity provider and then forgotten: never stored, logged or answered back.
     */
    phone: string;
};

export type SmsEnrolResponseDto = {
    /**
     * The number the codes go to, masked: country code and last three digits. Keep it in page state only.
     */
    phone_tail: string;
};

export type SupportTicketCategory = 'account' | 'access' | 'other';

export type SupportTicketStatus = 'open' | 'closed';

export type SupportTicketDto = {
    id: string;
    category: SupportTicketCategory;
    subject: string;
    body: string;
    status: SupportTicketStatus;
    created_at: string;
    /**
     * Who opened it.
     */
    created_by_id: string;
    /**
     * Their display name (or email) as last seen from the identity provider.
     */
    created_by_name: string | null;
    /**
     * Whether you opened it.
     */
    is_yours: boolean;
};

/**
 * `tenant`: every ticket of your organisation (client_admin, partner_admin); `own`: yours only.
 */
export type SupportTicketListScope = 'own' | 'tenant';

export type SupportTicketListDto = {
    /**
     * Newest first; at most 200.
     */
    items: Array<SupportTicketDto>;
    /**
     * `tenant`: every ticket of your organisation (client_admin, partner_admin); `own`: yours only.
     */
    scope: SupportTicketListScope;
};

export type CreateSupportTicketDto = {
    /**
     * `account`: your profile (a display name or email address to correct) or account; `access`: signing in, MFA, permissions; `other`: anything else.
     */
    category: SupportTicketCategory;
    /**
     * Leading and trailing spaces are removed.
     */
    subject: string;
    /**
     * What you need. Never include a one-time code, recovery code, authenticator secret, password, cookie, token or key: such a ticket is refused (400 `ticket_contains_secret`).
     */
    body: string;
};

/**
 * The recognised factors the user has at the identity provider (empty when enrolment is unknown).
 */
export type MfaFactor = 'authenticator_app' | 'recovery_code' | 'sms_code' | 'email_code' | 'passkey' | 'security_key';

/**
 * `ack_required`: a new or re-enabled set (or a declared regeneration) waits for "I stored my recovery codes"; `reminder`: a sign-in used a recovery code; `acknowledged`: nothing pending; `none`: not enrolled.
 */
export type RecoveryCodeState = 'none' | 'ack_required' | 'acknowledged' | 'reminder';

export type MfaLifecycleDto = {
    /**
     * The current lifecycle marker: send it with each recovery-code acknowledgement (a stale one gets 409 `mfa_lifecycle_stale`). Null before the user was ever seen enrolled. Not a secret, and it changes at every transition.
     */
    marker: string | null;
    /**
     * `ack_required`: a new or re-enabled set (or a declared regeneration) waits for "I stored my recovery codes"; `reminder`: a sign-in used a recovery code; `acknowledged`: nothing pending; `none`: not enrolled.
     */
    recovery_codes: RecoveryCodeState;
};

/**
 * The spec/04 MFA actions available now. `open_disable` is never offered when MFA is required.
 */
export type MfaAction = 'open_setup' | 'refresh_status' | 'store_recovery_codes' | 'review_recovery_codes' | 'regenerate_recovery_codes' | 'open_disable';

export type MfaSummaryDto = {
    /**
     * From the identity provider; null shows as Unavailable.
     */
    display_name: string | null;
    /**
     * From the identity provider; null shows as Unavailable.
     */
    email: string | null;
    role: Role;
    policy: MfaRequirement;
    /**
     * Which rule requires MFA (role default first, then tenant policy, then user policy); null when optional.
     */
    required_by: MfaRequiredBy | null;
    enrolment: MfaEnrolment;
    challenge: MfaChallenge;
    /**
     * The recognised factors the user has at the identity provider (empty when enrolment is unknown).
     */
    allowed_factors: Array<MfaFactor>;
    /**
     * The recognised second factors this session's sign-in used, as far as the provider's session tells.
     */
    used_factors: Array<MfaFactor>;
    security_status: MfaSecurityStatus;
    /**
     * What this sign-in lacks for a required policy; null when compliant or optional.
     */
    lacking: MfaLack | null;
    /**
     * Policy optional, or enrolled and the challenge satisfied in this sign-in.
     */
    compliant: boolean;
    remediation_path: MfaRemediationPath;
    /**
     * When the session's MFA snapshot was taken (its sign-in); null for a session without one.
     */
    last_refreshed_at: string | null;
    lifecycle: MfaLifecycleDto;
    /**
     * The spec/04 MFA actions available now. `open_disable` is never offered when MFA is required.
     */
    actions: Array<MfaAction>;
    /**
     * True when setup cannot be offered now (enrolment unknown): refresh, or contact an administrator.
     */
    setup_unavailable: boolean;
    /**
     * True when provider management cannot be offered now (enrolment unknown).
     */
    management_unavailable: boolean;
    /**
     * Whether the SMS card is offered: your role allows SMS one-time codes (client_admin, partner_admin) and your organisation has `mfa.sms_otp.enabled` (spec/05). Enrolled or not shows in `allowed_factors` (`sms_code`).
     */
    sms_otp_available: boolean;
};

export type MfaProviderUrlDto = {
    /**
     * The identity provider page to open in a new tab; built only from ZITADEL_ISSUER.
     */
    url: string;
};

export type MfaMarkerDto = {
    /**
     * The lifecycle marker from the summary the user acted on.
     */
    marker: string;
};

export type MfaLifecycleResultDto = {
    lifecycle: MfaLifecycleDto;
};

export type TenantStatus = 'active' | 'suspended' | 'closed';

export type ManagingPartnerDto = {
    id: string;
    name: string;
};

export type MfaPolicy = 'role_default' | 'required';

export type AdminTenantDto = {
    id: string;
    name: string;
    kind: TenantKind;
    status: TenantStatus;
    /**
     * The partner that manages a customer tenant.
     */
    managing_partner: ManagingPartnerDto | null;
    /**
     * The `mfa.sms_otp.enabled` feature flag; off when never set.
     */
    sms_otp_enabled: boolean;
    mfa_policy: MfaPolicy;
    /**
     * Memberships in this tenant, whatever their role.
     */
    member_count: number;
    created_at: string;
};

export type AdminTenantPageDto = {
    items: Array<AdminTenantDto>;
    /**
     * Pass as `cursor` for the next page; null on the last page.
     */
    next_cursor: string | null;
};

export type ProjectStatus = 'active' | 'archived';

export type AdminProjectDto = {
    id: string;
    name: string;
    status: ProjectStatus;
};

export type ManagedClientDto = {
    id: string;
    name: string;
    status: TenantStatus;
};

export type AdminTenantDetailDto = {
    id: string;
    name: string;
    kind: TenantKind;
    status: TenantStatus;
    /**
     * The partner that manages a customer tenant.
     */
    managing_partner: ManagingPartnerDto | null;
    /**
     * The `mfa.sms_otp.enabled` feature flag; off when never set.
     */
    sms_otp_enabled: boolean;
    mfa_policy: MfaPolicy;
    /**
     * Memberships in this tenant, whatever their role.
     */
    member_count: number;
    created_at: string;
    projects: Array<AdminProjectDto>;
    /**
     * The customer tenants a partner manages; empty for other kinds.
     */
    managed_clients: Array<ManagedClientDto>;
};

export type NewTenantKind = 'customer' | 'partner';

export type CreateTenantDto = {
    /**
     * Leading and trailing spaces are removed.
     */
    name: string;
    kind: NewTenantKind;
    /**
     * The partner tenant that sold and manages this customer tenant. Customer tenants only.
     */
    managing_partner_id?: string | null;
};

export type TenantStatusChange = 'active' | 'suspended';

export type ChangeTenantStatusDto = {
    status: TenantStatusChange;
};

export type TenantStatusChangedDto = {
    id: string;
    name: string;
    kind: TenantKind;
    status: TenantStatus;
    /**
     * The partner that manages a customer tenant.
     */
    managing_partner: ManagingPartnerDto | null;
    /**
     * The `mfa.sms_otp.enabled` feature flag; off when never set.
     */
    sms_otp_enabled: boolean;
    mfa_policy: MfaPolicy;
    /**
     * Memberships in this tenant, whatever their role.
     */
    member_count: number;
    created_at: string;
    projects: Array<AdminProjectDto>;
    /**
     * The customer tenants a partner manages; empty for other kinds.
     */
    managed_clients: Array<ManagedClientDto>;
    /**
     * How many live sessions of its members the change ended: every one when it suspended the tenant; 0 on reactivation or when it was already suspended.
     */
    sessions_ended: number;
};

export type RevokeSessionsDto = {
    /**
     * Why, in words the person signed out will read in their session history (and the audit log keeps). Leading and trailing spaces are removed.
     */
    note: string;
};

export type SessionsRevokedDto = {
    revoked: number;
};

export type ChangeTenantFeaturesDto = {
    /**
     * The `mfa.sms_otp.enabled` flag: whether the tenant may use SMS one-time codes (spec/05).
     */
    sms_otp_enabled: boolean;
};

export type ChangeTenantMfaPolicyDto = {
    /**
     * `required`: MFA for every member; `role_default`: as each role requires.
     */
    mfa_policy: MfaPolicy;
};

export type UserStatus = 'active' | 'disabled';

export type MembershipTenantDto = {
    id: string;
    name: string;
    kind: TenantKind;
    status: TenantStatus;
};

export type AdminMembershipDto = {
    tenant: MembershipTenantDto;
    /**
     * As stored; may be a value that is not one of the seven roles (see `role_recognised`).
     */
    role: string;
    /**
     * Whether `role` is one of the seven roles; an unrecognised role signs in to 403.
     */
    role_recognised: boolean;
    project_scope: ProjectScopeKind;
};

export type AdminUserDto = {
    id: string;
    /**
     * As the identity provider last said; read-only.
     */
    email: string | null;
    /**
     * As the identity provider last said; read-only.
     */
    display_name: string | null;
    status: UserStatus;
    memberships: Array<AdminMembershipDto>;
    created_at: string;
};

export type AdminUserPageDto = {
    items: Array<AdminUserDto>;
    /**
     * Pass as `cursor` for the next page; null on the last page.
     */
    next_cursor: string | null;
};

export type AssignRoleDto = {
    /**
     * One of the roles of the tenant's kind.
     */
    role: Role;
};

export type TenantStatusCountDto = {
    status: TenantStatus;
    count: number;
};

export type OverviewTenantDto = {
    id: string;
    name: string;
};

/**
 * `no_second_factor`: the identity provider lists none; `enrolment_unknown`: it was not asked (not `up`, or the overview’s deadline passed) or did not answer.
 */
export type MfaShortfall = 'no_second_factor' | 'enrolment_unknown';

export type MfaAttentionMemberDto = {
    user_id: string;
    display_name: string | null;
    email: string | null;
    tenant: OverviewTenantDto;
    /**
     * One of the seven roles.
     */
    role: string;
    /**
     * What makes MFA mandatory.
     */
    required_by: MfaRequiredBy;
    /**
     * `no_second_factor`: the identity provider lists none; `enrolment_unknown`: it was not asked (not `up`, or the overview’s deadline passed) or did not answer.
     */
    missing: MfaShortfall;
};

export type MfaAttentionDto = {
    /**
     * People with mandatory MFA whose enrolment the identity provider answered.
     */
    checked: number;
    /**
     * People with mandatory MFA whose enrolment is not known: the identity provider was not asked (its state is not `up`, or the overview’s few seconds ran out) or did not answer. Each is listed as `enrolment_unknown`.
     */
    unchecked: number;
    /**
     * More people have mandatory MFA than one overview looks at (200).
     */
    truncated: boolean;
    /**
     * By tenant, then name: one per membership, so a person may be listed for two tenants.
     */
    members: Array<MfaAttentionMemberDto>;
};

/**
 * As the readiness probe reports it: `up` (the service account has its rights), `down` (misconfigured), `unknown` (not asked yet since the API started, or it did not answer the last check). Members’ enrolment is asked only while `up`.
 */
export type IdentityProviderState = 'up' | 'down' | 'unknown';

export type AdminOverviewDto = {
    /**
     * Every status, in order, zero included.
     */
    tenants_by_status: Array<TenantStatusCountDto>;
    mfa_not_compliant: MfaAttentionDto;
    /**
     * As the readiness probe reports it: `up` (the service account has its rights), `down` (misconfigured), `unknown` (not asked yet since the API started, or it did not answer the last check). Members’ enrolment is asked only while `up`.
     */
    identity_provider: IdentityProviderState;
};

export type DashboardOrganisationDto = {
    id: string;
    name: string;
    kind: TenantKind;
};

export type WorkspaceClientDto = {
    id: string;
    name: string;
};

export type WorkspaceProjectDto = {
    id: string;
    name: string;
    status: ProjectStatus;
};

export type DashboardDto = {
    /**
     * Your own organisation.
     */
    organisation: DashboardOrganisationDto;
    /**
     * The client selected in this session (partners); null for customers and for a partner with none selected.
     */
    client: WorkspaceClientDto | null;
    /**
     * Projects of the organisation shown (a partner’s selected client) in your scope; empty with no client selected.
     */
    projects: Array<WorkspaceProjectDto>;
    /**
     * Members of the organisation shown; null for a partner with no client selected.
     */
    member_count: number | null;
    /**
     * Clients the partner manages; null for customers.
     */
    managed_client_count: number | null;
};

export type WorkspaceProjectListDto = {
    items: Array<WorkspaceProjectDto>;
};

export type TeamMemberDto = {
    /**
     * The membership id (what the member routes take).
     */
    id: string;
    user_id: string;
    /**
     * As the identity provider last said; read-only here.
     */
    email: string | null;
    /**
     * As the identity provider last said; read-only here.
     */
    display_name: string | null;
    /**
     * One of the seven roles, or a value the portal does not recognise, shown as stored.
     */
    role: string;
    project_scope: ProjectScopeKind;
    /**
     * This membership is the caller’s own (it cannot be changed or removed by them).
     */
    is_you: boolean;
};

export type TeamMemberListDto = {
    items: Array<TeamMemberDto>;
};

/**
 * At or below your own role.
 */
export type CustomerRole = 'client_admin' | 'client_manager' | 'client_staff';

export type TeamRoleChangeDto = {
    /**
     * At or below your own role.
     */
    role: CustomerRole;
};

export type TeamInvitationDto = {
    id: string;
    /**
     * Lower-case.
     */
    email: string;
    role: Role;
    created_at: string;
};

export type TeamInvitationListDto = {
    items: Array<TeamInvitationDto>;
};

export type TeamInvitationRequestDto = {
    /**
     * Stored lower-case.
     */
    email: string;
    /**
     * At or below your own role.
     */
    role: CustomerRole;
};

/**
 * At or below your own role.
 */
export type PartnerRole = 'partner_admin' | 'partner_user';

export type PartnerTeamRoleChangeDto = {
    /**
     * At or below your own role.
     */
    role: PartnerRole;
};

export type PartnerTeamInvitationRequestDto = {
    /**
     * Stored lower-case.
     */
    email: string;
    /**
     * At or below your own role.
     */
    role: PartnerRole;
};

export type PartnerClientDto = {
    id: string;
    name: string;
    /**
     * Only an active client can be selected.
     */
    status: TenantStatus;
    /**
     * Projects of this client within your project scope.
     */
    project_count: number;
    /**
     * This is the client selected in this session.
     */
    selected: boolean;
};

export type PartnerClientListDto = {
    items: Array<PartnerClientDto>;
};

export type PartnerClientDetailDto = {
    id: string;
    name: string;
    /**
     * Only an active client can be selected.
     */
    status: TenantStatus;
    /**
     * Projects of this client within your project scope.
     */
    project_count: number;
    /**
     * This is the client selected in this session.
     */
    selected: boolean;
    projects: Array<WorkspaceProjectDto>;
};

export type ClientSelectionRequestDto = {
    /**
     * A client you manage, or null to clear the selection. Any other id answers 404 `not_found`.
     */
    client_id: string | null;
};

export type ClientSelectionDto = {
    client: WorkspaceClientDto | null;
};

export type PartnerProjectDto = {
    id: string;
    name: string;
    status: ProjectStatus;
    client: WorkspaceClientDto;
};

export type PartnerProjectListDto = {
    items: Array<PartnerProjectDto>;
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
     * `service_unavailable`: the database did not answer. `identity_provider_misconfigured`: ZITADEL refuses the API's service account (the log names the missing rights).
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
     * - `validation_failed`: an unknown parameter, a malformed `email`, or a `return_to` that is not a portal path.
     */
    400: ErrorEnvelopeDto;
    /**
     * - `rate_limited`: too many sign-in starts from this address (`SIGN_IN_STARTS_PER_MINUTE`).
     */
    429: ErrorEnvelopeDto;
    /**
     * - `identity_provider_unavailable`: the identity provider cannot be reached (with `Accept: application/json`).
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
     * - `malformed_json`: the body is not valid JSON.
     */
    400: ErrorEnvelopeDto;
    /**
     * - `unauthenticated`: no session cookie, or an expired, revoked or unknown session.
     */
    401: ErrorEnvelopeDto;
    /**
     * - `cross_site_refused`: `Sec-Fetch-Site: cross-site`, or an `Origin` that is not the portal’s own (whatever the token).
     *
     * - `csrf_failed`: no `X-XSRF-TOKEN` header, or not the one for this session.
     */
    403: ErrorEnvelopeDto;
    /**
     * - `payload_too_large`: the body is larger than 100 KiB.
     */
    413: ErrorEnvelopeDto;
    /**
     * - `unsupported_media_type`: a body that is not `application/json`.
     */
    415: ErrorEnvelopeDto;
    /**
     * - `rate_limited`: too many requests from this address whose session cookie matched no session (`FAILED_SESSION_LOOKUPS_PER_MINUTE`).
     */
    429: ErrorEnvelopeDto;
    /**
     * - `session_validation_unavailable`: the session store cannot answer (database down).
     */
    503: ErrorEnvelopeDto;
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
     * - `unauthenticated`: no session cookie, or an expired, revoked or unknown session.
     */
    401: ErrorEnvelopeDto;
    /**
     * - `access_denied`: the role is not recognised, or the membership is gone.
     * - `tenant_suspended`: the tenant is not active.
     */
    403: ErrorEnvelopeDto;
    /**
     * - `rate_limited`: too many requests from this address whose session cookie matched no session (`FAILED_SESSION_LOOKUPS_PER_MINUTE`).
     */
    429: ErrorEnvelopeDto;
    /**
     * - `session_validation_unavailable`: the session or access context cannot be read (database down).
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

export type KeepSessionAliveData = {
    body?: never;
    path?: never;
    query?: never;
    url: '/api/session/keep-alive';
};

export type KeepSessionAliveErrors = {
    /**
     * - `malformed_json`: the body is not valid JSON.
     */
    400: ErrorEnvelopeDto;
    /**
     * - `unauthenticated`: no session cookie, or an expired, revoked or unknown session.
     */
    401: ErrorEnvelopeDto;
    /**
     * - `access_denied`: the role is not recognised, or the membership is gone.
     * - `tenant_suspended`: the tenant is not active.
     *
     * - `cross_site_refused`: `Sec-Fetch-Site: cross-site`, or an `Origin` that is not the portal’s own (whatever the token).
     *
     * - `csrf_failed`: no `X-XSRF-TOKEN` header, or not the one for this session.
     */
    403: ErrorEnvelopeDto;
    /**
     * - `payload_too_large`: the body is larger than 100 KiB.
     */
    413: ErrorEnvelopeDto;
    /**
     * - `unsupported_media_type`: a body that is not `application/json`.
     */
    415: ErrorEnvelopeDto;
    /**
     * - `rate_limited`: too many requests from this address whose session cookie matched no session (`FAILED_SESSION_LOOKUPS_PER_MINUTE`).
     */
    429: ErrorEnvelopeDto;
    /**
     * - `session_validation_unavailable`: the session or access context cannot be read (database down).
     */
    503: ErrorEnvelopeDto;
    /**
     * Error envelope
     */
    default: ErrorEnvelopeDto;
};

export type KeepSessionAliveError = KeepSessionAliveErrors[keyof KeepSessionAliveErrors];

export type KeepSessionAliveResponses = {
    200: SessionLifetimeDto;
};

export type KeepSessionAliveResponse = KeepSessionAliveResponses[keyof KeepSessionAliveResponses];

export type ListMySessionsData = {
    body?: never;
    path?: never;
    query?: never;
    url: '/api/sessions';
};

export type ListMySessionsErrors = {
    /**
     * - `unauthenticated`: no session cookie, or an expired, revoked or unknown session.
     */
    401: ErrorEnvelopeDto;
    /**
     * - `access_denied`: the role is not recognised, or the membership is gone.
     * - `tenant_suspended`: the tenant is not active.
     */
    403: ErrorEnvelopeDto;
    /**
     * - `rate_limited`: too many requests from this address whose session cookie matched no session (`FAILED_SESSION_LOOKUPS_PER_MINUTE`).
     */
    429: ErrorEnvelopeDto;
    /**
     * - `session_validation_unavailable`: the session or access context cannot be read (database down).
     */
    503: ErrorEnvelopeDto;
    /**
     * Error envelope
     */
    default: ErrorEnvelopeDto;
};

export type ListMySessionsError = ListMySessionsErrors[keyof ListMySessionsErrors];

export type ListMySessionsResponses = {
    200: SessionListDto;
};

export type ListMySessionsResponse = ListMySessionsResponses[keyof ListMySessionsResponses];

export type ListMyEndedSessionsData = {
    body?: never;
    path?: never;
    query?: never;
    url: '/api/sessions/ended';
};

export type ListMyEndedSessionsErrors = {
    /**
     * - `unauthenticated`: no session cookie, or an expired, revoked or unknown session.
     */
    401: ErrorEnvelopeDto;
    /**
     * - `access_denied`: the role is not recognised, or the membership is gone.
     * - `tenant_suspended`: the tenant is not active.
     */
    403: ErrorEnvelopeDto;
    /**
     * - `rate_limited`: too many requests from this address whose session cookie matched no session (`FAILED_SESSION_LOOKUPS_PER_MINUTE`).
     */
    429: ErrorEnvelopeDto;
    /**
     * - `session_validation_unavailable`: the session or access context cannot be read (database down).
     */
    503: ErrorEnvelopeDto;
    /**
     * Error envelope
     */
    default: ErrorEnvelopeDto;
};

export type ListMyEndedSessionsError = ListMyEndedSessionsErrors[keyof ListMyEndedSessionsErrors];

export type ListMyEndedSessionsResponses = {
    200: EndedSessionListDto;
};

export type ListMyEndedSessionsResponse = ListMyEndedSessionsResponses[keyof ListMyEndedSessionsResponses];

export type RevokeMyOtherSessionsData = {
    body?: never;
    path?: never;
    query?: never;
    url: '/api/sessions/revoke-others';
};

export type RevokeMyOtherSessionsErrors = {
    /**
     * - `malformed_json`: the body is not valid JSON.
     */
    400: ErrorEnvelopeDto;
    /**
     * - `unauthenticated`: no session cookie, or an expired, revoked or unknown session.
     */
    401: ErrorEnvelopeDto;
    /**
     * - `access_denied`: the role is not recognised, or the membership is gone.
     * - `tenant_suspended`: the tenant is not active.
     * - `reauthentication_required`: a sensitive action and the session signed in longer ago than `STEP_UP_MAX_AGE_MINUTES`; `WWW-Authenticate` carries `error="insufficient_user_authentication"` and `max_age`. Sign in again (`POST /api/auth/step-up`) and repeat the request.
     *
     * - `cross_site_refused`: `Sec-Fetch-Site: cross-site`, or an `Origin` that is not the portal’s own (whatever the token).
     *
     * - `csrf_failed`: no `X-XSRF-TOKEN` header, or not the one for this session.
     */
    403: ErrorEnvelopeDto;
    /**
     * - `payload_too_large`: the body is larger than 100 KiB.
     */
    413: ErrorEnvelopeDto;
    /**
     * - `unsupported_media_type`: a body that is not `application/json`.
     */
    415: ErrorEnvelopeDto;
    /**
     * - `rate_limited`: too many requests from this address whose session cookie matched no session (`FAILED_SESSION_LOOKUPS_PER_MINUTE`).
     */
    429: ErrorEnvelopeDto;
    /**
     * - `session_validation_unavailable`: the session or access context cannot be read (database down).
     */
    503: ErrorEnvelopeDto;
    /**
     * Error envelope
     */
    default: ErrorEnvelopeDto;
};

export type RevokeMyOtherSessionsError = RevokeMyOtherSessionsErrors[keyof RevokeMyOtherSessionsErrors];

export type RevokeMyOtherSessionsResponses = {
    200: RevokedSessionsDto;
};

export type RevokeMyOtherSessionsResponse = RevokeMyOtherSessionsResponses[keyof RevokeMyOtherSessionsResponses];

export type RevokeMySessionData = {
    body?: never;
    path: {
        id: string;
    };
    query?: never;
    url: '/api/sessions/{id}';
};

export type RevokeMySessionErrors = {
    /**
     * - `malformed_json`: the body is not valid JSON.
     */
    400: ErrorEnvelopeDto;
    /**
     * - `unauthenticated`: no session cookie, or an expired, revoked or unknown session.
     */
    401: ErrorEnvelopeDto;
    /**
     * - `access_denied`: the role is not recognised, or the membership is gone.
     * - `tenant_suspended`: the tenant is not active.
     * - `reauthentication_required`: a sensitive action and the session signed in longer ago than `STEP_UP_MAX_AGE_MINUTES`; `WWW-Authenticate` carries `error="insufficient_user_authentication"` and `max_age`. Sign in again (`POST /api/auth/step-up`) and repeat the request.
     *
     * - `cross_site_refused`: `Sec-Fetch-Site: cross-site`, or an `Origin` that is not the portal’s own (whatever the token).
     *
     * - `csrf_failed`: no `X-XSRF-TOKEN` header, or not the one for this session.
     */
    403: ErrorEnvelopeDto;
    /**
     * - `not_found`: no live session of yours with that id (unknown, someone else's, or already ended).
     */
    404: ErrorEnvelopeDto;
    /**
     * - `payload_too_large`: the body is larger than 100 KiB.
     */
    413: ErrorEnvelopeDto;
    /**
     * - `unsupported_media_type`: a body that is not `application/json`.
     */
    415: ErrorEnvelopeDto;
    /**
     * - `rate_limited`: too many requests from this address whose session cookie matched no session (`FAILED_SESSION_LOOKUPS_PER_MINUTE`).
     */
    429: ErrorEnvelopeDto;
    /**
     * - `session_validation_unavailable`: the session or access context cannot be read (database down).
     */
    503: ErrorEnvelopeDto;
    /**
     * Error envelope
     */
    default: ErrorEnvelopeDto;
};

export type RevokeMySessionError = RevokeMySessionErrors[keyof RevokeMySessionErrors];

export type RevokeMySessionResponses = {
    /**
     * Ended.
     */
    204: void;
};

export type RevokeMySessionResponse = RevokeMySessionResponses[keyof RevokeMySessionResponses];

export type RefreshMfaStatusData = {
    body?: never;
    path?: never;
    query?: never;
    url: '/api/mfa/refresh';
};

export type RefreshMfaStatusErrors = {
    /**
     * - `malformed_json`: the body is not valid JSON.
     */
    400: ErrorEnvelopeDto;
    /**
     * - `unauthenticated`: no session cookie, or an expired, revoked or unknown session.
     */
    401: ErrorEnvelopeDto;
    /**
     * - `access_denied`: the role is not recognised, or the membership is gone.
     * - `tenant_suspended`: the tenant is not active.
     *
     * - `cross_site_refused`: `Sec-Fetch-Site: cross-site`, or an `Origin` that is not the portal’s own (whatever the token).
     *
     * - `csrf_failed`: no `X-XSRF-TOKEN` header, or not the one for this session.
     */
    403: ErrorEnvelopeDto;
    /**
     * - `payload_too_large`: the body is larger than 100 KiB.
     */
    413: ErrorEnvelopeDto;
    /**
     * - `unsupported_media_type`: a body that is not `application/json`.
     */
    415: ErrorEnvelopeDto;
    /**
     * - `rate_limited`: more than 10 MFA actions in a minute.
     *
     * - `rate_limited`: too many requests from this address whose session cookie matched no session (`FAILED_SESSION_LOOKUPS_PER_MINUTE`).
     */
    429: ErrorEnvelopeDto;
    /**
     * - `service_unavailable`: the rate-limit counters cannot be read.
     * - `identity_provider_unavailable`: the identity provider cannot be reached.
     *
     * - `session_validation_unavailable`: the session or access context cannot be read (database down).
     */
    503: ErrorEnvelopeDto;
    /**
     * Error envelope
     */
    default: ErrorEnvelopeDto;
};

export type RefreshMfaStatusError = RefreshMfaStatusErrors[keyof RefreshMfaStatusErrors];

export type RefreshMfaStatusResponses = {
    200: MfaRefreshDto;
};

export type RefreshMfaStatusResponse = RefreshMfaStatusResponses[keyof RefreshMfaStatusResponses];

export type StartStepUpData = {
    body: StartStepUpDto;
    path?: never;
    query?: never;
    url: '/api/auth/step-up';
};

export type StartStepUpErrors = {
    /**
     * - `validation_failed`: no `return_to`, or one longer than 2048 characters.
     *
     * - `malformed_json`: the body is not valid JSON.
     */
    400: ErrorEnvelopeDto;
    /**
     * - `unauthenticated`: no session cookie, or an expired, revoked or unknown session.
     */
    401: ErrorEnvelopeDto;
    /**
     * - `access_denied`: the role is not recognised, or the membership is gone.
     * - `tenant_suspended`: the tenant is not active.
     *
     * - `cross_site_refused`: `Sec-Fetch-Site: cross-site`, or an `Origin` that is not the portal’s own (whatever the token).
     *
     * - `csrf_failed`: no `X-XSRF-TOKEN` header, or not the one for this session.
     */
    403: ErrorEnvelopeDto;
    /**
     * - `payload_too_large`: the body is larger than 100 KiB.
     */
    413: ErrorEnvelopeDto;
    /**
     * - `unsupported_media_type`: a body that is not `application/json`.
     */
    415: ErrorEnvelopeDto;
    /**
     * - `rate_limited`: too many requests from this address whose session cookie matched no session (`FAILED_SESSION_LOOKUPS_PER_MINUTE`).
     */
    429: ErrorEnvelopeDto;
    /**
     * - `identity_provider_unavailable`: the identity provider cannot be reached.
     *
     * - `session_validation_unavailable`: the session or access context cannot be read (database down).
     */
    503: ErrorEnvelopeDto;
    /**
     * Error envelope
     */
    default: ErrorEnvelopeDto;
};

export type StartStepUpError = StartStepUpErrors[keyof StartStepUpErrors];

export type StartStepUpResponses = {
    200: AuthorizationUrlDto;
};

export type StartStepUpResponse = StartStepUpResponses[keyof StartStepUpResponses];

export type BackchannelLogoutData = {
    body?: never;
    path?: never;
    query?: never;
    url: '/api/auth/backchannel-logout';
};

export type BackchannelLogoutErrors = {
    /**
     * - `bad_request`: the logout token is missing or not valid (signature, typ, iss, aud, iat, events, nonce, sid/sub).
     *
     * - `malformed_json`: the body is not valid JSON.
     */
    400: ErrorEnvelopeDto;
    /**
     * - `payload_too_large`: the body is larger than 100 KiB.
     */
    413: ErrorEnvelopeDto;
    /**
     * - `unsupported_media_type`: a body that is not `application/x-www-form-urlencoded` (or JSON).
     */
    415: ErrorEnvelopeDto;
    /**
     * - `identity_provider_unavailable`: the identity provider's keys cannot be fetched; the provider retries.
     */
    503: ErrorEnvelopeDto;
    /**
     * Error envelope
     */
    default: ErrorEnvelopeDto;
};

export type BackchannelLogoutError = BackchannelLogoutErrors[keyof BackchannelLogoutErrors];

export type BackchannelLogoutResponses = {
    /**
     * The sessions the token names have ended.
     */
    200: unknown;
};

export type ListAuditEventsData = {
    body?: never;
    path?: never;
    query?: {
        /**
         * Partner roles: only this managed client’s events. Any other id answers 404.
         */
        client_id?: string;
        /**
         * Internal roles: only this tenant’s events. Other roles: 404.
         */
        tenant_id?: string;
        /**
         * Events at or after this time.
         */
        from?: string;
        /**
         * Events before this time.
         */
        to?: string;
        /**
         * Only this actor’s events: an `actor.id` from an event or from `GET /api/audit-events/actors`. A person’s user id (as before), `api_key:<key id>`, `aidial_support` (AiDial staff) or `system` (no actor).
         */
        actor?: string;
        action?: AuditAction;
        outcome?: AuditOutcome;
        /**
         * What kind of thing the event is about: `user`, `tenant`, `membership`, …
         */
        target_type?: string;
        /**
         * The id of the thing the event is about.
         */
        target_id?: string;
        limit?: number;
        /**
         * The `next_cursor` of the previous page, unchanged.
         */
        cursor?: string;
    };
    url: '/api/audit-events';
};

export type ListAuditEventsErrors = {
    /**
     * - `validation_failed`: an unknown parameter, a bad value, or a malformed `cursor`; `fields` says where.
     */
    400: ErrorEnvelopeDto;
    /**
     * - `unauthenticated`: no session cookie, or an expired, revoked or unknown session.
     */
    401: ErrorEnvelopeDto;
    /**
     * - `access_denied`: the role is not recognised, or the membership is gone.
     * - `tenant_suspended`: the tenant is not active.
     * - `mfa_required`: the session’s MFA policy is mandatory and it is not compliant; `remediation_path` names the page that fixes it.
     */
    403: ErrorEnvelopeDto;
    /**
     * - `not_found`: a `client_id` / `tenant_id` outside your scope (answered like a missing one).
     *
     * - `not_found`: the role cannot open the `audit_log` section (answered as a route that does not exist).
     */
    404: ErrorEnvelopeDto;
    /**
     * - `rate_limited`: too many requests from this address whose session cookie matched no session (`FAILED_SESSION_LOOKUPS_PER_MINUTE`).
     */
    429: ErrorEnvelopeDto;
    /**
     * - `session_validation_unavailable`: the session or access context cannot be read (database down).
     */
    503: ErrorEnvelopeDto;
    /**
     * Error envelope
     */
    default: ErrorEnvelopeDto;
};

export type ListAuditEventsError = ListAuditEventsErrors[keyof ListAuditEventsErrors];

export type ListAuditEventsResponses = {
    200: AuditEventPageDto;
};

export type ListAuditEventsResponse = ListAuditEventsResponses[keyof ListAuditEventsResponses];

export type ListAuditActorsData = {
    body?: never;
    path?: never;
    query?: {
        /**
         * Partner roles: only this managed client’s events. Any other id answers 404.
         */
        client_id?: string;
        /**
         * Internal roles: only this tenant’s events. Other roles: 404.
         */
        tenant_id?: string;
    };
    url: '/api/audit-events/actors';
};

export type ListAuditActorsErrors = {
    /**
     * - `validation_failed`: an unknown parameter; `fields` says which.
     */
    400: ErrorEnvelopeDto;
    /**
     * - `unauthenticated`: no session cookie, or an expired, revoked or unknown session.
     */
    401: ErrorEnvelopeDto;
    /**
     * - `access_denied`: the role is not recognised, or the membership is gone.
     * - `tenant_suspended`: the tenant is not active.
     * - `mfa_required`: the session’s MFA policy is mandatory and it is not compliant; `remediation_path` names the page that fixes it.
     */
    403: ErrorEnvelopeDto;
    /**
     * - `not_found`: a `client_id` / `tenant_id` outside your scope (answered like a missing one).
     *
     * - `not_found`: the role cannot open the `audit_log` section (answered as a route that does not exist).
     */
    404: ErrorEnvelopeDto;
    /**
     * - `rate_limited`: too many requests from this address whose session cookie matched no session (`FAILED_SESSION_LOOKUPS_PER_MINUTE`).
     */
    429: ErrorEnvelopeDto;
    /**
     * - `session_validation_unavailable`: the session or access context cannot be read (database down).
     */
    503: ErrorEnvelopeDto;
    /**
     * Error envelope
     */
    default: ErrorEnvelopeDto;
};

export type ListAuditActorsError = ListAuditActorsErrors[keyof ListAuditActorsErrors];

export type ListAuditActorsResponses = {
    200: AuditActorListDto;
};

export type ListAuditActorsResponse = ListAuditActorsResponses[keyof ListAuditActorsResponses];

export type ExportAuditEventsData = {
    body?: never;
    path?: never;
    query?: {
        /**
         * Partner roles: only this managed client’s events. Any other id answers 404.
         */
        client_id?: string;
        /**
         * Internal roles: only this tenant’s events. Other roles: 404.
         */
        tenant_id?: string;
        /**
         * Events at or after this time.
         */
        from?: string;
        /**
         * Events before this time.
         */
        to?: string;
        /**
         * Only this actor’s events: an `actor.id` from an event or from `GET /api/audit-events/actors`. A person’s user id (as before), `api_key:<key id>`, `aidial_support` (AiDial staff) or `system` (no actor).
         */
        actor?: string;
        action?: AuditAction;
        outcome?: AuditOutcome;
        /**
         * What kind of thing the event is about: `user`, `tenant`, `membership`, …
         */
        target_type?: string;
        /**
         * The id of the thing the event is about.
         */
        target_id?: string;
    };
    url: '/api/audit-events/export.csv';
};

export type ExportAuditEventsErrors = {
    /**
     * - `validation_failed`: an unknown parameter, a bad value, or a malformed `cursor`; `fields` says where.
     */
    400: ErrorEnvelopeDto;
    /**
     * - `unauthenticated`: no session cookie, or an expired, revoked or unknown session.
     */
    401: ErrorEnvelopeDto;
    /**
     * - `access_denied`: the role is not recognised, or the membership is gone.
     * - `tenant_suspended`: the tenant is not active.
     * - `mfa_required`: the session’s MFA policy is mandatory and it is not compliant; `remediation_path` names the page that fixes it.
     */
    403: ErrorEnvelopeDto;
    /**
     * - `not_found`: a `client_id` / `tenant_id` outside your scope (answered like a missing one).
     *
     * - `not_found`: the role cannot open the `audit_log` section (answered as a route that does not exist).
     */
    404: ErrorEnvelopeDto;
    /**
     * - `rate_limited`: too many requests from this address whose session cookie matched no session (`FAILED_SESSION_LOOKUPS_PER_MINUTE`).
     */
    429: ErrorEnvelopeDto;
    /**
     * - `session_validation_unavailable`: the session or access context cannot be read (database down).
     */
    503: ErrorEnvelopeDto;
    /**
     * Error envelope
     */
    default: ErrorEnvelopeDto;
};

export type ExportAuditEventsError = ExportAuditEventsErrors[keyof ExportAuditEventsErrors];

export type ExportAuditEventsResponses = {
    /**
     * CSV, one event a line after the header line. Refusals are the JSON error envelope, as everywhere.
     */
    200: string;
};

export type ExportAuditEventsResponse = ExportAuditEventsResponses[keyof ExportAuditEventsResponses];

export type VerifyAuditChainData = {
    body?: never;
    path?: never;
    query?: {
        /**
         * The tenant whose chain to verify; omitted, the chain of events that belong to no tenant.
         */
        tenant_id?: string;
        /**
         * From the first event at or after this time.
         */
        from?: string;
        /**
         * To the last event before this time.
         */
        to?: string;
    };
    url: '/api/admin/audit-events/verify';
};

export type VerifyAuditChainErrors = {
    /**
     * - `validation_failed`: a malformed `tenant_id`, `from` or `to`, or an unknown parameter.
     */
    400: ErrorEnvelopeDto;
    /**
     * - `unauthenticated`: no session cookie, or an expired, revoked or unknown session.
     */
    401: ErrorEnvelopeDto;
    /**
     * - `access_denied`: the role is not recognised, or the membership is gone.
     * - `tenant_suspended`: the tenant is not active.
     * - `mfa_required`: the session’s MFA policy is mandatory and it is not compliant; `remediation_path` names the page that fixes it.
     */
    403: ErrorEnvelopeDto;
    /**
     * - `not_found`: the role cannot open the `admin` section (answered as a route that does not exist).
     */
    404: ErrorEnvelopeDto;
    /**
     * - `rate_limited`: too many requests from this address whose session cookie matched no session (`FAILED_SESSION_LOOKUPS_PER_MINUTE`).
     */
    429: ErrorEnvelopeDto;
    /**
     * - `session_validation_unavailable`: the session or access context cannot be read (database down).
     */
    503: ErrorEnvelopeDto;
    /**
     * Error envelope
     */
    default: ErrorEnvelopeDto;
};

export type VerifyAuditChainError = VerifyAuditChainErrors[keyof VerifyAuditChainErrors];

export type VerifyAuditChainResponses = {
    200: AuditChainVerificationDto;
};

export type VerifyAuditChainResponse = VerifyAuditChainResponses[keyof VerifyAuditChainResponses];

export type ListV1AuditEventsData = {
    body?: never;
    path?: never;
    query?: {
        /**
         * Partner roles: only this managed client’s events. Any other id answers 404.
         */
        client_id?: string;
        /**
         * Internal roles: only this tenant’s events. Other roles: 404.
         */
        tenant_id?: string;
        /**
         * Events at or after this time.
         */
        from?: string;
        /**
         * Events before this time.
         */
        to?: string;
        /**
         * Only this actor’s events: an `actor.id` from an event or from `GET /api/audit-events/actors`. A person’s user id (as before), `api_key:<key id>`, `aidial_support` (AiDial staff) or `system` (no actor).
         */
        actor?: string;
        action?: AuditAction;
        outcome?: AuditOutcome;
        /**
         * What kind of thing the event is about: `user`, `tenant`, `membership`, …
         */
        target_type?: string;
        /**
         * The id of the thing the event is about.
         */
        target_id?: string;
        limit?: number;
        /**
         * The `next_cursor` of the previous page, unchanged.
         */
        cursor?: string;
    };
    url: '/v1/audit-events';
};

export type ListV1AuditEventsErrors = {
    /**
     * - `validation_failed`: an unknown parameter, a bad value, or a malformed `cursor`; `fields` says where.
     */
    400: ErrorEnvelopeDto;
    /**
     * - `api_key_invalid`: no `X-API-Key`, or a malformed, unknown, wrong, expired or revoked one (the same answer for all).
     */
    401: ErrorEnvelopeDto;
    /**
     * - `browser_credentials_refused`: an `X-API-Key` sent with `Origin`, `Sec-Fetch-Site` (or `-Dest`, `-User`) or `Cookie`.
     * - `tenant_suspended`: the key’s tenant is not active.
     * - `api_key_scope_missing`: the key does not hold `audit:read`.
     */
    403: ErrorEnvelopeDto;
    /**
     * - `not_found`: a `client_id` / `tenant_id` outside the key’s scope (answered like a missing one).
     *
     * - `not_found`: the key creator’s role cannot open the `audit_log` section.
     */
    404: ErrorEnvelopeDto;
    /**
     * - `rate_limited`: this key made `V1_REQUESTS_PER_MINUTE` requests in the current minute.
     */
    429: ErrorEnvelopeDto;
    /**
     * - `service_unavailable`: the key cannot be checked (database down).
     */
    503: ErrorEnvelopeDto;
    /**
     * Error envelope
     */
    default: ErrorEnvelopeDto;
};

export type ListV1AuditEventsError = ListV1AuditEventsErrors[keyof ListV1AuditEventsErrors];

export type ListV1AuditEventsResponses = {
    200: AuditEventPageDto;
};

export type ListV1AuditEventsResponse = ListV1AuditEventsResponses[keyof ListV1AuditEventsResponses];

export type ListApiKeysData = {
    body?: never;
    path?: never;
    query?: never;
    url: '/api/integrations/keys';
};

export type ListApiKeysErrors = {
    /**
     * - `unauthenticated`: no session cookie, or an expired, revoked or unknown session.
     */
    401: ErrorEnvelopeDto;
    /**
     * - `access_denied`: the role is not recognised, or the membership is gone.
     * - `tenant_suspended`: the tenant is not active.
     * - `mfa_required`: the session’s MFA policy is mandatory and it is not compliant; `remediation_path` names the page that fixes it.
     */
    403: ErrorEnvelopeDto;
    /**
     * - `not_found`: the role cannot open the `integrations` section (answered as a route that does not exist).
     */
    404: ErrorEnvelopeDto;
    /**
     * - `rate_limited`: too many requests from this address whose session cookie matched no session (`FAILED_SESSION_LOOKUPS_PER_MINUTE`).
     */
    429: ErrorEnvelopeDto;
    /**
     * - `session_validation_unavailable`: the session or access context cannot be read (database down).
     */
    503: ErrorEnvelopeDto;
    /**
     * Error envelope
     */
    default: ErrorEnvelopeDto;
};

export type ListApiKeysError = ListApiKeysErrors[keyof ListApiKeysErrors];

export type ListApiKeysResponses = {
    200: ApiKeyListDto;
};

export type ListApiKeysResponse = ListApiKeysResponses[keyof ListApiKeysResponses];

export type CreateApiKeyData = {
    body: CreateApiKeyDto;
    path?: never;
    query?: never;
    url: '/api/integrations/keys';
};

export type CreateApiKeyErrors = {
    /**
     * - `validation_failed`: the body does not match the schema; `fields` says where.
     *
     * - `malformed_json`: the body is not valid JSON.
     */
    400: ErrorEnvelopeDto;
    /**
     * - `unauthenticated`: no session cookie, or an expired, revoked or unknown session.
     */
    401: ErrorEnvelopeDto;
    /**
     * - `scope_not_grantable`: a scope your role cannot give.
     *
     * - `access_denied`: the role is not recognised, or the membership is gone.
     * - `tenant_suspended`: the tenant is not active.
     * - `insufficient_role`: partner_user, aidial_operator may open the section but not perform `integrations.manage`.
     * - `mfa_required`: the session’s MFA policy is mandatory and it is not compliant; `remediation_path` names the page that fixes it.
     * - `reauthentication_required`: a sensitive action and the session signed in longer ago than `STEP_UP_MAX_AGE_MINUTES`; `WWW-Authenticate` carries `error="insufficient_user_authentication"` and `max_age`. Sign in again (`POST /api/auth/step-up`) and repeat the request.
     *
     * - `cross_site_refused`: `Sec-Fetch-Site: cross-site`, or an `Origin` that is not the portal’s own (whatever the token).
     *
     * - `csrf_failed`: no `X-XSRF-TOKEN` header, or not the one for this session.
     */
    403: ErrorEnvelopeDto;
    /**
     * - `not_found`: the role cannot open the `integrations` section (answered as a route that does not exist).
     */
    404: ErrorEnvelopeDto;
    /**
     * - `payload_too_large`: the body is larger than 100 KiB.
     */
    413: ErrorEnvelopeDto;
    /**
     * - `unsupported_media_type`: a body that is not `application/json`.
     */
    415: ErrorEnvelopeDto;
    /**
     * - `rate_limited`: too many requests from this address whose session cookie matched no session (`FAILED_SESSION_LOOKUPS_PER_MINUTE`).
     */
    429: ErrorEnvelopeDto;
    /**
     * - `session_validation_unavailable`: the session or access context cannot be read (database down).
     */
    503: ErrorEnvelopeDto;
    /**
     * Error envelope
     */
    default: ErrorEnvelopeDto;
};

export type CreateApiKeyError = CreateApiKeyErrors[keyof CreateApiKeyErrors];

export type CreateApiKeyResponses = {
    201: CreatedApiKeyDto;
};

export type CreateApiKeyResponse = CreateApiKeyResponses[keyof CreateApiKeyResponses];

export type RotateApiKeyData = {
    body: RotateApiKeyDto;
    path: {
        id: string;
    };
    query?: never;
    url: '/api/integrations/keys/{id}/rotate';
};

export type RotateApiKeyErrors = {
    /**
     * - `validation_failed`: the body does not match the schema; `fields` says where.
     *
     * - `malformed_json`: the body is not valid JSON.
     */
    400: ErrorEnvelopeDto;
    /**
     * - `unauthenticated`: no session cookie, or an expired, revoked or unknown session.
     */
    401: ErrorEnvelopeDto;
    /**
     * - `scope_not_grantable`: the key carries a scope your role cannot give.
     *
     * - `access_denied`: the role is not recognised, or the membership is gone.
     * - `tenant_suspended`: the tenant is not active.
     * - `insufficient_role`: partner_user, aidial_operator may open the section but not perform `integrations.manage`.
     * - `mfa_required`: the session’s MFA policy is mandatory and it is not compliant; `remediation_path` names the page that fixes it.
     * - `reauthentication_required`: a sensitive action and the session signed in longer ago than `STEP_UP_MAX_AGE_MINUTES`; `WWW-Authenticate` carries `error="insufficient_user_authentication"` and `max_age`. Sign in again (`POST /api/auth/step-up`) and repeat the request.
     *
     * - `cross_site_refused`: `Sec-Fetch-Site: cross-site`, or an `Origin` that is not the portal’s own (whatever the token).
     *
     * - `csrf_failed`: no `X-XSRF-TOKEN` header, or not the one for this session.
     */
    403: ErrorEnvelopeDto;
    /**
     * - `not_found`: no key with this id in your organisation (another tenant’s id answers like a missing one).
     *
     * - `not_found`: the role cannot open the `integrations` section (answered as a route that does not exist).
     */
    404: ErrorEnvelopeDto;
    /**
     * - `api_key_not_active`: the key is revoked or expired.
     */
    409: ErrorEnvelopeDto;
    /**
     * - `payload_too_large`: the body is larger than 100 KiB.
     */
    413: ErrorEnvelopeDto;
    /**
     * - `unsupported_media_type`: a body that is not `application/json`.
     */
    415: ErrorEnvelopeDto;
    /**
     * - `rate_limited`: too many requests from this address whose session cookie matched no session (`FAILED_SESSION_LOOKUPS_PER_MINUTE`).
     */
    429: ErrorEnvelopeDto;
    /**
     * - `session_validation_unavailable`: the session or access context cannot be read (database down).
     */
    503: ErrorEnvelopeDto;
    /**
     * Error envelope
     */
    default: ErrorEnvelopeDto;
};

export type RotateApiKeyError = RotateApiKeyErrors[keyof RotateApiKeyErrors];

export type RotateApiKeyResponses = {
    201: CreatedApiKeyDto;
};

export type RotateApiKeyResponse = RotateApiKeyResponses[keyof RotateApiKeyResponses];

export type RevokeApiKeyData = {
    body?: never;
    path: {
        id: string;
    };
    query?: never;
    url: '/api/integrations/keys/{id}';
};

export type RevokeApiKeyErrors = {
    /**
     * - `malformed_json`: the body is not valid JSON.
     */
    400: ErrorEnvelopeDto;
    /**
     * - `unauthenticated`: no session cookie, or an expired, revoked or unknown session.
     */
    401: ErrorEnvelopeDto;
    /**
     * - `access_denied`: the role is not recognised, or the membership is gone.
     * - `tenant_suspended`: the tenant is not active.
     * - `insufficient_role`: partner_user, aidial_operator may open the section but not perform `integrations.manage`.
     * - `mfa_required`: the session’s MFA policy is mandatory and it is not compliant; `remediation_path` names the page that fixes it.
     * - `reauthentication_required`: a sensitive action and the session signed in longer ago than `STEP_UP_MAX_AGE_MINUTES`; `WWW-Authenticate` carries `error="insufficient_user_authentication"` and `max_age`. Sign in again (`POST /api/auth/step-up`) and repeat the request.
     *
     * - `cross_site_refused`: `Sec-Fetch-Site: cross-site`, or an `Origin` that is not the portal’s own (whatever the token).
     *
     * - `csrf_failed`: no `X-XSRF-TOKEN` header, or not the one for this session.
     */
    403: ErrorEnvelopeDto;
    /**
     * - `not_found`: no key with this id in your organisation (another tenant’s id answers like a missing one).
     *
     * - `not_found`: the role cannot open the `integrations` section (answered as a route that does not exist).
     */
    404: ErrorEnvelopeDto;
    /**
     * - `api_key_not_active`: the key is revoked or expired.
     */
    409: ErrorEnvelopeDto;
    /**
     * - `payload_too_large`: the body is larger than 100 KiB.
     */
    413: ErrorEnvelopeDto;
    /**
     * - `unsupported_media_type`: a body that is not `application/json`.
     */
    415: ErrorEnvelopeDto;
    /**
     * - `rate_limited`: too many requests from this address whose session cookie matched no session (`FAILED_SESSION_LOOKUPS_PER_MINUTE`).
     */
    429: ErrorEnvelopeDto;
    /**
     * - `session_validation_unavailable`: the session or access context cannot be read (database down).
     */
    503: ErrorEnvelopeDto;
    /**
     * Error envelope
     */
    default: ErrorEnvelopeDto;
};

export type RevokeApiKeyError = RevokeApiKeyErrors[keyof RevokeApiKeyErrors];

export type RevokeApiKeyResponses = {
    /**
     * Revoked.
     */
    204: void;
};

export type RevokeApiKeyResponse = RevokeApiKeyResponses[keyof RevokeApiKeyResponses];

export type WhoamiData = {
    body?: never;
    path?: never;
    query?: never;
    url: '/v1/whoami';
};

export type WhoamiErrors = {
    /**
     * - `api_key_invalid`: no `X-API-Key`, or a malformed, unknown, wrong, expired or revoked one (the same answer for all).
     */
    401: ErrorEnvelopeDto;
    /**
     * - `browser_credentials_refused`: an `X-API-Key` sent with `Origin`, `Sec-Fetch-Site` (or `-Dest`, `-User`) or `Cookie`.
     * - `tenant_suspended`: the key’s tenant is not active.
     * - `api_key_scope_missing`: the key does not hold `whoami`.
     */
    403: ErrorEnvelopeDto;
    /**
     * - `rate_limited`: this key made `V1_REQUESTS_PER_MINUTE` requests in the current minute.
     */
    429: ErrorEnvelopeDto;
    /**
     * - `service_unavailable`: the key cannot be checked (database down).
     */
    503: ErrorEnvelopeDto;
    /**
     * Error envelope
     */
    default: ErrorEnvelopeDto;
};

export type WhoamiError = WhoamiErrors[keyof WhoamiErrors];

export type WhoamiResponses = {
    200: WhoamiDto;
};

export type WhoamiResponse = WhoamiResponses[keyof WhoamiResponses];

export type GetDashboardSummaryData = {
    body?: never;
    path?: never;
    query?: never;
    url: '/api/platform/dashboard/summary';
};

export type GetDashboardSummaryErrors = {
    /**
     * - `unauthenticated`: no session cookie, or an expired, revoked or unknown session.
     */
    401: ErrorEnvelopeDto;
    /**
     * - `access_denied`: the role is not recognised, or the membership is gone.
     * - `tenant_suspended`: the tenant is not active.
     * - `mfa_required`: the session’s MFA policy is mandatory and it is not compliant; `remediation_path` names the page that fixes it.
     */
    403: ErrorEnvelopeDto;
    /**
     * - `not_found`: the role cannot open the `dashboard` section (answered as a route that does not exist).
     */
    404: ErrorEnvelopeDto;
    /**
     * - `client_selection_required`: a partner without a selected client (a key made without one).
     */
    409: ErrorEnvelopeDto;
    /**
     * - `rate_limited`: too many requests from this address whose session cookie matched no session (`FAILED_SESSION_LOOKUPS_PER_MINUTE`).
     */
    429: ErrorEnvelopeDto;
    /**
     * - `upstream_unavailable`: the platform API failed, was unreachable, or answered more than 1 MiB.
     */
    502: ErrorEnvelopeDto;
    /**
     * - `session_validation_unavailable`: the session or access context cannot be read (database down).
     */
    503: ErrorEnvelopeDto;
    /**
     * - `upstream_timeout`: the platform API did not answer within AIDIAL_API_TIMEOUT_MS.
     */
    504: ErrorEnvelopeDto;
    /**
     * Error envelope
     */
    default: ErrorEnvelopeDto;
};

export type GetDashboardSummaryError = GetDashboardSummaryErrors[keyof GetDashboardSummaryErrors];

export type GetDashboardSummaryResponses = {
    200: PlatformDashboardSummaryDto;
};

export type GetDashboardSummaryResponse = GetDashboardSummaryResponses[keyof GetDashboardSummaryResponses];

export type GetCallsData = {
    body?: never;
    path?: never;
    query?: {
        /**
         * Only the calls of this project (within your project scope).
         */
        project_id?: string;
        direction?: CallDirection;
        outcome?: CallOutcome;
        /**
         * The `next_cursor` of the previous page, unchanged (a position in the list).
         */
        cursor?: string;
        limit?: number;
    };
    url: '/api/platform/calls';
};

export type GetCallsErrors = {
    /**
     * - `validation_failed`: an unknown or malformed filter; `fields` says which. Nothing is sent to the platform.
     */
    400: ErrorEnvelopeDto;
    /**
     * - `unauthenticated`: no session cookie, or an expired, revoked or unknown session.
     */
    401: ErrorEnvelopeDto;
    /**
     * - `access_denied`: the role is not recognised, or the membership is gone.
     * - `tenant_suspended`: the tenant is not active.
     * - `mfa_required`: the session’s MFA policy is mandatory and it is not compliant; `remediation_path` names the page that fixes it.
     */
    403: ErrorEnvelopeDto;
    /**
     * - `not_found`: the role cannot open the `calls` section (answered as a route that does not exist).
     */
    404: ErrorEnvelopeDto;
    /**
     * - `client_selection_required`: a partner without a selected client (a key made without one).
     */
    409: ErrorEnvelopeDto;
    /**
     * - `rate_limited`: too many requests from this address whose session cookie matched no session (`FAILED_SESSION_LOOKUPS_PER_MINUTE`).
     */
    429: ErrorEnvelopeDto;
    /**
     * - `upstream_unavailable`: the platform API failed, was unreachable, or answered more than 1 MiB.
     */
    502: ErrorEnvelopeDto;
    /**
     * - `session_validation_unavailable`: the session or access context cannot be read (database down).
     */
    503: ErrorEnvelopeDto;
    /**
     * - `upstream_timeout`: the platform API did not answer within AIDIAL_API_TIMEOUT_MS.
     */
    504: ErrorEnvelopeDto;
    /**
     * Error envelope
     */
    default: ErrorEnvelopeDto;
};

export type GetCallsError = GetCallsErrors[keyof GetCallsErrors];

export type GetCallsResponses = {
    200: PlatformCallPageDto;
};

export type GetCallsResponse = GetCallsResponses[keyof GetCallsResponses];

export type GetCallData = {
    body?: never;
    path: {
        id: string;
    };
    query?: never;
    url: '/api/platform/calls/{id}';
};

export type GetCallErrors = {
    /**
     * - `unauthenticated`: no session cookie, or an expired, revoked or unknown session.
     */
    401: ErrorEnvelopeDto;
    /**
     * - `access_denied`: the role is not recognised, or the membership is gone.
     * - `tenant_suspended`: the tenant is not active.
     * - `mfa_required`: the session’s MFA policy is mandatory and it is not compliant; `remediation_path` names the page that fixes it.
     */
    403: ErrorEnvelopeDto;
    /**
     * - `not_found`: no such call in your scope: another customer’s or project’s call answers like a missing one.
     *
     * - `not_found`: the role cannot open the `calls` section (answered as a route that does not exist).
     */
    404: ErrorEnvelopeDto;
    /**
     * - `client_selection_required`: a partner without a selected client (a key made without one).
     */
    409: ErrorEnvelopeDto;
    /**
     * - `rate_limited`: too many requests from this address whose session cookie matched no session (`FAILED_SESSION_LOOKUPS_PER_MINUTE`).
     */
    429: ErrorEnvelopeDto;
    /**
     * - `upstream_unavailable`: the platform API failed, was unreachable, or answered more than 1 MiB.
     */
    502: ErrorEnvelopeDto;
    /**
     * - `session_validation_unavailable`: the session or access context cannot be read (database down).
     */
    503: ErrorEnvelopeDto;
    /**
     * - `upstream_timeout`: the platform API did not answer within AIDIAL_API_TIMEOUT_MS.
     */
    504: ErrorEnvelopeDto;
    /**
     * Error envelope
     */
    default: ErrorEnvelopeDto;
};

export type GetCallError = GetCallErrors[keyof GetCallErrors];

export type GetCallResponses = {
    200: PlatformCallDto;
};

export type GetCallResponse = GetCallResponses[keyof GetCallResponses];

export type GetBillingSummaryData = {
    body?: never;
    path?: never;
    query?: {
        /**
         * A calendar month; this month when absent.
         */
        period?: string;
    };
    url: '/api/platform/billing/summary';
};

export type GetBillingSummaryErrors = {
    /**
     * - `validation_failed`: an unknown or malformed filter; `fields` says which. Nothing is sent to the platform.
     */
    400: ErrorEnvelopeDto;
    /**
     * - `unauthenticated`: no session cookie, or an expired, revoked or unknown session.
     */
    401: ErrorEnvelopeDto;
    /**
     * - `access_denied`: the role is not recognised, or the membership is gone.
     * - `tenant_suspended`: the tenant is not active.
     * - `mfa_required`: the session’s MFA policy is mandatory and it is not compliant; `remediation_path` names the page that fixes it.
     */
    403: ErrorEnvelopeDto;
    /**
     * - `not_found`: the role cannot open the `billing` section (answered as a route that does not exist).
     */
    404: ErrorEnvelopeDto;
    /**
     * - `client_selection_required`: a partner without a selected client (a key made without one).
     */
    409: ErrorEnvelopeDto;
    /**
     * - `rate_limited`: too many requests from this address whose session cookie matched no session (`FAILED_SESSION_LOOKUPS_PER_MINUTE`).
     */
    429: ErrorEnvelopeDto;
    /**
     * - `upstream_unavailable`: the platform API failed, was unreachable, or answered more than 1 MiB.
     */
    502: ErrorEnvelopeDto;
    /**
     * - `session_validation_unavailable`: the session or access context cannot be read (database down).
     */
    503: ErrorEnvelopeDto;
    /**
     * - `upstream_timeout`: the platform API did not answer within AIDIAL_API_TIMEOUT_MS.
     */
    504: ErrorEnvelopeDto;
    /**
     * Error envelope
     */
    default: ErrorEnvelopeDto;
};

export type GetBillingSummaryError = GetBillingSummaryErrors[keyof GetBillingSummaryErrors];

export type GetBillingSummaryResponses = {
    200: PlatformBillingSummaryDto;
};

export type GetBillingSummaryResponse = GetBillingSummaryResponses[keyof GetBillingSummaryResponses];

export type GetCampaignsData = {
    body?: never;
    path?: never;
    query?: {
        /**
         * Only the campaigns of this project (within your project scope).
         */
        project_id?: string;
        status?: CampaignStatus;
    };
    url: '/api/platform/campaigns';
};

export type GetCampaignsErrors = {
    /**
     * - `validation_failed`: an unknown or malformed filter; `fields` says which. Nothing is sent to the platform.
     */
    400: ErrorEnvelopeDto;
    /**
     * - `unauthenticated`: no session cookie, or an expired, revoked or unknown session.
     */
    401: ErrorEnvelopeDto;
    /**
     * - `access_denied`: the role is not recognised, or the membership is gone.
     * - `tenant_suspended`: the tenant is not active.
     * - `mfa_required`: the session’s MFA policy is mandatory and it is not compliant; `remediation_path` names the page that fixes it.
     */
    403: ErrorEnvelopeDto;
    /**
     * - `not_found`: the role cannot open the `partner_campaigns` section (answered as a route that does not exist).
     */
    404: ErrorEnvelopeDto;
    /**
     * - `client_selection_required`: a partner without a selected client (a key made without one).
     */
    409: ErrorEnvelopeDto;
    /**
     * - `rate_limited`: too many requests from this address whose session cookie matched no session (`FAILED_SESSION_LOOKUPS_PER_MINUTE`).
     */
    429: ErrorEnvelopeDto;
    /**
     * - `upstream_unavailable`: the platform API failed, was unreachable, or answered more than 1 MiB.
     */
    502: ErrorEnvelopeDto;
    /**
     * - `session_validation_unavailable`: the session or access context cannot be read (database down).
     */
    503: ErrorEnvelopeDto;
    /**
     * - `upstream_timeout`: the platform API did not answer within AIDIAL_API_TIMEOUT_MS.
     */
    504: ErrorEnvelopeDto;
    /**
     * Error envelope
     */
    default: ErrorEnvelopeDto;
};

export type GetCampaignsError = GetCampaignsErrors[keyof GetCampaignsErrors];

export type GetCampaignsResponses = {
    200: PlatformCampaignListDto;
};

export type GetCampaignsResponse = GetCampaignsResponses[keyof GetCampaignsResponses];

export type GetCapacityData = {
    body?: never;
    path?: never;
    query?: never;
    url: '/api/platform/capacity';
};

export type GetCapacityErrors = {
    /**
     * - `unauthenticated`: no session cookie, or an expired, revoked or unknown session.
     */
    401: ErrorEnvelopeDto;
    /**
     * - `access_denied`: the role is not recognised, or the membership is gone.
     * - `tenant_suspended`: the tenant is not active.
     * - `mfa_required`: the session’s MFA policy is mandatory and it is not compliant; `remediation_path` names the page that fixes it.
     */
    403: ErrorEnvelopeDto;
    /**
     * - `not_found`: the role cannot open the `capacity` section (answered as a route that does not exist).
     */
    404: ErrorEnvelopeDto;
    /**
     * - `rate_limited`: too many requests from this address whose session cookie matched no session (`FAILED_SESSION_LOOKUPS_PER_MINUTE`).
     */
    429: ErrorEnvelopeDto;
    /**
     * - `upstream_unavailable`: the platform API failed, was unreachable, or answered more than 1 MiB.
     */
    502: ErrorEnvelopeDto;
    /**
     * - `session_validation_unavailable`: the session or access context cannot be read (database down).
     */
    503: ErrorEnvelopeDto;
    /**
     * - `upstream_timeout`: the platform API did not answer within AIDIAL_API_TIMEOUT_MS.
     */
    504: ErrorEnvelopeDto;
    /**
     * Error envelope
     */
    default: ErrorEnvelopeDto;
};

export type GetCapacityError = GetCapacityErrors[keyof GetCapacityErrors];

export type GetCapacityResponses = {
    200: PlatformCapacityDto;
};

export type GetCapacityResponse = GetCapacityResponses[keyof GetCapacityResponses];

export type GetComplianceRecordsData = {
    body?: never;
    path?: never;
    query?: {
        /**
         * Only the checks of this project (within your project scope).
         */
        project_id?: string;
        result?: ComplianceResult;
    };
    url: '/api/platform/compliance/records';
};

export type GetComplianceRecordsErrors = {
    /**
     * - `validation_failed`: an unknown or malformed filter; `fields` says which. Nothing is sent to the platform.
     */
    400: ErrorEnvelopeDto;
    /**
     * - `unauthenticated`: no session cookie, or an expired, revoked or unknown session.
     */
    401: ErrorEnvelopeDto;
    /**
     * - `access_denied`: the role is not recognised, or the membership is gone.
     * - `tenant_suspended`: the tenant is not active.
     * - `mfa_required`: the session’s MFA policy is mandatory and it is not compliant; `remediation_path` names the page that fixes it.
     */
    403: ErrorEnvelopeDto;
    /**
     * - `not_found`: the role cannot open the `compliance` section (answered as a route that does not exist).
     */
    404: ErrorEnvelopeDto;
    /**
     * - `client_selection_required`: a partner without a selected client (a key made without one).
     */
    409: ErrorEnvelopeDto;
    /**
     * - `rate_limited`: too many requests from this address whose session cookie matched no session (`FAILED_SESSION_LOOKUPS_PER_MINUTE`).
     */
    429: ErrorEnvelopeDto;
    /**
     * - `upstream_unavailable`: the platform API failed, was unreachable, or answered more than 1 MiB.
     */
    502: ErrorEnvelopeDto;
    /**
     * - `session_validation_unavailable`: the session or access context cannot be read (database down).
     */
    503: ErrorEnvelopeDto;
    /**
     * - `upstream_timeout`: the platform API did not answer within AIDIAL_API_TIMEOUT_MS.
     */
    504: ErrorEnvelopeDto;
    /**
     * Error envelope
     */
    default: ErrorEnvelopeDto;
};

export type GetComplianceRecordsError = GetComplianceRecordsErrors[keyof GetComplianceRecordsErrors];

export type GetComplianceRecordsResponses = {
    200: PlatformComplianceRecordsDto;
};

export type GetComplianceRecordsResponse = GetComplianceRecordsResponses[keyof GetComplianceRecordsResponses];

export type GetComplianceSettingsData = {
    body?: never;
    path?: never;
    query?: never;
    url: '/api/platform/compliance/settings';
};

export type GetComplianceSettingsErrors = {
    /**
     * - `unauthenticated`: no session cookie, or an expired, revoked or unknown session.
     */
    401: ErrorEnvelopeDto;
    /**
     * - `access_denied`: the role is not recognised, or the membership is gone.
     * - `tenant_suspended`: the tenant is not active.
     * - `mfa_required`: the session’s MFA policy is mandatory and it is not compliant; `remediation_path` names the page that fixes it.
     */
    403: ErrorEnvelopeDto;
    /**
     * - `not_found`: the role cannot open the `compliance_admin` section (answered as a route that does not exist).
     */
    404: ErrorEnvelopeDto;
    /**
     * - `client_selection_required`: a partner without a selected client (a key made without one).
     */
    409: ErrorEnvelopeDto;
    /**
     * - `rate_limited`: too many requests from this address whose session cookie matched no session (`FAILED_SESSION_LOOKUPS_PER_MINUTE`).
     */
    429: ErrorEnvelopeDto;
    /**
     * - `upstream_unavailable`: the platform API failed, was unreachable, or answered more than 1 MiB.
     */
    502: ErrorEnvelopeDto;
    /**
     * - `session_validation_unavailable`: the session or access context cannot be read (database down).
     */
    503: ErrorEnvelopeDto;
    /**
     * - `upstream_timeout`: the platform API did not answer within AIDIAL_API_TIMEOUT_MS.
     */
    504: ErrorEnvelopeDto;
    /**
     * Error envelope
     */
    default: ErrorEnvelopeDto;
};

export type GetComplianceSettingsError = GetComplianceSettingsErrors[keyof GetComplianceSettingsErrors];

export type GetComplianceSettingsResponses = {
    200: PlatformComplianceSettingsDto;
};

export type GetComplianceSettingsResponse = GetComplianceSettingsResponses[keyof GetComplianceSettingsResponses];

export type GetIncidentsData = {
    body?: never;
    path?: never;
    query?: {
        /**
         * Open or resolved only.
         */
        status?: IncidentState;
    };
    url: '/api/platform/incidents';
};

export type GetIncidentsErrors = {
    /**
     * - `validation_failed`: an unknown or malformed filter; `fields` says which. Nothing is sent to the platform.
     */
    400: ErrorEnvelopeDto;
    /**
     * - `unauthenticated`: no session cookie, or an expired, revoked or unknown session.
     */
    401: ErrorEnvelopeDto;
    /**
     * - `access_denied`: the role is not recognised, or the membership is gone.
     * - `tenant_suspended`: the tenant is not active.
     * - `mfa_required`: the session’s MFA policy is mandatory and it is not compliant; `remediation_path` names the page that fixes it.
     */
    403: ErrorEnvelopeDto;
    /**
     * - `not_found`: the role cannot open the `admin` section (answered as a route that does not exist).
     */
    404: ErrorEnvelopeDto;
    /**
     * - `rate_limited`: too many requests from this address whose session cookie matched no session (`FAILED_SESSION_LOOKUPS_PER_MINUTE`).
     */
    429: ErrorEnvelopeDto;
    /**
     * - `upstream_unavailable`: the platform API failed, was unreachable, or answered more than 1 MiB.
     */
    502: ErrorEnvelopeDto;
    /**
     * - `session_validation_unavailable`: the session or access context cannot be read (database down).
     */
    503: ErrorEnvelopeDto;
    /**
     * - `upstream_timeout`: the platform API did not answer within AIDIAL_API_TIMEOUT_MS.
     */
    504: ErrorEnvelopeDto;
    /**
     * Error envelope
     */
    default: ErrorEnvelopeDto;
};

export type GetIncidentsError = GetIncidentsErrors[keyof GetIncidentsErrors];

export type GetIncidentsResponses = {
    200: PlatformIncidentListDto;
};

export type GetIncidentsResponse = GetIncidentsResponses[keyof GetIncidentsResponses];

export type GetDiscountsData = {
    body?: never;
    path?: never;
    query?: {
        /**
         * Only this tenant’s discounts.
         */
        tenant_id?: string;
        status?: DiscountStatus;
    };
    url: '/api/platform/discounts';
};

export type GetDiscountsErrors = {
    /**
     * - `validation_failed`: an unknown or malformed filter; `fields` says which. Nothing is sent to the platform.
     */
    400: ErrorEnvelopeDto;
    /**
     * - `unauthenticated`: no session cookie, or an expired, revoked or unknown session.
     */
    401: ErrorEnvelopeDto;
    /**
     * - `access_denied`: the role is not recognised, or the membership is gone.
     * - `tenant_suspended`: the tenant is not active.
     * - `mfa_required`: the session’s MFA policy is mandatory and it is not compliant; `remediation_path` names the page that fixes it.
     */
    403: ErrorEnvelopeDto;
    /**
     * - `not_found`: the role cannot open the `admin` section (answered as a route that does not exist).
     */
    404: ErrorEnvelopeDto;
    /**
     * - `rate_limited`: too many requests from this address whose session cookie matched no session (`FAILED_SESSION_LOOKUPS_PER_MINUTE`).
     */
    429: ErrorEnvelopeDto;
    /**
     * - `upstream_unavailable`: the platform API failed, was unreachable, or answered more than 1 MiB.
     */
    502: ErrorEnvelopeDto;
    /**
     * - `session_validation_unavailable`: the session or access context cannot be read (database down).
     */
    503: ErrorEnvelopeDto;
    /**
     * - `upstream_timeout`: the platform API did not answer within AIDIAL_API_TIMEOUT_MS.
     */
    504: ErrorEnvelopeDto;
    /**
     * Error envelope
     */
    default: ErrorEnvelopeDto;
};

export type GetDiscountsError = GetDiscountsErrors[keyof GetDiscountsErrors];

export type GetDiscountsResponses = {
    200: PlatformDiscountListDto;
};

export type GetDiscountsResponse = GetDiscountsResponses[keyof GetDiscountsResponses];

export type GetAdjustmentsData = {
    body?: never;
    path?: never;
    query?: {
        /**
         * Only this tenant’s adjustments.
         */
        tenant_id?: string;
        /**
         * Only the adjustments of this bill.
         */
        period?: string;
    };
    url: '/api/platform/adjustments';
};

export type GetAdjustmentsErrors = {
    /**
     * - `validation_failed`: an unknown or malformed filter; `fields` says which. Nothing is sent to the platform.
     */
    400: ErrorEnvelopeDto;
    /**
     * - `unauthenticated`: no session cookie, or an expired, revoked or unknown session.
     */
    401: ErrorEnvelopeDto;
    /**
     * - `access_denied`: the role is not recognised, or the membership is gone.
     * - `tenant_suspended`: the tenant is not active.
     * - `mfa_required`: the session’s MFA policy is mandatory and it is not compliant; `remediation_path` names the page that fixes it.
     */
    403: ErrorEnvelopeDto;
    /**
     * - `not_found`: the role cannot open the `admin` section (answered as a route that does not exist).
     */
    404: ErrorEnvelopeDto;
    /**
     * - `rate_limited`: too many requests from this address whose session cookie matched no session (`FAILED_SESSION_LOOKUPS_PER_MINUTE`).
     */
    429: ErrorEnvelopeDto;
    /**
     * - `upstream_unavailable`: the platform API failed, was unreachable, or answered more than 1 MiB.
     */
    502: ErrorEnvelopeDto;
    /**
     * - `session_validation_unavailable`: the session or access context cannot be read (database down).
     */
    503: ErrorEnvelopeDto;
    /**
     * - `upstream_timeout`: the platform API did not answer within AIDIAL_API_TIMEOUT_MS.
     */
    504: ErrorEnvelopeDto;
    /**
     * Error envelope
     */
    default: ErrorEnvelopeDto;
};

export type GetAdjustmentsError = GetAdjustmentsErrors[keyof GetAdjustmentsErrors];

export type GetAdjustmentsResponses = {
    200: PlatformAdjustmentListDto;
};

export type GetAdjustmentsResponse = GetAdjustmentsResponses[keyof GetAdjustmentsResponses];

export type GetV1DashboardSummaryData = {
    body?: never;
    path?: never;
    query?: never;
    url: '/v1/platform/dashboard/summary';
};

export type GetV1DashboardSummaryErrors = {
    /**
     * - `api_key_invalid`: no `X-API-Key`, or a malformed, unknown, wrong, expired or revoked one (the same answer for all).
     */
    401: ErrorEnvelopeDto;
    /**
     * - `browser_credentials_refused`: an `X-API-Key` sent with `Origin`, `Sec-Fetch-Site` (or `-Dest`, `-User`) or `Cookie`.
     * - `tenant_suspended`: the key’s tenant is not active.
     * - `api_key_scope_missing`: the key does not hold `platform:read`.
     */
    403: ErrorEnvelopeDto;
    /**
     * - `not_found`: the key creator’s role cannot open the `dashboard` section.
     */
    404: ErrorEnvelopeDto;
    /**
     * - `client_selection_required`: a partner without a selected client (a key made without one).
     */
    409: ErrorEnvelopeDto;
    /**
     * - `rate_limited`: this key made `V1_REQUESTS_PER_MINUTE` requests in the current minute.
     */
    429: ErrorEnvelopeDto;
    /**
     * - `upstream_unavailable`: the platform API failed, was unreachable, or answered more than 1 MiB.
     */
    502: ErrorEnvelopeDto;
    /**
     * - `service_unavailable`: the key cannot be checked (database down).
     */
    503: ErrorEnvelopeDto;
    /**
     * - `upstream_timeout`: the platform API did not answer within AIDIAL_API_TIMEOUT_MS.
     */
    504: ErrorEnvelopeDto;
    /**
     * Error envelope
     */
    default: ErrorEnvelopeDto;
};

export type GetV1DashboardSummaryError = GetV1DashboardSummaryErrors[keyof GetV1DashboardSummaryErrors];

export type GetV1DashboardSummaryResponses = {
    200: PlatformDashboardSummaryDto;
};

export type GetV1DashboardSummaryResponse = GetV1DashboardSummaryResponses[keyof GetV1DashboardSummaryResponses];

export type GetV1CallsData = {
    body?: never;
    path?: never;
    query?: {
        /**
         * Only the calls of this project (within your project scope).
         */
        project_id?: string;
        direction?: CallDirection;
        outcome?: CallOutcome;
        /**
         * The `next_cursor` of the previous page, unchanged (a position in the list).
         */
        cursor?: string;
        limit?: number;
    };
    url: '/v1/platform/calls';
};

export type GetV1CallsErrors = {
    /**
     * - `validation_failed`: an unknown or malformed filter; `fields` says which. Nothing is sent to the platform.
     */
    400: ErrorEnvelopeDto;
    /**
     * - `api_key_invalid`: no `X-API-Key`, or a malformed, unknown, wrong, expired or revoked one (the same answer for all).
     */
    401: ErrorEnvelopeDto;
    /**
     * - `browser_credentials_refused`: an `X-API-Key` sent with `Origin`, `Sec-Fetch-Site` (or `-Dest`, `-User`) or `Cookie`.
     * - `tenant_suspended`: the key’s tenant is not active.
     * - `api_key_scope_missing`: the key does not hold `platform:read`.
     */
    403: ErrorEnvelopeDto;
    /**
     * - `not_found`: the key creator’s role cannot open the `calls` section.
     */
    404: ErrorEnvelopeDto;
    /**
     * - `client_selection_required`: a partner without a selected client (a key made without one).
     */
    409: ErrorEnvelopeDto;
    /**
     * - `rate_limited`: this key made `V1_REQUESTS_PER_MINUTE` requests in the current minute.
     */
    429: ErrorEnvelopeDto;
    /**
     * - `upstream_unavailable`: the platform API failed, was unreachable, or answered more than 1 MiB.
     */
    502: ErrorEnvelopeDto;
    /**
     * - `service_unavailable`: the key cannot be checked (database down).
     */
    503: ErrorEnvelopeDto;
    /**
     * - `upstream_timeout`: the platform API did not answer within AIDIAL_API_TIMEOUT_MS.
     */
    504: ErrorEnvelopeDto;
    /**
     * Error envelope
     */
    default: ErrorEnvelopeDto;
};

export type GetV1CallsError = GetV1CallsErrors[keyof GetV1CallsErrors];

export type GetV1CallsResponses = {
    200: PlatformCallPageDto;
};

export type GetV1CallsResponse = GetV1CallsResponses[keyof GetV1CallsResponses];

export type GetV1CallData = {
    body?: never;
    path: {
        id: string;
    };
    query?: never;
    url: '/v1/platform/calls/{id}';
};

export type GetV1CallErrors = {
    /**
     * - `api_key_invalid`: no `X-API-Key`, or a malformed, unknown, wrong, expired or revoked one (the same answer for all).
     */
    401: ErrorEnvelopeDto;
    /**
     * - `browser_credentials_refused`: an `X-API-Key` sent with `Origin`, `Sec-Fetch-Site` (or `-Dest`, `-User`) or `Cookie`.
     * - `tenant_suspended`: the key’s tenant is not active.
     * - `api_key_scope_missing`: the key does not hold `platform:read`.
     */
    403: ErrorEnvelopeDto;
    /**
     * - `not_found`: no such call in your scope: another customer’s or project’s call answers like a missing one.
     *
     * - `not_found`: the key creator’s role cannot open the `calls` section.
     */
    404: ErrorEnvelopeDto;
    /**
     * - `client_selection_required`: a partner without a selected client (a key made without one).
     */
    409: ErrorEnvelopeDto;
    /**
     * - `rate_limited`: this key made `V1_REQUESTS_PER_MINUTE` requests in the current minute.
     */
    429: ErrorEnvelopeDto;
    /**
     * - `upstream_unavailable`: the platform API failed, was unreachable, or answered more than 1 MiB.
     */
    502: ErrorEnvelopeDto;
    /**
     * - `service_unavailable`: the key cannot be checked (database down).
     */
    503: ErrorEnvelopeDto;
    /**
     * - `upstream_timeout`: the platform API did not answer within AIDIAL_API_TIMEOUT_MS.
     */
    504: ErrorEnvelopeDto;
    /**
     * Error envelope
     */
    default: ErrorEnvelopeDto;
};

export type GetV1CallError = GetV1CallErrors[keyof GetV1CallErrors];

export type GetV1CallResponses = {
    200: PlatformCallDto;
};

export type GetV1CallResponse = GetV1CallResponses[keyof GetV1CallResponses];

export type GetV1BillingSummaryData = {
    body?: never;
    path?: never;
    query?: {
        /**
         * A calendar month; this month when absent.
         */
        period?: string;
    };
    url: '/v1/platform/billing/summary';
};

export type GetV1BillingSummaryErrors = {
    /**
     * - `validation_failed`: an unknown or malformed filter; `fields` says which. Nothing is sent to the platform.
     */
    400: ErrorEnvelopeDto;
    /**
     * - `api_key_invalid`: no `X-API-Key`, or a malformed, unknown, wrong, expired or revoked one (the same answer for all).
     */
    401: ErrorEnvelopeDto;
    /**
     * - `browser_credentials_refused`: an `X-API-Key` sent with `Origin`, `Sec-Fetch-Site` (or `-Dest`, `-User`) or `Cookie`.
     * - `tenant_suspended`: the key’s tenant is not active.
     * - `api_key_scope_missing`: the key does not hold `platform:read`.
     */
    403: ErrorEnvelopeDto;
    /**
     * - `not_found`: the key creator’s role cannot open the `billing` section.
     */
    404: ErrorEnvelopeDto;
    /**
     * - `client_selection_required`: a partner without a selected client (a key made without one).
     */
    409: ErrorEnvelopeDto;
    /**
     * - `rate_limited`: this key made `V1_REQUESTS_PER_MINUTE` requests in the current minute.
     */
    429: ErrorEnvelopeDto;
    /**
     * - `upstream_unavailable`: the platform API failed, was unreachable, or answered more than 1 MiB.
     */
    502: ErrorEnvelopeDto;
    /**
     * - `service_unavailable`: the key cannot be checked (database down).
     */
    503: ErrorEnvelopeDto;
    /**
     * - `upstream_timeout`: the platform API did not answer within AIDIAL_API_TIMEOUT_MS.
     */
    504: ErrorEnvelopeDto;
    /**
     * Error envelope
     */
    default: ErrorEnvelopeDto;
};

export type GetV1BillingSummaryError = GetV1BillingSummaryErrors[keyof GetV1BillingSummaryErrors];

export type GetV1BillingSummaryResponses = {
    200: PlatformBillingSummaryDto;
};

export type GetV1BillingSummaryResponse = GetV1BillingSummaryResponses[keyof GetV1BillingSummaryResponses];

export type GetV1CampaignsData = {
    body?: never;
    path?: never;
    query?: {
        /**
         * Only the campaigns of this project (within your project scope).
         */
        project_id?: string;
        status?: CampaignStatus;
    };
    url: '/v1/platform/campaigns';
};

export type GetV1CampaignsErrors = {
    /**
     * - `validation_failed`: an unknown or malformed filter; `fields` says which. Nothing is sent to the platform.
     */
    400: ErrorEnvelopeDto;
    /**
     * - `api_key_invalid`: no `X-API-Key`, or a malformed, unknown, wrong, expired or revoked one (the same answer for all).
     */
    401: ErrorEnvelopeDto;
    /**
     * - `browser_credentials_refused`: an `X-API-Key` sent with `Origin`, `Sec-Fetch-Site` (or `-Dest`, `-User`) or `Cookie`.
     * - `tenant_suspended`: the key’s tenant is not active.
     * - `api_key_scope_missing`: the key does not hold `platform:read`.
     */
    403: ErrorEnvelopeDto;
    /**
     * - `not_found`: the key creator’s role cannot open the `partner_campaigns` section.
     */
    404: ErrorEnvelopeDto;
    /**
     * - `client_selection_required`: a partner without a selected client (a key made without one).
     */
    409: ErrorEnvelopeDto;
    /**
     * - `rate_limited`: this key made `V1_REQUESTS_PER_MINUTE` requests in the current minute.
     */
    429: ErrorEnvelopeDto;
    /**
     * - `upstream_unavailable`: the platform API failed, was unreachable, or answered more than 1 MiB.
     */
    502: ErrorEnvelopeDto;
    /**
     * - `service_unavailable`: the key cannot be checked (database down).
     */
    503: ErrorEnvelopeDto;
    /**
     * - `upstream_timeout`: the platform API did not answer within AIDIAL_API_TIMEOUT_MS.
     */
    504: ErrorEnvelopeDto;
    /**
     * Error envelope
     */
    default: ErrorEnvelopeDto;
};

export type GetV1CampaignsError = GetV1CampaignsErrors[keyof GetV1CampaignsErrors];

export type GetV1CampaignsResponses = {
    200: PlatformCampaignListDto;
};

export type GetV1CampaignsResponse = GetV1CampaignsResponses[keyof GetV1CampaignsResponses];

export type GetV1CapacityData = {
    body?: never;
    path?: never;
    query?: never;
    url: '/v1/platform/capacity';
};

export type GetV1CapacityErrors = {
    /**
     * - `api_key_invalid`: no `X-API-Key`, or a malformed, unknown, wrong, expired or revoked one (the same answer for all).
     */
    401: ErrorEnvelopeDto;
    /**
     * - `browser_credentials_refused`: an `X-API-Key` sent with `Origin`, `Sec-Fetch-Site` (or `-Dest`, `-User`) or `Cookie`.
     * - `tenant_suspended`: the key’s tenant is not active.
     * - `api_key_scope_missing`: the key does not hold `platform:read`.
     */
    403: ErrorEnvelopeDto;
    /**
     * - `not_found`: the key creator’s role cannot open the `capacity` section.
     */
    404: ErrorEnvelopeDto;
    /**
     * - `rate_limited`: this key made `V1_REQUESTS_PER_MINUTE` requests in the current minute.
     */
    429: ErrorEnvelopeDto;
    /**
     * - `upstream_unavailable`: the platform API failed, was unreachable, or answered more than 1 MiB.
     */
    502: ErrorEnvelopeDto;
    /**
     * - `service_unavailable`: the key cannot be checked (database down).
     */
    503: ErrorEnvelopeDto;
    /**
     * - `upstream_timeout`: the platform API did not answer within AIDIAL_API_TIMEOUT_MS.
     */
    504: ErrorEnvelopeDto;
    /**
     * Error envelope
     */
    default: ErrorEnvelopeDto;
};

export type GetV1CapacityError = GetV1CapacityErrors[keyof GetV1CapacityErrors];

export type GetV1CapacityResponses = {
    200: PlatformCapacityDto;
};

export type GetV1CapacityResponse = GetV1CapacityResponses[keyof GetV1CapacityResponses];

export type EnrolSmsOtpData = {
    body: SmsEnrolRequestDto;
    path?: never;
    query?: never;
    url: '/api/auth/mfa-sms-enrol';
};

export type EnrolSmsOtpErrors = {
    /**
     * - `validation_failed`: `phone` is missing, not a number, or not a mobile.
     * - `mfa_sms_country_not_supported`: not a +61 number.
     *
     * - `malformed_json`: the body is not valid JSON.
     */
    400: ErrorEnvelopeDto;
    /**
     * - `unauthenticated`: no session cookie, or an expired, revoked or unknown session.
     */
    401: ErrorEnvelopeDto;
    /**
     * - `mfa_sms_role_not_allowed`: only client_admin and partner_admin enrol an SMS factor.
     * - `mfa_sms_tenant_not_enabled`: the organisation does not have `mfa.sms_otp.enabled`.
     *
     * - `access_denied`: the role is not recognised, or the membership is gone.
     * - `tenant_suspended`: the tenant is not active.
     * - `reauthentication_required`: a sensitive action and the session signed in longer ago than `STEP_UP_MAX_AGE_MINUTES`; `WWW-Authenticate` carries `error="insufficient_user_authentication"` and `max_age`. Sign in again (`POST /api/auth/step-up`) and repeat the request.
     *
     * - `cross_site_refused`: `Sec-Fetch-Site: cross-site`, or an `Origin` that is not the portal’s own (whatever the token).
     *
     * - `csrf_failed`: no `X-XSRF-TOKEN` header, or not the one for this session.
     */
    403: ErrorEnvelopeDto;
    /**
     * - `mfa_sms_already_enrolled`: an SMS factor is already enrolled.
     */
    409: ErrorEnvelopeDto;
    /**
     * - `payload_too_large`: the body is larger than 100 KiB.
     */
    413: ErrorEnvelopeDto;
    /**
     * - `unsupported_media_type`: a body that is not `application/json`.
     */
    415: ErrorEnvelopeDto;
    /**
     * - `mfa_sms_rate_limited`: a per-phone, per-user, per-IP or global limit is reached.
     *
     * - `rate_limited`: too many requests from this address whose session cookie matched no session (`FAILED_SESSION_LOOKUPS_PER_MINUTE`).
     */
    429: ErrorEnvelopeDto;
    /**
     * - `mfa_sms_provider_unavailable`: ZITADEL has no active SMS provider ("SMS OTP provider is not configured"): nothing is changed there.
     * - `identity_provider_unavailable`: ZITADEL does not answer, or answers something unexpected: nothing is claimed about the number.
     * - `identity_provider_misconfigured`: ZITADEL refuses the service account (a deployment fault; readiness reports it too).
     * - `service_unavailable`: the rate-limit counters cannot be read: nothing is sent.
     *
     * - `session_validation_unavailable`: the session or access context cannot be read (database down).
     */
    503: ErrorEnvelopeDto;
    /**
     * Error envelope
     */
    default: ErrorEnvelopeDto;
};

export type EnrolSmsOtpError = EnrolSmsOtpErrors[keyof EnrolSmsOtpErrors];

export type EnrolSmsOtpResponses = {
    200: SmsEnrolResponseDto;
};

export type EnrolSmsOtpResponse = EnrolSmsOtpResponses[keyof EnrolSmsOtpResponses];

export type ListSupportTicketsData = {
    body?: never;
    path?: never;
    query?: never;
    url: '/api/support/tickets';
};

export type ListSupportTicketsErrors = {
    /**
     * - `unauthenticated`: no session cookie, or an expired, revoked or unknown session.
     */
    401: ErrorEnvelopeDto;
    /**
     * - `access_denied`: the role is not recognised, or the membership is gone.
     * - `tenant_suspended`: the tenant is not active.
     */
    403: ErrorEnvelopeDto;
    /**
     * - `not_found`: the role cannot open the `support` section (answered as a route that does not exist).
     */
    404: ErrorEnvelopeDto;
    /**
     * - `rate_limited`: too many requests from this address whose session cookie matched no session (`FAILED_SESSION_LOOKUPS_PER_MINUTE`).
     */
    429: ErrorEnvelopeDto;
    /**
     * - `session_validation_unavailable`: the session or access context cannot be read (database down).
     */
    503: ErrorEnvelopeDto;
    /**
     * Error envelope
     */
    default: ErrorEnvelopeDto;
};

export type ListSupportTicketsError = ListSupportTicketsErrors[keyof ListSupportTicketsErrors];

export type ListSupportTicketsResponses = {
    200: SupportTicketListDto;
};

export type ListSupportTicketsResponse = ListSupportTicketsResponses[keyof ListSupportTicketsResponses];

export type CreateSupportTicketData = {
    body: CreateSupportTicketDto;
    path?: never;
    query?: never;
    url: '/api/support/tickets';
};

export type CreateSupportTicketErrors = {
    /**
     * - `validation_failed`: the body does not match the schema; `fields` says where.
     * - `ticket_contains_secret`: the fields (`subject`, `body`) that hold something shaped like a secret, in `fields`; nothing is stored.
     *
     * - `malformed_json`: the body is not valid JSON.
     */
    400: ErrorEnvelopeDto;
    /**
     * - `unauthenticated`: no session cookie, or an expired, revoked or unknown session.
     */
    401: ErrorEnvelopeDto;
    /**
     * - `access_denied`: the role is not recognised, or the membership is gone.
     * - `tenant_suspended`: the tenant is not active.
     *
     * - `cross_site_refused`: `Sec-Fetch-Site: cross-site`, or an `Origin` that is not the portal’s own (whatever the token).
     *
     * - `csrf_failed`: no `X-XSRF-TOKEN` header, or not the one for this session.
     */
    403: ErrorEnvelopeDto;
    /**
     * - `not_found`: the role cannot open the `support` section (answered as a route that does not exist).
     */
    404: ErrorEnvelopeDto;
    /**
     * - `payload_too_large`: the body is larger than 100 KiB.
     */
    413: ErrorEnvelopeDto;
    /**
     * - `unsupported_media_type`: a body that is not `application/json`.
     */
    415: ErrorEnvelopeDto;
    /**
     * - `rate_limited`: more than 5 tickets from you in 10 minutes.
     *
     * - `rate_limited`: too many requests from this address whose session cookie matched no session (`FAILED_SESSION_LOOKUPS_PER_MINUTE`).
     */
    429: ErrorEnvelopeDto;
    /**
     * - `service_unavailable`: the rate-limit counters cannot be read.
     *
     * - `session_validation_unavailable`: the session or access context cannot be read (database down).
     */
    503: ErrorEnvelopeDto;
    /**
     * Error envelope
     */
    default: ErrorEnvelopeDto;
};

export type CreateSupportTicketError = CreateSupportTicketErrors[keyof CreateSupportTicketErrors];

export type CreateSupportTicketResponses = {
    201: SupportTicketDto;
};

export type CreateSupportTicketResponse = CreateSupportTicketResponses[keyof CreateSupportTicketResponses];

export type GetMfaSummaryData = {
    body?: never;
    path?: never;
    query?: never;
    url: '/api/mfa/summary';
};

export type GetMfaSummaryErrors = {
    /**
     * - `unauthenticated`: no session cookie, or an expired, revoked or unknown session.
     */
    401: ErrorEnvelopeDto;
    /**
     * - `access_denied`: the role is not recognised, or the membership is gone.
     * - `tenant_suspended`: the tenant is not active.
     */
    403: ErrorEnvelopeDto;
    /**
     * - `rate_limited`: too many requests from this address whose session cookie matched no session (`FAILED_SESSION_LOOKUPS_PER_MINUTE`).
     */
    429: ErrorEnvelopeDto;
    /**
     * - `session_validation_unavailable`: the session or access context cannot be read (database down).
     */
    503: ErrorEnvelopeDto;
    /**
     * Error envelope
     */
    default: ErrorEnvelopeDto;
};

export type GetMfaSummaryError = GetMfaSummaryErrors[keyof GetMfaSummaryErrors];

export type GetMfaSummaryResponses = {
    200: MfaSummaryDto;
};

export type GetMfaSummaryResponse = GetMfaSummaryResponses[keyof GetMfaSummaryResponses];

export type OpenMfaSetupData = {
    body?: never;
    path?: never;
    query?: never;
    url: '/api/mfa/setup';
};

export type OpenMfaSetupErrors = {
    /**
     * - `malformed_json`: the body is not valid JSON.
     */
    400: ErrorEnvelopeDto;
    /**
     * - `unauthenticated`: no session cookie, or an expired, revoked or unknown session.
     */
    401: ErrorEnvelopeDto;
    /**
     * - `access_denied`: the role is not recognised, or the membership is gone.
     * - `tenant_suspended`: the tenant is not active.
     *
     * - `cross_site_refused`: `Sec-Fetch-Site: cross-site`, or an `Origin` that is not the portal’s own (whatever the token).
     *
     * - `csrf_failed`: no `X-XSRF-TOKEN` header, or not the one for this session.
     */
    403: ErrorEnvelopeDto;
    /**
     * - `mfa_action_unavailable`: the enrolment is unknown.
     */
    409: ErrorEnvelopeDto;
    /**
     * - `payload_too_large`: the body is larger than 100 KiB.
     */
    413: ErrorEnvelopeDto;
    /**
     * - `unsupported_media_type`: a body that is not `application/json`.
     */
    415: ErrorEnvelopeDto;
    /**
     * - `rate_limited`: more than 10 MFA actions in a minute.
     *
     * - `rate_limited`: too many requests from this address whose session cookie matched no session (`FAILED_SESSION_LOOKUPS_PER_MINUTE`).
     */
    429: ErrorEnvelopeDto;
    /**
     * - `service_unavailable`: the rate-limit counters cannot be read.
     *
     * - `session_validation_unavailable`: the session or access context cannot be read (database down).
     */
    503: ErrorEnvelopeDto;
    /**
     * Error envelope
     */
    default: ErrorEnvelopeDto;
};

export type OpenMfaSetupError = OpenMfaSetupErrors[keyof OpenMfaSetupErrors];

export type OpenMfaSetupResponses = {
    200: MfaProviderUrlDto;
};

export type OpenMfaSetupResponse = OpenMfaSetupResponses[keyof OpenMfaSetupResponses];

export type AcknowledgeRecoveryCodesStoredData = {
    body: MfaMarkerDto;
    path?: never;
    query?: never;
    url: '/api/mfa/recovery-codes/stored';
};

export type AcknowledgeRecoveryCodesStoredErrors = {
    /**
     * - `validation_failed`: no `marker`, or not a string of 1 to 100 characters; `fields` says where.
     *
     * - `malformed_json`: the body is not valid JSON.
     */
    400: ErrorEnvelopeDto;
    /**
     * - `unauthenticated`: no session cookie, or an expired, revoked or unknown session.
     */
    401: ErrorEnvelopeDto;
    /**
     * - `access_denied`: the role is not recognised, or the membership is gone.
     * - `tenant_suspended`: the tenant is not active.
     *
     * - `cross_site_refused`: `Sec-Fetch-Site: cross-site`, or an `Origin` that is not the portal’s own (whatever the token).
     *
     * - `csrf_failed`: no `X-XSRF-TOKEN` header, or not the one for this session.
     */
    403: ErrorEnvelopeDto;
    /**
     * - `mfa_lifecycle_stale`: the marker is not the current one.
     * - `mfa_action_unavailable`: the enrolment is unknown.
     */
    409: ErrorEnvelopeDto;
    /**
     * - `payload_too_large`: the body is larger than 100 KiB.
     */
    413: ErrorEnvelopeDto;
    /**
     * - `unsupported_media_type`: a body that is not `application/json`.
     */
    415: ErrorEnvelopeDto;
    /**
     * - `rate_limited`: more than 10 MFA actions in a minute.
     *
     * - `rate_limited`: too many requests from this address whose session cookie matched no session (`FAILED_SESSION_LOOKUPS_PER_MINUTE`).
     */
    429: ErrorEnvelopeDto;
    /**
     * - `service_unavailable`: the rate-limit counters cannot be read.
     *
     * - `session_validation_unavailable`: the session or access context cannot be read (database down).
     */
    503: ErrorEnvelopeDto;
    /**
     * Error envelope
     */
    default: ErrorEnvelopeDto;
};

export type AcknowledgeRecoveryCodesStoredError = AcknowledgeRecoveryCodesStoredErrors[keyof AcknowledgeRecoveryCodesStoredErrors];

export type AcknowledgeRecoveryCodesStoredResponses = {
    200: MfaLifecycleResultDto;
};

export type AcknowledgeRecoveryCodesStoredResponse = AcknowledgeRecoveryCodesStoredResponses[keyof AcknowledgeRecoveryCodesStoredResponses];

export type AcknowledgeRecoveryCodesReviewedData = {
    body: MfaMarkerDto;
    path?: never;
    query?: never;
    url: '/api/mfa/recovery-codes/reviewed';
};

export type AcknowledgeRecoveryCodesReviewedErrors = {
    /**
     * - `validation_failed`: no `marker`, or not a string of 1 to 100 characters; `fields` says where.
     *
     * - `malformed_json`: the body is not valid JSON.
     */
    400: ErrorEnvelopeDto;
    /**
     * - `unauthenticated`: no session cookie, or an expired, revoked or unknown session.
     */
    401: ErrorEnvelopeDto;
    /**
     * - `access_denied`: the role is not recognised, or the membership is gone.
     * - `tenant_suspended`: the tenant is not active.
     *
     * - `cross_site_refused`: `Sec-Fetch-Site: cross-site`, or an `Origin` that is not the portal’s own (whatever the token).
     *
     * - `csrf_failed`: no `X-XSRF-TOKEN` header, or not the one for this session.
     */
    403: ErrorEnvelopeDto;
    /**
     * - `mfa_lifecycle_stale`: the marker is not the current one.
     * - `mfa_action_unavailable`: the enrolment is unknown.
     */
    409: ErrorEnvelopeDto;
    /**
     * - `payload_too_large`: the body is larger than 100 KiB.
     */
    413: ErrorEnvelopeDto;
    /**
     * - `unsupported_media_type`: a body that is not `application/json`.
     */
    415: ErrorEnvelopeDto;
    /**
     * - `rate_limited`: more than 10 MFA actions in a minute.
     *
     * - `rate_limited`: too many requests from this address whose session cookie matched no session (`FAILED_SESSION_LOOKUPS_PER_MINUTE`).
     */
    429: ErrorEnvelopeDto;
    /**
     * - `service_unavailable`: the rate-limit counters cannot be read.
     *
     * - `session_validation_unavailable`: the session or access context cannot be read (database down).
     */
    503: ErrorEnvelopeDto;
    /**
     * Error envelope
     */
    default: ErrorEnvelopeDto;
};

export type AcknowledgeRecoveryCodesReviewedError = AcknowledgeRecoveryCodesReviewedErrors[keyof AcknowledgeRecoveryCodesReviewedErrors];

export type AcknowledgeRecoveryCodesReviewedResponses = {
    200: MfaLifecycleResultDto;
};

export type AcknowledgeRecoveryCodesReviewedResponse = AcknowledgeRecoveryCodesReviewedResponses[keyof AcknowledgeRecoveryCodesReviewedResponses];

export type DeclareRecoveryCodesRegeneratedData = {
    body: MfaMarkerDto;
    path?: never;
    query?: never;
    url: '/api/mfa/recovery-codes/regenerated';
};

export type DeclareRecoveryCodesRegeneratedErrors = {
    /**
     * - `validation_failed`: no `marker`, or not a string of 1 to 100 characters; `fields` says where.
     *
     * - `malformed_json`: the body is not valid JSON.
     */
    400: ErrorEnvelopeDto;
    /**
     * - `unauthenticated`: no session cookie, or an expired, revoked or unknown session.
     */
    401: ErrorEnvelopeDto;
    /**
     * - `access_denied`: the role is not recognised, or the membership is gone.
     * - `tenant_suspended`: the tenant is not active.
     *
     * - `cross_site_refused`: `Sec-Fetch-Site: cross-site`, or an `Origin` that is not the portal’s own (whatever the token).
     *
     * - `csrf_failed`: no `X-XSRF-TOKEN` header, or not the one for this session.
     */
    403: ErrorEnvelopeDto;
    /**
     * - `mfa_lifecycle_stale`: the marker is not the current one.
     * - `mfa_action_unavailable`: the enrolment is unknown.
     */
    409: ErrorEnvelopeDto;
    /**
     * - `payload_too_large`: the body is larger than 100 KiB.
     */
    413: ErrorEnvelopeDto;
    /**
     * - `unsupported_media_type`: a body that is not `application/json`.
     */
    415: ErrorEnvelopeDto;
    /**
     * - `rate_limited`: more than 10 MFA actions in a minute.
     *
     * - `rate_limited`: too many requests from this address whose session cookie matched no session (`FAILED_SESSION_LOOKUPS_PER_MINUTE`).
     */
    429: ErrorEnvelopeDto;
    /**
     * - `service_unavailable`: the rate-limit counters cannot be read.
     *
     * - `session_validation_unavailable`: the session or access context cannot be read (database down).
     */
    503: ErrorEnvelopeDto;
    /**
     * Error envelope
     */
    default: ErrorEnvelopeDto;
};

export type DeclareRecoveryCodesRegeneratedError = DeclareRecoveryCodesRegeneratedErrors[keyof DeclareRecoveryCodesRegeneratedErrors];

export type DeclareRecoveryCodesRegeneratedResponses = {
    200: MfaLifecycleResultDto;
};

export type DeclareRecoveryCodesRegeneratedResponse = DeclareRecoveryCodesRegeneratedResponses[keyof DeclareRecoveryCodesRegeneratedResponses];

export type OpenMfaDisableData = {
    body?: never;
    path?: never;
    query?: never;
    url: '/api/mfa/disable';
};

export type OpenMfaDisableErrors = {
    /**
     * - `malformed_json`: the body is not valid JSON.
     */
    400: ErrorEnvelopeDto;
    /**
     * - `unauthenticated`: no session cookie, or an expired, revoked or unknown session.
     */
    401: ErrorEnvelopeDto;
    /**
     * - `access_denied`: the role is not recognised, or the membership is gone.
     * - `tenant_suspended`: the tenant is not active.
     * - `reauthentication_required`: a sensitive action and the session signed in longer ago than `STEP_UP_MAX_AGE_MINUTES`; `WWW-Authenticate` carries `error="insufficient_user_authentication"` and `max_age`. Sign in again (`POST /api/auth/step-up`) and repeat the request.
     *
     * - `cross_site_refused`: `Sec-Fetch-Site: cross-site`, or an `Origin` that is not the portal’s own (whatever the token).
     *
     * - `csrf_failed`: no `X-XSRF-TOKEN` header, or not the one for this session.
     */
    403: ErrorEnvelopeDto;
    /**
     * - `mfa_action_unavailable`: MFA is required for you (role, tenant or user policy), or not enrolled.
     */
    409: ErrorEnvelopeDto;
    /**
     * - `payload_too_large`: the body is larger than 100 KiB.
     */
    413: ErrorEnvelopeDto;
    /**
     * - `unsupported_media_type`: a body that is not `application/json`.
     */
    415: ErrorEnvelopeDto;
    /**
     * - `rate_limited`: more than 10 MFA actions in a minute.
     *
     * - `rate_limited`: too many requests from this address whose session cookie matched no session (`FAILED_SESSION_LOOKUPS_PER_MINUTE`).
     */
    429: ErrorEnvelopeDto;
    /**
     * - `service_unavailable`: the rate-limit counters cannot be read.
     *
     * - `session_validation_unavailable`: the session or access context cannot be read (database down).
     */
    503: ErrorEnvelopeDto;
    /**
     * Error envelope
     */
    default: ErrorEnvelopeDto;
};

export type OpenMfaDisableError = OpenMfaDisableErrors[keyof OpenMfaDisableErrors];

export type OpenMfaDisableResponses = {
    200: MfaProviderUrlDto;
};

export type OpenMfaDisableResponse = OpenMfaDisableResponses[keyof OpenMfaDisableResponses];

export type ListTenantsData = {
    body?: never;
    path?: never;
    query?: {
        /**
         * Case-insensitive part of the searched text; blank means no search.
         */
        q?: string;
        limit?: number;
        /**
         * The `next_cursor` of the previous page, unchanged.
         */
        cursor?: string;
        kind?: TenantKind;
        status?: TenantStatus;
    };
    url: '/api/admin/tenants';
};

export type ListTenantsErrors = {
    /**
     * - `validation_failed`: an unknown filter, a bad `kind`/`status`/`limit` or a malformed `cursor`.
     */
    400: ErrorEnvelopeDto;
    /**
     * - `unauthenticated`: no session cookie, or an expired, revoked or unknown session.
     */
    401: ErrorEnvelopeDto;
    /**
     * - `access_denied`: the role is not recognised, or the membership is gone.
     * - `tenant_suspended`: the tenant is not active.
     * - `mfa_required`: the session’s MFA policy is mandatory and it is not compliant; `remediation_path` names the page that fixes it.
     */
    403: ErrorEnvelopeDto;
    /**
     * - `not_found`: the role cannot open the `admin` section (answered as a route that does not exist).
     */
    404: ErrorEnvelopeDto;
    /**
     * - `rate_limited`: too many requests from this address whose session cookie matched no session (`FAILED_SESSION_LOOKUPS_PER_MINUTE`).
     */
    429: ErrorEnvelopeDto;
    /**
     * - `session_validation_unavailable`: the session or access context cannot be read (database down).
     */
    503: ErrorEnvelopeDto;
    /**
     * Error envelope
     */
    default: ErrorEnvelopeDto;
};

export type ListTenantsError = ListTenantsErrors[keyof ListTenantsErrors];

export type ListTenantsResponses = {
    200: AdminTenantPageDto;
};

export type ListTenantsResponse = ListTenantsResponses[keyof ListTenantsResponses];

export type CreateTenantData = {
    body: CreateTenantDto;
    path?: never;
    query?: never;
    url: '/api/admin/tenants';
};

export type CreateTenantErrors = {
    /**
     * - `validation_failed`: the body does not match the schema; `fields` says where.
     *
     * - `malformed_json`: the body is not valid JSON.
     */
    400: ErrorEnvelopeDto;
    /**
     * - `unauthenticated`: no session cookie, or an expired, revoked or unknown session.
     */
    401: ErrorEnvelopeDto;
    /**
     * - `access_denied`: the role is not recognised, or the membership is gone.
     * - `tenant_suspended`: the tenant is not active.
     * - `insufficient_role`: aidial_operator may open the section but not perform `admin.tenants.create`.
     * - `mfa_required`: the session’s MFA policy is mandatory and it is not compliant; `remediation_path` names the page that fixes it.
     *
     * - `cross_site_refused`: `Sec-Fetch-Site: cross-site`, or an `Origin` that is not the portal’s own (whatever the token).
     *
     * - `csrf_failed`: no `X-XSRF-TOKEN` header, or not the one for this session.
     */
    403: ErrorEnvelopeDto;
    /**
     * - `not_found`: no partner tenant with `managing_partner_id`.
     *
     * - `not_found`: the role cannot open the `admin` section (answered as a route that does not exist).
     */
    404: ErrorEnvelopeDto;
    /**
     * - `payload_too_large`: the body is larger than 100 KiB.
     */
    413: ErrorEnvelopeDto;
    /**
     * - `unsupported_media_type`: a body that is not `application/json`.
     */
    415: ErrorEnvelopeDto;
    /**
     * - `rate_limited`: too many requests from this address whose session cookie matched no session (`FAILED_SESSION_LOOKUPS_PER_MINUTE`).
     */
    429: ErrorEnvelopeDto;
    /**
     * - `session_validation_unavailable`: the session or access context cannot be read (database down).
     */
    503: ErrorEnvelopeDto;
    /**
     * Error envelope
     */
    default: ErrorEnvelopeDto;
};

export type CreateTenantError = CreateTenantErrors[keyof CreateTenantErrors];

export type CreateTenantResponses = {
    201: AdminTenantDetailDto;
};

export type CreateTenantResponse = CreateTenantResponses[keyof CreateTenantResponses];

export type GetTenantData = {
    body?: never;
    path: {
        id: string;
    };
    query?: never;
    url: '/api/admin/tenants/{id}';
};

export type GetTenantErrors = {
    /**
     * - `unauthenticated`: no session cookie, or an expired, revoked or unknown session.
     */
    401: ErrorEnvelopeDto;
    /**
     * - `access_denied`: the role is not recognised, or the membership is gone.
     * - `tenant_suspended`: the tenant is not active.
     * - `mfa_required`: the session’s MFA policy is mandatory and it is not compliant; `remediation_path` names the page that fixes it.
     */
    403: ErrorEnvelopeDto;
    /**
     * - `not_found`: no tenant with this id (a malformed id answers the same).
     *
     * - `not_found`: the role cannot open the `admin` section (answered as a route that does not exist).
     */
    404: ErrorEnvelopeDto;
    /**
     * - `rate_limited`: too many requests from this address whose session cookie matched no session (`FAILED_SESSION_LOOKUPS_PER_MINUTE`).
     */
    429: ErrorEnvelopeDto;
    /**
     * - `session_validation_unavailable`: the session or access context cannot be read (database down).
     */
    503: ErrorEnvelopeDto;
    /**
     * Error envelope
     */
    default: ErrorEnvelopeDto;
};

export type GetTenantError = GetTenantErrors[keyof GetTenantErrors];

export type GetTenantResponses = {
    200: AdminTenantDetailDto;
};

export type GetTenantResponse = GetTenantResponses[keyof GetTenantResponses];

export type ChangeTenantStatusData = {
    body: ChangeTenantStatusDto;
    path: {
        id: string;
    };
    query?: never;
    url: '/api/admin/tenants/{id}/status';
};

export type ChangeTenantStatusErrors = {
    /**
     * - `validation_failed`: the body does not match the schema; `fields` says where.
     *
     * - `malformed_json`: the body is not valid JSON.
     */
    400: ErrorEnvelopeDto;
    /**
     * - `unauthenticated`: no session cookie, or an expired, revoked or unknown session.
     */
    401: ErrorEnvelopeDto;
    /**
     * - `access_denied`: the role is not recognised, or the membership is gone.
     * - `tenant_suspended`: the tenant is not active.
     * - `insufficient_role`: aidial_operator may open the section but not perform `admin.tenants.change_status`.
     * - `mfa_required`: the session’s MFA policy is mandatory and it is not compliant; `remediation_path` names the page that fixes it.
     * - `reauthentication_required`: a sensitive action and the session signed in longer ago than `STEP_UP_MAX_AGE_MINUTES`; `WWW-Authenticate` carries `error="insufficient_user_authentication"` and `max_age`. Sign in again (`POST /api/auth/step-up`) and repeat the request.
     *
     * - `cross_site_refused`: `Sec-Fetch-Site: cross-site`, or an `Origin` that is not the portal’s own (whatever the token).
     *
     * - `csrf_failed`: no `X-XSRF-TOKEN` header, or not the one for this session.
     */
    403: ErrorEnvelopeDto;
    /**
     * - `not_found`: no tenant with this id (a malformed id answers the same).
     *
     * - `not_found`: the role cannot open the `admin` section (answered as a route that does not exist).
     */
    404: ErrorEnvelopeDto;
    /**
     * - `tenant_not_changeable`: the internal tenant, or a closed one, cannot be changed that way.
     */
    409: ErrorEnvelopeDto;
    /**
     * - `payload_too_large`: the body is larger than 100 KiB.
     */
    413: ErrorEnvelopeDto;
    /**
     * - `unsupported_media_type`: a body that is not `application/json`.
     */
    415: ErrorEnvelopeDto;
    /**
     * - `rate_limited`: too many requests from this address whose session cookie matched no session (`FAILED_SESSION_LOOKUPS_PER_MINUTE`).
     */
    429: ErrorEnvelopeDto;
    /**
     * - `session_validation_unavailable`: the session or access context cannot be read (database down).
     */
    503: ErrorEnvelopeDto;
    /**
     * Error envelope
     */
    default: ErrorEnvelopeDto;
};

export type ChangeTenantStatusError = ChangeTenantStatusErrors[keyof ChangeTenantStatusErrors];

export type ChangeTenantStatusResponses = {
    200: TenantStatusChangedDto;
};

export type ChangeTenantStatusResponse = ChangeTenantStatusResponses[keyof ChangeTenantStatusResponses];

export type RevokeTenantSessionsData = {
    body: RevokeSessionsDto;
    path: {
        id: string;
    };
    query?: never;
    url: '/api/admin/tenants/{id}/sessions/revoke';
};

export type RevokeTenantSessionsErrors = {
    /**
     * - `validation_failed`: the body does not match the schema; `fields` says where.
     *
     * - `malformed_json`: the body is not valid JSON.
     */
    400: ErrorEnvelopeDto;
    /**
     * - `unauthenticated`: no session cookie, or an expired, revoked or unknown session.
     */
    401: ErrorEnvelopeDto;
    /**
     * - `access_denied`: the role is not recognised, or the membership is gone.
     * - `tenant_suspended`: the tenant is not active.
     * - `insufficient_role`: aidial_operator may open the section but not perform `sessions.revoke`.
     * - `mfa_required`: the session’s MFA policy is mandatory and it is not compliant; `remediation_path` names the page that fixes it.
     * - `reauthentication_required`: a sensitive action and the session signed in longer ago than `STEP_UP_MAX_AGE_MINUTES`; `WWW-Authenticate` carries `error="insufficient_user_authentication"` and `max_age`. Sign in again (`POST /api/auth/step-up`) and repeat the request.
     *
     * - `cross_site_refused`: `Sec-Fetch-Site: cross-site`, or an `Origin` that is not the portal’s own (whatever the token).
     *
     * - `csrf_failed`: no `X-XSRF-TOKEN` header, or not the one for this session.
     */
    403: ErrorEnvelopeDto;
    /**
     * - `not_found`: no tenant with this id (a malformed id answers the same).
     *
     * - `not_found`: the role cannot open the `admin` section (answered as a route that does not exist).
     */
    404: ErrorEnvelopeDto;
    /**
     * - `payload_too_large`: the body is larger than 100 KiB.
     */
    413: ErrorEnvelopeDto;
    /**
     * - `unsupported_media_type`: a body that is not `application/json`.
     */
    415: ErrorEnvelopeDto;
    /**
     * - `rate_limited`: too many requests from this address whose session cookie matched no session (`FAILED_SESSION_LOOKUPS_PER_MINUTE`).
     */
    429: ErrorEnvelopeDto;
    /**
     * - `session_validation_unavailable`: the session or access context cannot be read (database down).
     */
    503: ErrorEnvelopeDto;
    /**
     * Error envelope
     */
    default: ErrorEnvelopeDto;
};

export type RevokeTenantSessionsError = RevokeTenantSessionsErrors[keyof RevokeTenantSessionsErrors];

export type RevokeTenantSessionsResponses = {
    200: SessionsRevokedDto;
};

export type RevokeTenantSessionsResponse = RevokeTenantSessionsResponses[keyof RevokeTenantSessionsResponses];

export type ChangeTenantFeaturesData = {
    body: ChangeTenantFeaturesDto;
    path: {
        id: string;
    };
    query?: never;
    url: '/api/admin/tenants/{id}/features';
};

export type ChangeTenantFeaturesErrors = {
    /**
     * - `validation_failed`: the body does not match the schema; `fields` says where.
     *
     * - `malformed_json`: the body is not valid JSON.
     */
    400: ErrorEnvelopeDto;
    /**
     * - `unauthenticated`: no session cookie, or an expired, revoked or unknown session.
     */
    401: ErrorEnvelopeDto;
    /**
     * - `access_denied`: the role is not recognised, or the membership is gone.
     * - `tenant_suspended`: the tenant is not active.
     * - `mfa_required`: the session’s MFA policy is mandatory and it is not compliant; `remediation_path` names the page that fixes it.
     * - `reauthentication_required`: a sensitive action and the session signed in longer ago than `STEP_UP_MAX_AGE_MINUTES`; `WWW-Authenticate` carries `error="insufficient_user_authentication"` and `max_age`. Sign in again (`POST /api/auth/step-up`) and repeat the request.
     *
     * - `cross_site_refused`: `Sec-Fetch-Site: cross-site`, or an `Origin` that is not the portal’s own (whatever the token).
     *
     * - `csrf_failed`: no `X-XSRF-TOKEN` header, or not the one for this session.
     */
    403: ErrorEnvelopeDto;
    /**
     * - `not_found`: no tenant with this id (a malformed id answers the same).
     *
     * - `not_found`: the role cannot open the `admin` section (answered as a route that does not exist).
     */
    404: ErrorEnvelopeDto;
    /**
     * - `tenant_not_changeable`: the internal tenant, or a closed one, cannot be changed that way.
     */
    409: ErrorEnvelopeDto;
    /**
     * - `payload_too_large`: the body is larger than 100 KiB.
     */
    413: ErrorEnvelopeDto;
    /**
     * - `unsupported_media_type`: a body that is not `application/json`.
     */
    415: ErrorEnvelopeDto;
    /**
     * - `rate_limited`: too many requests from this address whose session cookie matched no session (`FAILED_SESSION_LOOKUPS_PER_MINUTE`).
     */
    429: ErrorEnvelopeDto;
    /**
     * - `session_validation_unavailable`: the session or access context cannot be read (database down).
     */
    503: ErrorEnvelopeDto;
    /**
     * Error envelope
     */
    default: ErrorEnvelopeDto;
};

export type ChangeTenantFeaturesError = ChangeTenantFeaturesErrors[keyof ChangeTenantFeaturesErrors];

export type ChangeTenantFeaturesResponses = {
    200: AdminTenantDetailDto;
};

export type ChangeTenantFeaturesResponse = ChangeTenantFeaturesResponses[keyof ChangeTenantFeaturesResponses];

export type ChangeTenantMfaPolicyData = {
    body: ChangeTenantMfaPolicyDto;
    path: {
        id: string;
    };
    query?: never;
    url: '/api/admin/tenants/{id}/mfa-policy';
};

export type ChangeTenantMfaPolicyErrors = {
    /**
     * - `validation_failed`: the body does not match the schema; `fields` says where.
     *
     * - `malformed_json`: the body is not valid JSON.
     */
    400: ErrorEnvelopeDto;
    /**
     * - `unauthenticated`: no session cookie, or an expired, revoked or unknown session.
     */
    401: ErrorEnvelopeDto;
    /**
     * - `access_denied`: the role is not recognised, or the membership is gone.
     * - `tenant_suspended`: the tenant is not active.
     * - `insufficient_role`: aidial_operator may open the section but not perform `admin.tenants.change_mfa_policy`.
     * - `mfa_required`: the session’s MFA policy is mandatory and it is not compliant; `remediation_path` names the page that fixes it.
     * - `reauthentication_required`: a sensitive action and the session signed in longer ago than `STEP_UP_MAX_AGE_MINUTES`; `WWW-Authenticate` carries `error="insufficient_user_authentication"` and `max_age`. Sign in again (`POST /api/auth/step-up`) and repeat the request.
     *
     * - `cross_site_refused`: `Sec-Fetch-Site: cross-site`, or an `Origin` that is not the portal’s own (whatever the token).
     *
     * - `csrf_failed`: no `X-XSRF-TOKEN` header, or not the one for this session.
     */
    403: ErrorEnvelopeDto;
    /**
     * - `not_found`: no tenant with this id (a malformed id answers the same).
     *
     * - `not_found`: the role cannot open the `admin` section (answered as a route that does not exist).
     */
    404: ErrorEnvelopeDto;
    /**
     * - `payload_too_large`: the body is larger than 100 KiB.
     */
    413: ErrorEnvelopeDto;
    /**
     * - `unsupported_media_type`: a body that is not `application/json`.
     */
    415: ErrorEnvelopeDto;
    /**
     * - `rate_limited`: too many requests from this address whose session cookie matched no session (`FAILED_SESSION_LOOKUPS_PER_MINUTE`).
     */
    429: ErrorEnvelopeDto;
    /**
     * - `session_validation_unavailable`: the session or access context cannot be read (database down).
     */
    503: ErrorEnvelopeDto;
    /**
     * Error envelope
     */
    default: ErrorEnvelopeDto;
};

export type ChangeTenantMfaPolicyError = ChangeTenantMfaPolicyErrors[keyof ChangeTenantMfaPolicyErrors];

export type ChangeTenantMfaPolicyResponses = {
    200: AdminTenantDetailDto;
};

export type ChangeTenantMfaPolicyResponse = ChangeTenantMfaPolicyResponses[keyof ChangeTenantMfaPolicyResponses];

export type ListUsersData = {
    body?: never;
    path?: never;
    query?: {
        /**
         * Case-insensitive part of the searched text; blank means no search.
         */
        q?: string;
        limit?: number;
        /**
         * The `next_cursor` of the previous page, unchanged.
         */
        cursor?: string;
    };
    url: '/api/admin/users';
};

export type ListUsersErrors = {
    /**
     * - `validation_failed`: an unknown parameter, a bad `limit` or a malformed `cursor`.
     */
    400: ErrorEnvelopeDto;
    /**
     * - `unauthenticated`: no session cookie, or an expired, revoked or unknown session.
     */
    401: ErrorEnvelopeDto;
    /**
     * - `access_denied`: the role is not recognised, or the membership is gone.
     * - `tenant_suspended`: the tenant is not active.
     * - `mfa_required`: the session’s MFA policy is mandatory and it is not compliant; `remediation_path` names the page that fixes it.
     */
    403: ErrorEnvelopeDto;
    /**
     * - `not_found`: the role cannot open the `admin` section (answered as a route that does not exist).
     */
    404: ErrorEnvelopeDto;
    /**
     * - `rate_limited`: too many requests from this address whose session cookie matched no session (`FAILED_SESSION_LOOKUPS_PER_MINUTE`).
     */
    429: ErrorEnvelopeDto;
    /**
     * - `session_validation_unavailable`: the session or access context cannot be read (database down).
     */
    503: ErrorEnvelopeDto;
    /**
     * Error envelope
     */
    default: ErrorEnvelopeDto;
};

export type ListUsersError = ListUsersErrors[keyof ListUsersErrors];

export type ListUsersResponses = {
    200: AdminUserPageDto;
};

export type ListUsersResponse = ListUsersResponses[keyof ListUsersResponses];

export type GetUserData = {
    body?: never;
    path: {
        id: string;
    };
    query?: never;
    url: '/api/admin/users/{id}';
};

export type GetUserErrors = {
    /**
     * - `unauthenticated`: no session cookie, or an expired, revoked or unknown session.
     */
    401: ErrorEnvelopeDto;
    /**
     * - `access_denied`: the role is not recognised, or the membership is gone.
     * - `tenant_suspended`: the tenant is not active.
     * - `mfa_required`: the session’s MFA policy is mandatory and it is not compliant; `remediation_path` names the page that fixes it.
     */
    403: ErrorEnvelopeDto;
    /**
     * - `not_found`: no user with this id (a malformed id answers the same).
     *
     * - `not_found`: the role cannot open the `admin` section (answered as a route that does not exist).
     */
    404: ErrorEnvelopeDto;
    /**
     * - `rate_limited`: too many requests from this address whose session cookie matched no session (`FAILED_SESSION_LOOKUPS_PER_MINUTE`).
     */
    429: ErrorEnvelopeDto;
    /**
     * - `session_validation_unavailable`: the session or access context cannot be read (database down).
     */
    503: ErrorEnvelopeDto;
    /**
     * Error envelope
     */
    default: ErrorEnvelopeDto;
};

export type GetUserError = GetUserErrors[keyof GetUserErrors];

export type GetUserResponses = {
    200: AdminUserDto;
};

export type GetUserResponse = GetUserResponses[keyof GetUserResponses];

export type RemoveUserMembershipData = {
    body?: never;
    path: {
        id: string;
        tenantId: string;
    };
    query?: never;
    url: '/api/admin/users/{id}/memberships/{tenantId}';
};

export type RemoveUserMembershipErrors = {
    /**
     * - `malformed_json`: the body is not valid JSON.
     */
    400: ErrorEnvelopeDto;
    /**
     * - `unauthenticated`: no session cookie, or an expired, revoked or unknown session.
     */
    401: ErrorEnvelopeDto;
    /**
     * - `access_denied`: the role is not recognised, or the membership is gone.
     * - `tenant_suspended`: the tenant is not active.
     * - `insufficient_role`: aidial_operator may open the section but not perform `admin.users.assign_role`.
     * - `mfa_required`: the session’s MFA policy is mandatory and it is not compliant; `remediation_path` names the page that fixes it.
     * - `reauthentication_required`: a sensitive action and the session signed in longer ago than `STEP_UP_MAX_AGE_MINUTES`; `WWW-Authenticate` carries `error="insufficient_user_authentication"` and `max_age`. Sign in again (`POST /api/auth/step-up`) and repeat the request.
     *
     * - `cross_site_refused`: `Sec-Fetch-Site: cross-site`, or an `Origin` that is not the portal’s own (whatever the token).
     *
     * - `csrf_failed`: no `X-XSRF-TOKEN` header, or not the one for this session.
     */
    403: ErrorEnvelopeDto;
    /**
     * - `not_found`: no user or no tenant with these ids (a malformed id answers the same).
     *
     * - `not_found`: the role cannot open the `admin` section (answered as a route that does not exist).
     */
    404: ErrorEnvelopeDto;
    /**
     * - `own_membership`: an administrator cannot remove their own membership.
     */
    409: ErrorEnvelopeDto;
    /**
     * - `payload_too_large`: the body is larger than 100 KiB.
     */
    413: ErrorEnvelopeDto;
    /**
     * - `unsupported_media_type`: a body that is not `application/json`.
     */
    415: ErrorEnvelopeDto;
    /**
     * - `rate_limited`: too many requests from this address whose session cookie matched no session (`FAILED_SESSION_LOOKUPS_PER_MINUTE`).
     */
    429: ErrorEnvelopeDto;
    /**
     * - `session_validation_unavailable`: the session or access context cannot be read (database down).
     */
    503: ErrorEnvelopeDto;
    /**
     * Error envelope
     */
    default: ErrorEnvelopeDto;
};

export type RemoveUserMembershipError = RemoveUserMembershipErrors[keyof RemoveUserMembershipErrors];

export type RemoveUserMembershipResponses = {
    /**
     * Removed.
     */
    204: void;
};

export type RemoveUserMembershipResponse = RemoveUserMembershipResponses[keyof RemoveUserMembershipResponses];

export type AssignUserRoleData = {
    body: AssignRoleDto;
    path: {
        id: string;
        tenantId: string;
    };
    query?: never;
    url: '/api/admin/users/{id}/memberships/{tenantId}';
};

export type AssignUserRoleErrors = {
    /**
     * - `validation_failed`: the body does not match the schema; `fields` says where.
     *
     * - `malformed_json`: the body is not valid JSON.
     */
    400: ErrorEnvelopeDto;
    /**
     * - `unauthenticated`: no session cookie, or an expired, revoked or unknown session.
     */
    401: ErrorEnvelopeDto;
    /**
     * - `access_denied`: the role is not recognised, or the membership is gone.
     * - `tenant_suspended`: the tenant is not active.
     * - `insufficient_role`: aidial_operator may open the section but not perform `admin.users.assign_role`.
     * - `mfa_required`: the session’s MFA policy is mandatory and it is not compliant; `remediation_path` names the page that fixes it.
     * - `reauthentication_required`: a sensitive action and the session signed in longer ago than `STEP_UP_MAX_AGE_MINUTES`; `WWW-Authenticate` carries `error="insufficient_user_authentication"` and `max_age`. Sign in again (`POST /api/auth/step-up`) and repeat the request.
     *
     * - `cross_site_refused`: `Sec-Fetch-Site: cross-site`, or an `Origin` that is not the portal’s own (whatever the token).
     *
     * - `csrf_failed`: no `X-XSRF-TOKEN` header, or not the one for this session.
     */
    403: ErrorEnvelopeDto;
    /**
     * - `not_found`: no user or no tenant with these ids (a malformed id answers the same).
     *
     * - `not_found`: the role cannot open the `admin` section (answered as a route that does not exist).
     */
    404: ErrorEnvelopeDto;
    /**
     * - `own_membership`: an administrator cannot change their own membership.
     */
    409: ErrorEnvelopeDto;
    /**
     * - `payload_too_large`: the body is larger than 100 KiB.
     */
    413: ErrorEnvelopeDto;
    /**
     * - `unsupported_media_type`: a body that is not `application/json`.
     */
    415: ErrorEnvelopeDto;
    /**
     * - `rate_limited`: too many requests from this address whose session cookie matched no session (`FAILED_SESSION_LOOKUPS_PER_MINUTE`).
     */
    429: ErrorEnvelopeDto;
    /**
     * - `session_validation_unavailable`: the session or access context cannot be read (database down).
     */
    503: ErrorEnvelopeDto;
    /**
     * Error envelope
     */
    default: ErrorEnvelopeDto;
};

export type AssignUserRoleError = AssignUserRoleErrors[keyof AssignUserRoleErrors];

export type AssignUserRoleResponses = {
    200: AdminUserDto;
};

export type AssignUserRoleResponse = AssignUserRoleResponses[keyof AssignUserRoleResponses];

export type RevokeUserSessionsData = {
    body: RevokeSessionsDto;
    path: {
        id: string;
    };
    query?: never;
    url: '/api/admin/users/{id}/sessions/revoke';
};

export type RevokeUserSessionsErrors = {
    /**
     * - `validation_failed`: the body does not match the schema; `fields` says where.
     *
     * - `malformed_json`: the body is not valid JSON.
     */
    400: ErrorEnvelopeDto;
    /**
     * - `unauthenticated`: no session cookie, or an expired, revoked or unknown session.
     */
    401: ErrorEnvelopeDto;
    /**
     * - `access_denied`: the role is not recognised, or the membership is gone.
     * - `tenant_suspended`: the tenant is not active.
     * - `insufficient_role`: aidial_operator may open the section but not perform `sessions.revoke`.
     * - `mfa_required`: the session’s MFA policy is mandatory and it is not compliant; `remediation_path` names the page that fixes it.
     * - `reauthentication_required`: a sensitive action and the session signed in longer ago than `STEP_UP_MAX_AGE_MINUTES`; `WWW-Authenticate` carries `error="insufficient_user_authentication"` and `max_age`. Sign in again (`POST /api/auth/step-up`) and repeat the request.
     *
     * - `cross_site_refused`: `Sec-Fetch-Site: cross-site`, or an `Origin` that is not the portal’s own (whatever the token).
     *
     * - `csrf_failed`: no `X-XSRF-TOKEN` header, or not the one for this session.
     */
    403: ErrorEnvelopeDto;
    /**
     * - `not_found`: no user with this id (a malformed id answers the same).
     *
     * - `not_found`: the role cannot open the `admin` section (answered as a route that does not exist).
     */
    404: ErrorEnvelopeDto;
    /**
     * - `own_membership`: an administrator ends their own sessions from their own session list.
     */
    409: ErrorEnvelopeDto;
    /**
     * - `payload_too_large`: the body is larger than 100 KiB.
     */
    413: ErrorEnvelopeDto;
    /**
     * - `unsupported_media_type`: a body that is not `application/json`.
     */
    415: ErrorEnvelopeDto;
    /**
     * - `rate_limited`: too many requests from this address whose session cookie matched no session (`FAILED_SESSION_LOOKUPS_PER_MINUTE`).
     */
    429: ErrorEnvelopeDto;
    /**
     * - `session_validation_unavailable`: the session or access context cannot be read (database down).
     */
    503: ErrorEnvelopeDto;
    /**
     * Error envelope
     */
    default: ErrorEnvelopeDto;
};

export type RevokeUserSessionsError = RevokeUserSessionsErrors[keyof RevokeUserSessionsErrors];

export type RevokeUserSessionsResponses = {
    200: SessionsRevokedDto;
};

export type RevokeUserSessionsResponse = RevokeUserSessionsResponses[keyof RevokeUserSessionsResponses];

export type GetAdminOverviewData = {
    body?: never;
    path?: never;
    query?: never;
    url: '/api/admin/overview';
};

export type GetAdminOverviewErrors = {
    /**
     * - `unauthenticated`: no session cookie, or an expired, revoked or unknown session.
     */
    401: ErrorEnvelopeDto;
    /**
     * - `access_denied`: the role is not recognised, or the membership is gone.
     * - `tenant_suspended`: the tenant is not active.
     * - `mfa_required`: the session’s MFA policy is mandatory and it is not compliant; `remediation_path` names the page that fixes it.
     */
    403: ErrorEnvelopeDto;
    /**
     * - `not_found`: the role cannot open the `admin` section (answered as a route that does not exist).
     */
    404: ErrorEnvelopeDto;
    /**
     * - `rate_limited`: too many requests from this address whose session cookie matched no session (`FAILED_SESSION_LOOKUPS_PER_MINUTE`).
     */
    429: ErrorEnvelopeDto;
    /**
     * - `session_validation_unavailable`: the session or access context cannot be read (database down).
     */
    503: ErrorEnvelopeDto;
    /**
     * Error envelope
     */
    default: ErrorEnvelopeDto;
};

export type GetAdminOverviewError = GetAdminOverviewErrors[keyof GetAdminOverviewErrors];

export type GetAdminOverviewResponses = {
    200: AdminOverviewDto;
};

export type GetAdminOverviewResponse = GetAdminOverviewResponses[keyof GetAdminOverviewResponses];

export type GetDashboardData = {
    body?: never;
    path?: never;
    query?: never;
    url: '/api/dashboard';
};

export type GetDashboardErrors = {
    /**
     * - `unauthenticated`: no session cookie, or an expired, revoked or unknown session.
     */
    401: ErrorEnvelopeDto;
    /**
     * - `access_denied`: the role is not recognised, or the membership is gone.
     * - `tenant_suspended`: the tenant is not active.
     * - `mfa_required`: the session’s MFA policy is mandatory and it is not compliant; `remediation_path` names the page that fixes it.
     */
    403: ErrorEnvelopeDto;
    /**
     * - `not_found`: the role cannot open the `dashboard` section (answered as a route that does not exist).
     */
    404: ErrorEnvelopeDto;
    /**
     * - `rate_limited`: too many requests from this address whose session cookie matched no session (`FAILED_SESSION_LOOKUPS_PER_MINUTE`).
     */
    429: ErrorEnvelopeDto;
    /**
     * - `session_validation_unavailable`: the session or access context cannot be read (database down).
     */
    503: ErrorEnvelopeDto;
    /**
     * Error envelope
     */
    default: ErrorEnvelopeDto;
};

export type GetDashboardError = GetDashboardErrors[keyof GetDashboardErrors];

export type GetDashboardResponses = {
    200: DashboardDto;
};

export type GetDashboardResponse = GetDashboardResponses[keyof GetDashboardResponses];

export type ListProjectsData = {
    body?: never;
    path?: never;
    query?: never;
    url: '/api/projects';
};

export type ListProjectsErrors = {
    /**
     * - `unauthenticated`: no session cookie, or an expired, revoked or unknown session.
     */
    401: ErrorEnvelopeDto;
    /**
     * - `access_denied`: the role is not recognised, or the membership is gone.
     * - `tenant_suspended`: the tenant is not active.
     * - `mfa_required`: the session’s MFA policy is mandatory and it is not compliant; `remediation_path` names the page that fixes it.
     */
    403: ErrorEnvelopeDto;
    /**
     * - `not_found`: the role cannot open the `dashboard` section (answered as a route that does not exist).
     */
    404: ErrorEnvelopeDto;
    /**
     * - `client_selection_required`: a partner has not selected a client.
     */
    409: ErrorEnvelopeDto;
    /**
     * - `rate_limited`: too many requests from this address whose session cookie matched no session (`FAILED_SESSION_LOOKUPS_PER_MINUTE`).
     */
    429: ErrorEnvelopeDto;
    /**
     * - `session_validation_unavailable`: the session or access context cannot be read (database down).
     */
    503: ErrorEnvelopeDto;
    /**
     * Error envelope
     */
    default: ErrorEnvelopeDto;
};

export type ListProjectsError = ListProjectsErrors[keyof ListProjectsErrors];

export type ListProjectsResponses = {
    200: WorkspaceProjectListDto;
};

export type ListProjectsResponse = ListProjectsResponses[keyof ListProjectsResponses];

export type GetProjectData = {
    body?: never;
    path: {
        id: string;
    };
    query?: never;
    url: '/api/projects/{id}';
};

export type GetProjectErrors = {
    /**
     * - `unauthenticated`: no session cookie, or an expired, revoked or unknown session.
     */
    401: ErrorEnvelopeDto;
    /**
     * - `access_denied`: the role is not recognised, or the membership is gone.
     * - `tenant_suspended`: the tenant is not active.
     * - `mfa_required`: the session’s MFA policy is mandatory and it is not compliant; `remediation_path` names the page that fixes it.
     */
    403: ErrorEnvelopeDto;
    /**
     * - `not_found`: no such id in your scope: another tenant’s, client’s or project’s id answers exactly like a missing or malformed one.
     *
     * - `not_found`: the role cannot open the `dashboard` section (answered as a route that does not exist).
     */
    404: ErrorEnvelopeDto;
    /**
     * - `client_selection_required`: a partner has not selected a client.
     */
    409: ErrorEnvelopeDto;
    /**
     * - `rate_limited`: too many requests from this address whose session cookie matched no session (`FAILED_SESSION_LOOKUPS_PER_MINUTE`).
     */
    429: ErrorEnvelopeDto;
    /**
     * - `session_validation_unavailable`: the session or access context cannot be read (database down).
     */
    503: ErrorEnvelopeDto;
    /**
     * Error envelope
     */
    default: ErrorEnvelopeDto;
};

export type GetProjectError = GetProjectErrors[keyof GetProjectErrors];

export type GetProjectResponses = {
    200: WorkspaceProjectDto;
};

export type GetProjectResponse = GetProjectResponses[keyof GetProjectResponses];

export type ListTeamMembersData = {
    body?: never;
    path?: never;
    query?: never;
    url: '/api/team/members';
};

export type ListTeamMembersErrors = {
    /**
     * - `unauthenticated`: no session cookie, or an expired, revoked or unknown session.
     */
    401: ErrorEnvelopeDto;
    /**
     * - `access_denied`: the role is not recognised, or the membership is gone.
     * - `tenant_suspended`: the tenant is not active.
     * - `mfa_required`: the session’s MFA policy is mandatory and it is not compliant; `remediation_path` names the page that fixes it.
     */
    403: ErrorEnvelopeDto;
    /**
     * - `not_found`: the role cannot open the `team` section (answered as a route that does not exist).
     */
    404: ErrorEnvelopeDto;
    /**
     * - `rate_limited`: too many requests from this address whose session cookie matched no session (`FAILED_SESSION_LOOKUPS_PER_MINUTE`).
     */
    429: ErrorEnvelopeDto;
    /**
     * - `session_validation_unavailable`: the session or access context cannot be read (database down).
     */
    503: ErrorEnvelopeDto;
    /**
     * Error envelope
     */
    default: ErrorEnvelopeDto;
};

export type ListTeamMembersError = ListTeamMembersErrors[keyof ListTeamMembersErrors];

export type ListTeamMembersResponses = {
    200: TeamMemberListDto;
};

export type ListTeamMembersResponse = ListTeamMembersResponses[keyof ListTeamMembersResponses];

export type RemoveTeamMemberData = {
    body?: never;
    path: {
        id: string;
    };
    query?: never;
    url: '/api/team/members/{id}';
};

export type RemoveTeamMemberErrors = {
    /**
     * - `malformed_json`: the body is not valid JSON.
     */
    400: ErrorEnvelopeDto;
    /**
     * - `unauthenticated`: no session cookie, or an expired, revoked or unknown session.
     */
    401: ErrorEnvelopeDto;
    /**
     * - `role_not_assignable`: a role (or a member’s role) above your own.
     *
     * - `access_denied`: the role is not recognised, or the membership is gone.
     * - `tenant_suspended`: the tenant is not active.
     * - `insufficient_role`: client_manager may open the section but not perform `team.manage`.
     * - `mfa_required`: the session’s MFA policy is mandatory and it is not compliant; `remediation_path` names the page that fixes it.
     * - `reauthentication_required`: a sensitive action and the session signed in longer ago than `STEP_UP_MAX_AGE_MINUTES`; `WWW-Authenticate` carries `error="insufficient_user_authentication"` and `max_age`. Sign in again (`POST /api/auth/step-up`) and repeat the request.
     *
     * - `cross_site_refused`: `Sec-Fetch-Site: cross-site`, or an `Origin` that is not the portal’s own (whatever the token).
     *
     * - `csrf_failed`: no `X-XSRF-TOKEN` header, or not the one for this session.
     */
    403: ErrorEnvelopeDto;
    /**
     * - `not_found`: no such id in your scope: another tenant’s, client’s or project’s id answers exactly like a missing or malformed one.
     *
     * - `not_found`: the role cannot open the `team` section (answered as a route that does not exist).
     */
    404: ErrorEnvelopeDto;
    /**
     * - `own_membership`: your own membership: your own session list and profile are the place for it.
     */
    409: ErrorEnvelopeDto;
    /**
     * - `payload_too_large`: the body is larger than 100 KiB.
     */
    413: ErrorEnvelopeDto;
    /**
     * - `unsupported_media_type`: a body that is not `application/json`.
     */
    415: ErrorEnvelopeDto;
    /**
     * - `rate_limited`: too many requests from this address whose session cookie matched no session (`FAILED_SESSION_LOOKUPS_PER_MINUTE`).
     */
    429: ErrorEnvelopeDto;
    /**
     * - `session_validation_unavailable`: the session or access context cannot be read (database down).
     */
    503: ErrorEnvelopeDto;
    /**
     * Error envelope
     */
    default: ErrorEnvelopeDto;
};

export type RemoveTeamMemberError = RemoveTeamMemberErrors[keyof RemoveTeamMemberErrors];

export type RemoveTeamMemberResponses = {
    /**
     * Removed; their sessions in this organisation end.
     */
    204: void;
};

export type RemoveTeamMemberResponse = RemoveTeamMemberResponses[keyof RemoveTeamMemberResponses];

export type GetTeamMemberData = {
    body?: never;
    path: {
        id: string;
    };
    query?: never;
    url: '/api/team/members/{id}';
};

export type GetTeamMemberErrors = {
    /**
     * - `unauthenticated`: no session cookie, or an expired, revoked or unknown session.
     */
    401: ErrorEnvelopeDto;
    /**
     * - `access_denied`: the role is not recognised, or the membership is gone.
     * - `tenant_suspended`: the tenant is not active.
     * - `mfa_required`: the session’s MFA policy is mandatory and it is not compliant; `remediation_path` names the page that fixes it.
     */
    403: ErrorEnvelopeDto;
    /**
     * - `not_found`: no such id in your scope: another tenant’s, client’s or project’s id answers exactly like a missing or malformed one.
     *
     * - `not_found`: the role cannot open the `team` section (answered as a route that does not exist).
     */
    404: ErrorEnvelopeDto;
    /**
     * - `rate_limited`: too many requests from this address whose session cookie matched no session (`FAILED_SESSION_LOOKUPS_PER_MINUTE`).
     */
    429: ErrorEnvelopeDto;
    /**
     * - `session_validation_unavailable`: the session or access context cannot be read (database down).
     */
    503: ErrorEnvelopeDto;
    /**
     * Error envelope
     */
    default: ErrorEnvelopeDto;
};

export type GetTeamMemberError = GetTeamMemberErrors[keyof GetTeamMemberErrors];

export type GetTeamMemberResponses = {
    200: TeamMemberDto;
};

export type GetTeamMemberResponse = GetTeamMemberResponses[keyof GetTeamMemberResponses];

export type ChangeTeamMemberRoleData = {
    body: TeamRoleChangeDto;
    path: {
        id: string;
    };
    query?: never;
    url: '/api/team/members/{id}/role';
};

export type ChangeTeamMemberRoleErrors = {
    /**
     * - `validation_failed`: the body or query does not match the schema; `fields` says where.
     *
     * - `malformed_json`: the body is not valid JSON.
     */
    400: ErrorEnvelopeDto;
    /**
     * - `unauthenticated`: no session cookie, or an expired, revoked or unknown session.
     */
    401: ErrorEnvelopeDto;
    /**
     * - `role_not_assignable`: a role (or a member’s role) above your own.
     *
     * - `access_denied`: the role is not recognised, or the membership is gone.
     * - `tenant_suspended`: the tenant is not active.
     * - `insufficient_role`: client_manager may open the section but not perform `team.manage`.
     * - `mfa_required`: the session’s MFA policy is mandatory and it is not compliant; `remediation_path` names the page that fixes it.
     * - `reauthentication_required`: a sensitive action and the session signed in longer ago than `STEP_UP_MAX_AGE_MINUTES`; `WWW-Authenticate` carries `error="insufficient_user_authentication"` and `max_age`. Sign in again (`POST /api/auth/step-up`) and repeat the request.
     *
     * - `cross_site_refused`: `Sec-Fetch-Site: cross-site`, or an `Origin` that is not the portal’s own (whatever the token).
     *
     * - `csrf_failed`: no `X-XSRF-TOKEN` header, or not the one for this session.
     */
    403: ErrorEnvelopeDto;
    /**
     * - `not_found`: no such id in your scope: another tenant’s, client’s or project’s id answers exactly like a missing or malformed one.
     *
     * - `not_found`: the role cannot open the `team` section (answered as a route that does not exist).
     */
    404: ErrorEnvelopeDto;
    /**
     * - `own_membership`: your own membership: your own session list and profile are the place for it.
     */
    409: ErrorEnvelopeDto;
    /**
     * - `payload_too_large`: the body is larger than 100 KiB.
     */
    413: ErrorEnvelopeDto;
    /**
     * - `unsupported_media_type`: a body that is not `application/json`.
     */
    415: ErrorEnvelopeDto;
    /**
     * - `rate_limited`: too many requests from this address whose session cookie matched no session (`FAILED_SESSION_LOOKUPS_PER_MINUTE`).
     */
    429: ErrorEnvelopeDto;
    /**
     * - `session_validation_unavailable`: the session or access context cannot be read (database down).
     */
    503: ErrorEnvelopeDto;
    /**
     * Error envelope
     */
    default: ErrorEnvelopeDto;
};

export type ChangeTeamMemberRoleError = ChangeTeamMemberRoleErrors[keyof ChangeTeamMemberRoleErrors];

export type ChangeTeamMemberRoleResponses = {
    200: TeamMemberDto;
};

export type ChangeTeamMemberRoleResponse = ChangeTeamMemberRoleResponses[keyof ChangeTeamMemberRoleResponses];

export type RevokeTeamMemberSessionsData = {
    body: RevokeSessionsDto;
    path: {
        id: string;
    };
    query?: never;
    url: '/api/team/members/{id}/sessions/revoke';
};

export type RevokeTeamMemberSessionsErrors = {
    /**
     * - `validation_failed`: the body or query does not match the schema; `fields` says where.
     *
     * - `malformed_json`: the body is not valid JSON.
     */
    400: ErrorEnvelopeDto;
    /**
     * - `unauthenticated`: no session cookie, or an expired, revoked or unknown session.
     */
    401: ErrorEnvelopeDto;
    /**
     * - `role_not_assignable`: a role (or a member’s role) above your own.
     *
     * - `access_denied`: the role is not recognised, or the membership is gone.
     * - `tenant_suspended`: the tenant is not active.
     * - `insufficient_role`: client_manager may open the section but not perform `team.manage`.
     * - `mfa_required`: the session’s MFA policy is mandatory and it is not compliant; `remediation_path` names the page that fixes it.
     * - `reauthentication_required`: a sensitive action and the session signed in longer ago than `STEP_UP_MAX_AGE_MINUTES`; `WWW-Authenticate` carries `error="insufficient_user_authentication"` and `max_age`. Sign in again (`POST /api/auth/step-up`) and repeat the request.
     *
     * - `cross_site_refused`: `Sec-Fetch-Site: cross-site`, or an `Origin` that is not the portal’s own (whatever the token).
     *
     * - `csrf_failed`: no `X-XSRF-TOKEN` header, or not the one for this session.
     */
    403: ErrorEnvelopeDto;
    /**
     * - `not_found`: no such id in your scope: another tenant’s, client’s or project’s id answers exactly like a missing or malformed one.
     *
     * - `not_found`: the role cannot open the `team` section (answered as a route that does not exist).
     */
    404: ErrorEnvelopeDto;
    /**
     * - `own_membership`: your own membership: your own session list and profile are the place for it.
     */
    409: ErrorEnvelopeDto;
    /**
     * - `payload_too_large`: the body is larger than 100 KiB.
     */
    413: ErrorEnvelopeDto;
    /**
     * - `unsupported_media_type`: a body that is not `application/json`.
     */
    415: ErrorEnvelopeDto;
    /**
     * - `rate_limited`: too many requests from this address whose session cookie matched no session (`FAILED_SESSION_LOOKUPS_PER_MINUTE`).
     */
    429: ErrorEnvelopeDto;
    /**
     * - `session_validation_unavailable`: the session or access context cannot be read (database down).
     */
    503: ErrorEnvelopeDto;
    /**
     * Error envelope
     */
    default: ErrorEnvelopeDto;
};

export type RevokeTeamMemberSessionsError = RevokeTeamMemberSessionsErrors[keyof RevokeTeamMemberSessionsErrors];

export type RevokeTeamMemberSessionsResponses = {
    200: SessionsRevokedDto;
};

export type RevokeTeamMemberSessionsResponse = RevokeTeamMemberSessionsResponses[keyof RevokeTeamMemberSessionsResponses];

export type ListTeamInvitationsData = {
    body?: never;
    path?: never;
    query?: never;
    url: '/api/team/invitations';
};

export type ListTeamInvitationsErrors = {
    /**
     * - `unauthenticated`: no session cookie, or an expired, revoked or unknown session.
     */
    401: ErrorEnvelopeDto;
    /**
     * - `access_denied`: the role is not recognised, or the membership is gone.
     * - `tenant_suspended`: the tenant is not active.
     * - `mfa_required`: the session’s MFA policy is mandatory and it is not compliant; `remediation_path` names the page that fixes it.
     */
    403: ErrorEnvelopeDto;
    /**
     * - `not_found`: the role cannot open the `team` section (answered as a route that does not exist).
     */
    404: ErrorEnvelopeDto;
    /**
     * - `rate_limited`: too many requests from this address whose session cookie matched no session (`FAILED_SESSION_LOOKUPS_PER_MINUTE`).
     */
    429: ErrorEnvelopeDto;
    /**
     * - `session_validation_unavailable`: the session or access context cannot be read (database down).
     */
    503: ErrorEnvelopeDto;
    /**
     * Error envelope
     */
    default: ErrorEnvelopeDto;
};

export type ListTeamInvitationsError = ListTeamInvitationsErrors[keyof ListTeamInvitationsErrors];

export type ListTeamInvitationsResponses = {
    200: TeamInvitationListDto;
};

export type ListTeamInvitationsResponse = ListTeamInvitationsResponses[keyof ListTeamInvitationsResponses];

export type CreateTeamInvitationData = {
    body: TeamInvitationRequestDto;
    path?: never;
    query?: never;
    url: '/api/team/invitations';
};

export type CreateTeamInvitationErrors = {
    /**
     * - `validation_failed`: the body or query does not match the schema; `fields` says where.
     *
     * - `malformed_json`: the body is not valid JSON.
     */
    400: ErrorEnvelopeDto;
    /**
     * - `unauthenticated`: no session cookie, or an expired, revoked or unknown session.
     */
    401: ErrorEnvelopeDto;
    /**
     * - `role_not_assignable`: a role (or a member’s role) above your own.
     *
     * - `access_denied`: the role is not recognised, or the membership is gone.
     * - `tenant_suspended`: the tenant is not active.
     * - `insufficient_role`: client_manager may open the section but not perform `team.manage`.
     * - `mfa_required`: the session’s MFA policy is mandatory and it is not compliant; `remediation_path` names the page that fixes it.
     *
     * - `cross_site_refused`: `Sec-Fetch-Site: cross-site`, or an `Origin` that is not the portal’s own (whatever the token).
     *
     * - `csrf_failed`: no `X-XSRF-TOKEN` header, or not the one for this session.
     */
    403: ErrorEnvelopeDto;
    /**
     * - `not_found`: the role cannot open the `team` section (answered as a route that does not exist).
     */
    404: ErrorEnvelopeDto;
    /**
     * - `member_exists`: the email is already a member.
     * - `invitation_exists`: the email already has a pending invitation.
     */
    409: ErrorEnvelopeDto;
    /**
     * - `payload_too_large`: the body is larger than 100 KiB.
     */
    413: ErrorEnvelopeDto;
    /**
     * - `unsupported_media_type`: a body that is not `application/json`.
     */
    415: ErrorEnvelopeDto;
    /**
     * - `rate_limited`: too many requests from this address whose session cookie matched no session (`FAILED_SESSION_LOOKUPS_PER_MINUTE`).
     */
    429: ErrorEnvelopeDto;
    /**
     * - `session_validation_unavailable`: the session or access context cannot be read (database down).
     */
    503: ErrorEnvelopeDto;
    /**
     * Error envelope
     */
    default: ErrorEnvelopeDto;
};

export type CreateTeamInvitationError = CreateTeamInvitationErrors[keyof CreateTeamInvitationErrors];

export type CreateTeamInvitationResponses = {
    201: TeamInvitationDto;
};

export type CreateTeamInvitationResponse = CreateTeamInvitationResponses[keyof CreateTeamInvitationResponses];

export type RevokeTeamInvitationData = {
    body?: never;
    path: {
        id: string;
    };
    query?: never;
    url: '/api/team/invitations/{id}';
};

export type RevokeTeamInvitationErrors = {
    /**
     * - `malformed_json`: the body is not valid JSON.
     */
    400: ErrorEnvelopeDto;
    /**
     * - `unauthenticated`: no session cookie, or an expired, revoked or unknown session.
     */
    401: ErrorEnvelopeDto;
    /**
     * - `access_denied`: the role is not recognised, or the membership is gone.
     * - `tenant_suspended`: the tenant is not active.
     * - `insufficient_role`: client_manager may open the section but not perform `team.manage`.
     * - `mfa_required`: the session’s MFA policy is mandatory and it is not compliant; `remediation_path` names the page that fixes it.
     *
     * - `cross_site_refused`: `Sec-Fetch-Site: cross-site`, or an `Origin` that is not the portal’s own (whatever the token).
     *
     * - `csrf_failed`: no `X-XSRF-TOKEN` header, or not the one for this session.
     */
    403: ErrorEnvelopeDto;
    /**
     * - `not_found`: no such id in your scope: another tenant’s, client’s or project’s id answers exactly like a missing or malformed one.
     *
     * - `not_found`: the role cannot open the `team` section (answered as a route that does not exist).
     */
    404: ErrorEnvelopeDto;
    /**
     * - `payload_too_large`: the body is larger than 100 KiB.
     */
    413: ErrorEnvelopeDto;
    /**
     * - `unsupported_media_type`: a body that is not `application/json`.
     */
    415: ErrorEnvelopeDto;
    /**
     * - `rate_limited`: too many requests from this address whose session cookie matched no session (`FAILED_SESSION_LOOKUPS_PER_MINUTE`).
     */
    429: ErrorEnvelopeDto;
    /**
     * - `session_validation_unavailable`: the session or access context cannot be read (database down).
     */
    503: ErrorEnvelopeDto;
    /**
     * Error envelope
     */
    default: ErrorEnvelopeDto;
};

export type RevokeTeamInvitationError = RevokeTeamInvitationErrors[keyof RevokeTeamInvitationErrors];

export type RevokeTeamInvitationResponses = {
    /**
     * Withdrawn.
     */
    204: void;
};

export type RevokeTeamInvitationResponse = RevokeTeamInvitationResponses[keyof RevokeTeamInvitationResponses];

export type ListPartnerTeamMembersData = {
    body?: never;
    path?: never;
    query?: never;
    url: '/api/partner/team/members';
};

export type ListPartnerTeamMembersErrors = {
    /**
     * - `unauthenticated`: no session cookie, or an expired, revoked or unknown session.
     */
    401: ErrorEnvelopeDto;
    /**
     * - `access_denied`: the role is not recognised, or the membership is gone.
     * - `tenant_suspended`: the tenant is not active.
     * - `mfa_required`: the session’s MFA policy is mandatory and it is not compliant; `remediation_path` names the page that fixes it.
     */
    403: ErrorEnvelopeDto;
    /**
     * - `not_found`: the role cannot open the `partner_team` section (answered as a route that does not exist).
     */
    404: ErrorEnvelopeDto;
    /**
     * - `rate_limited`: too many requests from this address whose session cookie matched no session (`FAILED_SESSION_LOOKUPS_PER_MINUTE`).
     */
    429: ErrorEnvelopeDto;
    /**
     * - `session_validation_unavailable`: the session or access context cannot be read (database down).
     */
    503: ErrorEnvelopeDto;
    /**
     * Error envelope
     */
    default: ErrorEnvelopeDto;
};

export type ListPartnerTeamMembersError = ListPartnerTeamMembersErrors[keyof ListPartnerTeamMembersErrors];

export type ListPartnerTeamMembersResponses = {
    200: TeamMemberListDto;
};

export type ListPartnerTeamMembersResponse = ListPartnerTeamMembersResponses[keyof ListPartnerTeamMembersResponses];

export type RemovePartnerTeamMemberData = {
    body?: never;
    path: {
        id: string;
    };
    query?: never;
    url: '/api/partner/team/members/{id}';
};

export type RemovePartnerTeamMemberErrors = {
    /**
     * - `malformed_json`: the body is not valid JSON.
     */
    400: ErrorEnvelopeDto;
    /**
     * - `unauthenticated`: no session cookie, or an expired, revoked or unknown session.
     */
    401: ErrorEnvelopeDto;
    /**
     * - `role_not_assignable`: a role (or a member’s role) above your own.
     *
     * - `access_denied`: the role is not recognised, or the membership is gone.
     * - `tenant_suspended`: the tenant is not active.
     * - `insufficient_role`: partner_user may open the section but not perform `partner_team.manage`.
     * - `mfa_required`: the session’s MFA policy is mandatory and it is not compliant; `remediation_path` names the page that fixes it.
     * - `reauthentication_required`: a sensitive action and the session signed in longer ago than `STEP_UP_MAX_AGE_MINUTES`; `WWW-Authenticate` carries `error="insufficient_user_authentication"` and `max_age`. Sign in again (`POST /api/auth/step-up`) and repeat the request.
     *
     * - `cross_site_refused`: `Sec-Fetch-Site: cross-site`, or an `Origin` that is not the portal’s own (whatever the token).
     *
     * - `csrf_failed`: no `X-XSRF-TOKEN` header, or not the one for this session.
     */
    403: ErrorEnvelopeDto;
    /**
     * - `not_found`: no such id in your scope: another tenant’s, client’s or project’s id answers exactly like a missing or malformed one.
     *
     * - `not_found`: the role cannot open the `partner_team` section (answered as a route that does not exist).
     */
    404: ErrorEnvelopeDto;
    /**
     * - `own_membership`: your own membership: your own session list and profile are the place for it.
     */
    409: ErrorEnvelopeDto;
    /**
     * - `payload_too_large`: the body is larger than 100 KiB.
     */
    413: ErrorEnvelopeDto;
    /**
     * - `unsupported_media_type`: a body that is not `application/json`.
     */
    415: ErrorEnvelopeDto;
    /**
     * - `rate_limited`: too many requests from this address whose session cookie matched no session (`FAILED_SESSION_LOOKUPS_PER_MINUTE`).
     */
    429: ErrorEnvelopeDto;
    /**
     * - `session_validation_unavailable`: the session or access context cannot be read (database down).
     */
    503: ErrorEnvelopeDto;
    /**
     * Error envelope
     */
    default: ErrorEnvelopeDto;
};

export type RemovePartnerTeamMemberError = RemovePartnerTeamMemberErrors[keyof RemovePartnerTeamMemberErrors];

export type RemovePartnerTeamMemberResponses = {
    /**
     * Removed; their sessions in this organisation end.
     */
    204: void;
};

export type RemovePartnerTeamMemberResponse = RemovePartnerTeamMemberResponses[keyof RemovePartnerTeamMemberResponses];

export type GetPartnerTeamMemberData = {
    body?: never;
    path: {
        id: string;
    };
    query?: never;
    url: '/api/partner/team/members/{id}';
};

export type GetPartnerTeamMemberErrors = {
    /**
     * - `unauthenticated`: no session cookie, or an expired, revoked or unknown session.
     */
    401: ErrorEnvelopeDto;
    /**
     * - `access_denied`: the role is not recognised, or the membership is gone.
     * - `tenant_suspended`: the tenant is not active.
     * - `mfa_required`: the session’s MFA policy is mandatory and it is not compliant; `remediation_path` names the page that fixes it.
     */
    403: ErrorEnvelopeDto;
    /**
     * - `not_found`: no such id in your scope: another tenant’s, client’s or project’s id answers exactly like a missing or malformed one.
     *
     * - `not_found`: the role cannot open the `partner_team` section (answered as a route that does not exist).
     */
    404: ErrorEnvelopeDto;
    /**
     * - `rate_limited`: too many requests from this address whose session cookie matched no session (`FAILED_SESSION_LOOKUPS_PER_MINUTE`).
     */
    429: ErrorEnvelopeDto;
    /**
     * - `session_validation_unavailable`: the session or access context cannot be read (database down).
     */
    503: ErrorEnvelopeDto;
    /**
     * Error envelope
     */
    default: ErrorEnvelopeDto;
};

export type GetPartnerTeamMemberError = GetPartnerTeamMemberErrors[keyof GetPartnerTeamMemberErrors];

export type GetPartnerTeamMemberResponses = {
    200: TeamMemberDto;
};

export type GetPartnerTeamMemberResponse = GetPartnerTeamMemberResponses[keyof GetPartnerTeamMemberResponses];

export type ChangePartnerTeamMemberRoleData = {
    body: PartnerTeamRoleChangeDto;
    path: {
        id: string;
    };
    query?: never;
    url: '/api/partner/team/members/{id}/role';
};

export type ChangePartnerTeamMemberRoleErrors = {
    /**
     * - `validation_failed`: the body or query does not match the schema; `fields` says where.
     *
     * - `malformed_json`: the body is not valid JSON.
     */
    400: ErrorEnvelopeDto;
    /**
     * - `unauthenticated`: no session cookie, or an expired, revoked or unknown session.
     */
    401: ErrorEnvelopeDto;
    /**
     * - `role_not_assignable`: a role (or a member’s role) above your own.
     *
     * - `access_denied`: the role is not recognised, or the membership is gone.
     * - `tenant_suspended`: the tenant is not active.
     * - `insufficient_role`: partner_user may open the section but not perform `partner_team.manage`.
     * - `mfa_required`: the session’s MFA policy is mandatory and it is not compliant; `remediation_path` names the page that fixes it.
     * - `reauthentication_required`: a sensitive action and the session signed in longer ago than `STEP_UP_MAX_AGE_MINUTES`; `WWW-Authenticate` carries `error="insufficient_user_authentication"` and `max_age`. Sign in again (`POST /api/auth/step-up`) and repeat the request.
     *
     * - `cross_site_refused`: `Sec-Fetch-Site: cross-site`, or an `Origin` that is not the portal’s own (whatever the token).
     *
     * - `csrf_failed`: no `X-XSRF-TOKEN` header, or not the one for this session.
     */
    403: ErrorEnvelopeDto;
    /**
     * - `not_found`: no such id in your scope: another tenant’s, client’s or project’s id answers exactly like a missing or malformed one.
     *
     * - `not_found`: the role cannot open the `partner_team` section (answered as a route that does not exist).
     */
    404: ErrorEnvelopeDto;
    /**
     * - `own_membership`: your own membership: your own session list and profile are the place for it.
     */
    409: ErrorEnvelopeDto;
    /**
     * - `payload_too_large`: the body is larger than 100 KiB.
     */
    413: ErrorEnvelopeDto;
    /**
     * - `unsupported_media_type`: a body that is not `application/json`.
     */
    415: ErrorEnvelopeDto;
    /**
     * - `rate_limited`: too many requests from this address whose session cookie matched no session (`FAILED_SESSION_LOOKUPS_PER_MINUTE`).
     */
    429: ErrorEnvelopeDto;
    /**
     * - `session_validation_unavailable`: the session or access context cannot be read (database down).
     */
    503: ErrorEnvelopeDto;
    /**
     * Error envelope
     */
    default: ErrorEnvelopeDto;
};

export type ChangePartnerTeamMemberRoleError = ChangePartnerTeamMemberRoleErrors[keyof ChangePartnerTeamMemberRoleErrors];

export type ChangePartnerTeamMemberRoleResponses = {
    200: TeamMemberDto;
};

export type ChangePartnerTeamMemberRoleResponse = ChangePartnerTeamMemberRoleResponses[keyof ChangePartnerTeamMemberRoleResponses];

export type RevokePartnerTeamMemberSessionsData = {
    body: RevokeSessionsDto;
    path: {
        id: string;
    };
    query?: never;
    url: '/api/partner/team/members/{id}/sessions/revoke';
};

export type RevokePartnerTeamMemberSessionsErrors = {
    /**
     * - `validation_failed`: the body or query does not match the schema; `fields` says where.
     *
     * - `malformed_json`: the body is not valid JSON.
     */
    400: ErrorEnvelopeDto;
    /**
     * - `unauthenticated`: no session cookie, or an expired, revoked or unknown session.
     */
    401: ErrorEnvelopeDto;
    /**
     * - `role_not_assignable`: a role (or a member’s role) above your own.
     *
     * - `access_denied`: the role is not recognised, or the membership is gone.
     * - `tenant_suspended`: the tenant is not active.
     * - `insufficient_role`: partner_user may open the section but not perform `partner_team.manage`.
     * - `mfa_required`: the session’s MFA policy is mandatory and it is not compliant; `remediation_path` names the page that fixes it.
     * - `reauthentication_required`: a sensitive action and the session signed in longer ago than `STEP_UP_MAX_AGE_MINUTES`; `WWW-Authenticate` carries `error="insufficient_user_authentication"` and `max_age`. Sign in again (`POST /api/auth/step-up`) and repeat the request.
     *
     * - `cross_site_refused`: `Sec-Fetch-Site: cross-site`, or an `Origin` that is not the portal’s own (whatever the token).
     *
     * - `csrf_failed`: no `X-XSRF-TOKEN` header, or not the one for this session.
     */
    403: ErrorEnvelopeDto;
    /**
     * - `not_found`: no such id in your scope: another tenant’s, client’s or project’s id answers exactly like a missing or malformed one.
     *
     * - `not_found`: the role cannot open the `partner_team` section (answered as a route that does not exist).
     */
    404: ErrorEnvelopeDto;
    /**
     * - `own_membership`: your own membership: your own session list and profile are the place for it.
     */
    409: ErrorEnvelopeDto;
    /**
     * - `payload_too_large`: the body is larger than 100 KiB.
     */
    413: ErrorEnvelopeDto;
    /**
     * - `unsupported_media_type`: a body that is not `application/json`.
     */
    415: ErrorEnvelopeDto;
    /**
     * - `rate_limited`: too many requests from this address whose session cookie matched no session (`FAILED_SESSION_LOOKUPS_PER_MINUTE`).
     */
    429: ErrorEnvelopeDto;
    /**
     * - `session_validation_unavailable`: the session or access context cannot be read (database down).
     */
    503: ErrorEnvelopeDto;
    /**
     * Error envelope
     */
    default: ErrorEnvelopeDto;
};

export type RevokePartnerTeamMemberSessionsError = RevokePartnerTeamMemberSessionsErrors[keyof RevokePartnerTeamMemberSessionsErrors];

export type RevokePartnerTeamMemberSessionsResponses = {
    200: SessionsRevokedDto;
};

export type RevokePartnerTeamMemberSessionsResponse = RevokePartnerTeamMemberSessionsResponses[keyof RevokePartnerTeamMemberSessionsResponses];

export type ListPartnerTeamInvitationsData = {
    body?: never;
    path?: never;
    query?: never;
    url: '/api/partner/team/invitations';
};

export type ListPartnerTeamInvitationsErrors = {
    /**
     * - `unauthenticated`: no session cookie, or an expired, revoked or unknown session.
     */
    401: ErrorEnvelopeDto;
    /**
     * - `access_denied`: the role is not recognised, or the membership is gone.
     * - `tenant_suspended`: the tenant is not active.
     * - `mfa_required`: the session’s MFA policy is mandatory and it is not compliant; `remediation_path` names the page that fixes it.
     */
    403: ErrorEnvelopeDto;
    /**
     * - `not_found`: the role cannot open the `partner_team` section (answered as a route that does not exist).
     */
    404: ErrorEnvelopeDto;
    /**
     * - `rate_limited`: too many requests from this address whose session cookie matched no session (`FAILED_SESSION_LOOKUPS_PER_MINUTE`).
     */
    429: ErrorEnvelopeDto;
    /**
     * - `session_validation_unavailable`: the session or access context cannot be read (database down).
     */
    503: ErrorEnvelopeDto;
    /**
     * Error envelope
     */
    default: ErrorEnvelopeDto;
};

export type ListPartnerTeamInvitationsError = ListPartnerTeamInvitationsErrors[keyof ListPartnerTeamInvitationsErrors];

export type ListPartnerTeamInvitationsResponses = {
    200: TeamInvitationListDto;
};

export type ListPartnerTeamInvitationsResponse = ListPartnerTeamInvitationsResponses[keyof ListPartnerTeamInvitationsResponses];

export type CreatePartnerTeamInvitationData = {
    body: PartnerTeamInvitationRequestDto;
    path?: never;
    query?: never;
    url: '/api/partner/team/invitations';
};

export type CreatePartnerTeamInvitationErrors = {
    /**
     * - `validation_failed`: the body or query does not match the schema; `fields` says where.
     *
     * - `malformed_json`: the body is not valid JSON.
     */
    400: ErrorEnvelopeDto;
    /**
     * - `unauthenticated`: no session cookie, or an expired, revoked or unknown session.
     */
    401: ErrorEnvelopeDto;
    /**
     * - `role_not_assignable`: a role (or a member’s role) above your own.
     *
     * - `access_denied`: the role is not recognised, or the membership is gone.
     * - `tenant_suspended`: the tenant is not active.
     * - `insufficient_role`: partner_user may open the section but not perform `partner_team.manage`.
     * - `mfa_required`: the session’s MFA policy is mandatory and it is not compliant; `remediation_path` names the page that fixes it.
     *
     * - `cross_site_refused`: `Sec-Fetch-Site: cross-site`, or an `Origin` that is not the portal’s own (whatever the token).
     *
     * - `csrf_failed`: no `X-XSRF-TOKEN` header, or not the one for this session.
     */
    403: ErrorEnvelopeDto;
    /**
     * - `not_found`: the role cannot open the `partner_team` section (answered as a route that does not exist).
     */
    404: ErrorEnvelopeDto;
    /**
     * - `member_exists`: the email is already a member.
     * - `invitation_exists`: the email already has a pending invitation.
     */
    409: ErrorEnvelopeDto;
    /**
     * - `payload_too_large`: the body is larger than 100 KiB.
     */
    413: ErrorEnvelopeDto;
    /**
     * - `unsupported_media_type`: a body that is not `application/json`.
     */
    415: ErrorEnvelopeDto;
    /**
     * - `rate_limited`: too many requests from this address whose session cookie matched no session (`FAILED_SESSION_LOOKUPS_PER_MINUTE`).
     */
    429: ErrorEnvelopeDto;
    /**
     * - `session_validation_unavailable`: the session or access context cannot be read (database down).
     */
    503: ErrorEnvelopeDto;
    /**
     * Error envelope
     */
    default: ErrorEnvelopeDto;
};

export type CreatePartnerTeamInvitationError = CreatePartnerTeamInvitationErrors[keyof CreatePartnerTeamInvitationErrors];

export type CreatePartnerTeamInvitationResponses = {
    201: TeamInvitationDto;
};

export type CreatePartnerTeamInvitationResponse = CreatePartnerTeamInvitationResponses[keyof CreatePartnerTeamInvitationResponses];

export type RevokePartnerTeamInvitationData = {
    body?: never;
    path: {
        id: string;
    };
    query?: never;
    url: '/api/partner/team/invitations/{id}';
};

export type RevokePartnerTeamInvitationErrors = {
    /**
     * - `malformed_json`: the body is not valid JSON.
     */
    400: ErrorEnvelopeDto;
    /**
     * - `unauthenticated`: no session cookie, or an expired, revoked or unknown session.
     */
    401: ErrorEnvelopeDto;
    /**
     * - `access_denied`: the role is not recognised, or the membership is gone.
     * - `tenant_suspended`: the tenant is not active.
     * - `insufficient_role`: partner_user may open the section but not perform `partner_team.manage`.
     * - `mfa_required`: the session’s MFA policy is mandatory and it is not compliant; `remediation_path` names the page that fixes it.
     *
     * - `cross_site_refused`: `Sec-Fetch-Site: cross-site`, or an `Origin` that is not the portal’s own (whatever the token).
     *
     * - `csrf_failed`: no `X-XSRF-TOKEN` header, or not the one for this session.
     */
    403: ErrorEnvelopeDto;
    /**
     * - `not_found`: no such id in your scope: another tenant’s, client’s or project’s id answers exactly like a missing or malformed one.
     *
     * - `not_found`: the role cannot open the `partner_team` section (answered as a route that does not exist).
     */
    404: ErrorEnvelopeDto;
    /**
     * - `payload_too_large`: the body is larger than 100 KiB.
     */
    413: ErrorEnvelopeDto;
    /**
     * - `unsupported_media_type`: a body that is not `application/json`.
     */
    415: ErrorEnvelopeDto;
    /**
     * - `rate_limited`: too many requests from this address whose session cookie matched no session (`FAILED_SESSION_LOOKUPS_PER_MINUTE`).
     */
    429: ErrorEnvelopeDto;
    /**
     * - `session_validation_unavailable`: the session or access context cannot be read (database down).
     */
    503: ErrorEnvelopeDto;
    /**
     * Error envelope
     */
    default: ErrorEnvelopeDto;
};

export type RevokePartnerTeamInvitationError = RevokePartnerTeamInvitationErrors[keyof RevokePartnerTeamInvitationErrors];

export type RevokePartnerTeamInvitationResponses = {
    /**
     * Withdrawn.
     */
    204: void;
};

export type RevokePartnerTeamInvitationResponse = RevokePartnerTeamInvitationResponses[keyof RevokePartnerTeamInvitationResponses];

export type ListPartnerClientsData = {
    body?: never;
    path?: never;
    query?: never;
    url: '/api/partner/clients';
};

export type ListPartnerClientsErrors = {
    /**
     * - `unauthenticated`: no session cookie, or an expired, revoked or unknown session.
     */
    401: ErrorEnvelopeDto;
    /**
     * - `access_denied`: the role is not recognised, or the membership is gone.
     * - `tenant_suspended`: the tenant is not active.
     * - `mfa_required`: the session’s MFA policy is mandatory and it is not compliant; `remediation_path` names the page that fixes it.
     */
    403: ErrorEnvelopeDto;
    /**
     * - `not_found`: the role cannot open the `partner_clients` section (answered as a route that does not exist).
     */
    404: ErrorEnvelopeDto;
    /**
     * - `rate_limited`: too many requests from this address whose session cookie matched no session (`FAILED_SESSION_LOOKUPS_PER_MINUTE`).
     */
    429: ErrorEnvelopeDto;
    /**
     * - `session_validation_unavailable`: the session or access context cannot be read (database down).
     */
    503: ErrorEnvelopeDto;
    /**
     * Error envelope
     */
    default: ErrorEnvelopeDto;
};

export type ListPartnerClientsError = ListPartnerClientsErrors[keyof ListPartnerClientsErrors];

export type ListPartnerClientsResponses = {
    200: PartnerClientListDto;
};

export type ListPartnerClientsResponse = ListPartnerClientsResponses[keyof ListPartnerClientsResponses];

export type GetPartnerClientData = {
    body?: never;
    path: {
        id: string;
    };
    query?: never;
    url: '/api/partner/clients/{id}';
};

export type GetPartnerClientErrors = {
    /**
     * - `unauthenticated`: no session cookie, or an expired, revoked or unknown session.
     */
    401: ErrorEnvelopeDto;
    /**
     * - `access_denied`: the role is not recognised, or the membership is gone.
     * - `tenant_suspended`: the tenant is not active.
     * - `mfa_required`: the session’s MFA policy is mandatory and it is not compliant; `remediation_path` names the page that fixes it.
     */
    403: ErrorEnvelopeDto;
    /**
     * - `not_found`: no such id in your scope: another tenant’s, client’s or project’s id answers exactly like a missing or malformed one.
     *
     * - `not_found`: the role cannot open the `partner_clients` section (answered as a route that does not exist).
     */
    404: ErrorEnvelopeDto;
    /**
     * - `rate_limited`: too many requests from this address whose session cookie matched no session (`FAILED_SESSION_LOOKUPS_PER_MINUTE`).
     */
    429: ErrorEnvelopeDto;
    /**
     * - `session_validation_unavailable`: the session or access context cannot be read (database down).
     */
    503: ErrorEnvelopeDto;
    /**
     * Error envelope
     */
    default: ErrorEnvelopeDto;
};

export type GetPartnerClientError = GetPartnerClientErrors[keyof GetPartnerClientErrors];

export type GetPartnerClientResponses = {
    200: PartnerClientDetailDto;
};

export type GetPartnerClientResponse = GetPartnerClientResponses[keyof GetPartnerClientResponses];

export type SelectPartnerClientData = {
    body: ClientSelectionRequestDto;
    path?: never;
    query?: never;
    url: '/api/partner/client-selection';
};

export type SelectPartnerClientErrors = {
    /**
     * - `validation_failed`: the body or query does not match the schema; `fields` says where.
     *
     * - `malformed_json`: the body is not valid JSON.
     */
    400: ErrorEnvelopeDto;
    /**
     * - `unauthenticated`: no session cookie, or an expired, revoked or unknown session.
     */
    401: ErrorEnvelopeDto;
    /**
     * - `access_denied`: the role is not recognised, or the membership is gone.
     * - `tenant_suspended`: the tenant is not active.
     * - `mfa_required`: the session’s MFA policy is mandatory and it is not compliant; `remediation_path` names the page that fixes it.
     *
     * - `cross_site_refused`: `Sec-Fetch-Site: cross-site`, or an `Origin` that is not the portal’s own (whatever the token).
     *
     * - `csrf_failed`: no `X-XSRF-TOKEN` header, or not the one for this session.
     */
    403: ErrorEnvelopeDto;
    /**
     * - `not_found`: no such id in your scope: another tenant’s, client’s or project’s id answers exactly like a missing or malformed one.
     *
     * - `not_found`: the role cannot open the `partner_clients` section (answered as a route that does not exist).
     */
    404: ErrorEnvelopeDto;
    /**
     * - `client_not_active`: the client is managed by you but not active.
     */
    409: ErrorEnvelopeDto;
    /**
     * - `payload_too_large`: the body is larger than 100 KiB.
     */
    413: ErrorEnvelopeDto;
    /**
     * - `unsupported_media_type`: a body that is not `application/json`.
     */
    415: ErrorEnvelopeDto;
    /**
     * - `rate_limited`: too many requests from this address whose session cookie matched no session (`FAILED_SESSION_LOOKUPS_PER_MINUTE`).
     */
    429: ErrorEnvelopeDto;
    /**
     * - `session_validation_unavailable`: the session or access context cannot be read (database down).
     */
    503: ErrorEnvelopeDto;
    /**
     * Error envelope
     */
    default: ErrorEnvelopeDto;
};

export type SelectPartnerClientError = SelectPartnerClientErrors[keyof SelectPartnerClientErrors];

export type SelectPartnerClientResponses = {
    200: ClientSelectionDto;
};

export type SelectPartnerClientResponse = SelectPartnerClientResponses[keyof SelectPartnerClientResponses];

export type ListPartnerProjectsData = {
    body?: never;
    path?: never;
    query?: {
        /**
         * Only this managed client’s projects. Any other id answers 404 `not_found`.
         */
        client_id?: string;
    };
    url: '/api/partner/projects';
};

export type ListPartnerProjectsErrors = {
    /**
     * - `validation_failed`: the body or query does not match the schema; `fields` says where.
     */
    400: ErrorEnvelopeDto;
    /**
     * - `unauthenticated`: no session cookie, or an expired, revoked or unknown session.
     */
    401: ErrorEnvelopeDto;
    /**
     * - `access_denied`: the role is not recognised, or the membership is gone.
     * - `tenant_suspended`: the tenant is not active.
     * - `mfa_required`: the session’s MFA policy is mandatory and it is not compliant; `remediation_path` names the page that fixes it.
     */
    403: ErrorEnvelopeDto;
    /**
     * - `not_found`: no such id in your scope: another tenant’s, client’s or project’s id answers exactly like a missing or malformed one.
     *
     * - `not_found`: the role cannot open the `partner_projects` section (answered as a route that does not exist).
     */
    404: ErrorEnvelopeDto;
    /**
     * - `rate_limited`: too many requests from this address whose session cookie matched no session (`FAILED_SESSION_LOOKUPS_PER_MINUTE`).
     */
    429: ErrorEnvelopeDto;
    /**
     * - `session_validation_unavailable`: the session or access context cannot be read (database down).
     */
    503: ErrorEnvelopeDto;
    /**
     * Error envelope
     */
    default: ErrorEnvelopeDto;
};

export type ListPartnerProjectsError = ListPartnerProjectsErrors[keyof ListPartnerProjectsErrors];

export type ListPartnerProjectsResponses = {
    200: PartnerProjectListDto;
};

export type ListPartnerProjectsResponse = ListPartnerProjectsResponses[keyof ListPartnerProjectsResponses];

export type GetPartnerProjectData = {
    body?: never;
    path: {
        id: string;
    };
    query?: never;
    url: '/api/partner/projects/{id}';
};

export type GetPartnerProjectErrors = {
    /**
     * - `unauthenticated`: no session cookie, or an expired, revoked or unknown session.
     */
    401: ErrorEnvelopeDto;
    /**
     * - `access_denied`: the role is not recognised, or the membership is gone.
     * - `tenant_suspended`: the tenant is not active.
     * - `mfa_required`: the session’s MFA policy is mandatory and it is not compliant; `remediation_path` names the page that fixes it.
     */
    403: ErrorEnvelopeDto;
    /**
     * - `not_found`: no such id in your scope: another tenant’s, client’s or project’s id answers exactly like a missing or malformed one.
     *
     * - `not_found`: the role cannot open the `partner_projects` section (answered as a route that does not exist).
     */
    404: ErrorEnvelopeDto;
    /**
     * - `rate_limited`: too many requests from this address whose session cookie matched no session (`FAILED_SESSION_LOOKUPS_PER_MINUTE`).
     */
    429: ErrorEnvelopeDto;
    /**
     * - `session_validation_unavailable`: the session or access context cannot be read (database down).
     */
    503: ErrorEnvelopeDto;
    /**
     * Error envelope
     */
    default: ErrorEnvelopeDto;
};

export type GetPartnerProjectError = GetPartnerProjectErrors[keyof GetPartnerProjectErrors];

export type GetPartnerProjectResponses = {
    200: PartnerProjectDto;
};

export type GetPartnerProjectResponse = GetPartnerProjectResponses[keyof GetPartnerProjectResponses];

export type ListV1ProjectsData = {
    body?: never;
    path?: never;
    query?: never;
    url: '/v1/projects';
};

export type ListV1ProjectsErrors = {
    /**
     * - `api_key_invalid`: no `X-API-Key`, or a malformed, unknown, wrong, expired or revoked one (the same answer for all).
     */
    401: ErrorEnvelopeDto;
    /**
     * - `browser_credentials_refused`: an `X-API-Key` sent with `Origin`, `Sec-Fetch-Site` (or `-Dest`, `-User`) or `Cookie`.
     * - `tenant_suspended`: the key’s tenant is not active.
     * - `api_key_scope_missing`: the key does not hold `projects:read`.
     */
    403: ErrorEnvelopeDto;
    /**
     * - `not_found`: the key creator’s role cannot open the `dashboard` section.
     */
    404: ErrorEnvelopeDto;
    /**
     * - `rate_limited`: this key made `V1_REQUESTS_PER_MINUTE` requests in the current minute.
     */
    429: ErrorEnvelopeDto;
    /**
     * - `service_unavailable`: the key cannot be checked (database down).
     */
    503: ErrorEnvelopeDto;
    /**
     * Error envelope
     */
    default: ErrorEnvelopeDto;
};

export type ListV1ProjectsError = ListV1ProjectsErrors[keyof ListV1ProjectsErrors];

export type ListV1ProjectsResponses = {
    200: PartnerProjectListDto;
};

export type ListV1ProjectsResponse = ListV1ProjectsResponses[keyof ListV1ProjectsResponses];

export type GetV1ProjectData = {
    body?: never;
    path: {
        id: string;
    };
    query?: never;
    url: '/v1/projects/{id}';
};

export type GetV1ProjectErrors = {
    /**
     * - `api_key_invalid`: no `X-API-Key`, or a malformed, unknown, wrong, expired or revoked one (the same answer for all).
     */
    401: ErrorEnvelopeDto;
    /**
     * - `browser_credentials_refused`: an `X-API-Key` sent with `Origin`, `Sec-Fetch-Site` (or `-Dest`, `-User`) or `Cookie`.
     * - `tenant_suspended`: the key’s tenant is not active.
     * - `api_key_scope_missing`: the key does not hold `projects:read`.
     */
    403: ErrorEnvelopeDto;
    /**
     * - `not_found`: no such project for this key: another tenant’s, another client’s or a malformed id.
     *
     * - `not_found`: the key creator’s role cannot open the `dashboard` section.
     */
    404: ErrorEnvelopeDto;
    /**
     * - `rate_limited`: this key made `V1_REQUESTS_PER_MINUTE` requests in the current minute.
     */
    429: ErrorEnvelopeDto;
    /**
     * - `service_unavailable`: the key cannot be checked (database down).
     */
    503: ErrorEnvelopeDto;
    /**
     * Error envelope
     */
    default: ErrorEnvelopeDto;
};

export type GetV1ProjectError = GetV1ProjectErrors[keyof GetV1ProjectErrors];

export type GetV1ProjectResponses = {
    200: PartnerProjectDto;
};

export type GetV1ProjectResponse = GetV1ProjectResponses[keyof GetV1ProjectResponses];
