import type { INestApplication } from '@nestjs/common';
import { listRoutePolicies } from '@aidial/api/core';
import { createDocumentOnlyApp } from '../openapi/document-only-app';

/**
 * Who can reach every route of the application. A change to this list is a security review: update the expected
 * list in the same commit as the route, and say why in the message. The application is built but never started (no
 * database, no network), as the OpenAPI export builds it: the declarations are read from the controllers' metadata.
 */
const EXPECTED_ROUTE_POLICIES = [
  {
    route: 'DELETE /api/admin/users/:id/memberships/:tenantId',
    access: 'section:admin action:admin.users.assign_role step-up',
  },
  { route: 'DELETE /api/integrations/keys/:id', access: 'section:integrations action:integrations.manage step-up' },
  { route: 'DELETE /api/partner/team/invitations/:id', access: 'section:partner_team action:partner_team.manage' },
  { route: 'DELETE /api/partner/team/members/:id', access: 'section:partner_team action:partner_team.manage step-up' },
  { route: 'DELETE /api/sessions/:id', access: 'member mfa:exempt step-up' },
  { route: 'DELETE /api/team/invitations/:id', access: 'section:team action:team.manage' },
  { route: 'DELETE /api/team/members/:id', access: 'section:team action:team.manage step-up' },
  { route: 'GET /api/admin/audit-events/verify', access: 'section:admin' },
  { route: 'GET /api/admin/overview', access: 'section:admin' },
  { route: 'GET /api/admin/tenants', access: 'section:admin' },
  { route: 'GET /api/admin/tenants/:id', access: 'section:admin' },
  { route: 'GET /api/admin/users', access: 'section:admin' },
  { route: 'GET /api/admin/users/:id', access: 'section:admin' },
  { route: 'GET /api/audit-events', access: 'section:audit_log' },
  { route: 'GET /api/audit-events/actors', access: 'section:audit_log' },
  { route: 'GET /api/audit-events/export.csv', access: 'section:audit_log' },
  { route: 'GET /api/auth/callback', access: 'public' },
  { route: 'GET /api/auth/login', access: 'public' },
  { route: 'GET /api/dashboard', access: 'section:dashboard' },
  { route: 'GET /api/integrations/keys', access: 'section:integrations' },
  { route: 'GET /api/mfa/summary', access: 'member mfa:exempt' },
  { route: 'GET /api/partner/clients', access: 'section:partner_clients' },
  { route: 'GET /api/partner/clients/:id', access: 'section:partner_clients' },
  { route: 'GET /api/partner/projects', access: 'section:partner_projects' },
  { route: 'GET /api/partner/projects/:id', access: 'section:partner_projects' },
  { route: 'GET /api/partner/team/invitations', access: 'section:partner_team' },
  { route: 'GET /api/partner/team/members', access: 'section:partner_team' },
  { route: 'GET /api/partner/team/members/:id', access: 'section:partner_team' },
  { route: 'GET /api/platform/adjustments', access: 'section:admin' },
  { route: 'GET /api/platform/billing/summary', access: 'section:billing' },
  { route: 'GET /api/platform/calls', access: 'section:calls' },
  { route: 'GET /api/platform/calls/:id', access: 'section:calls' },
  { route: 'GET /api/platform/campaigns', access: 'section:partner_campaigns' },
  { route: 'GET /api/platform/capacity', access: 'section:capacity' },
  { route: 'GET /api/platform/compliance/records', access: 'section:compliance' },
  { route: 'GET /api/platform/compliance/settings', access: 'section:compliance_admin' },
  { route: 'GET /api/platform/dashboard/summary', access: 'section:dashboard' },
  { route: 'GET /api/platform/discounts', access: 'section:admin' },
  { route: 'GET /api/platform/incidents', access: 'section:admin' },
  { route: 'GET /api/projects', access: 'section:dashboard' },
  { route: 'GET /api/projects/:id', access: 'section:dashboard' },
  { route: 'GET /api/session', access: 'member mfa:exempt' },
  { route: 'GET /api/sessions', access: 'member mfa:exempt' },
  { route: 'GET /api/sessions/ended', access: 'member mfa:exempt' },
  { route: 'GET /api/support/tickets', access: 'section:support mfa:exempt' },
  { route: 'GET /api/team/invitations', access: 'section:team' },
  { route: 'GET /api/team/members', access: 'section:team' },
  { route: 'GET /api/team/members/:id', access: 'section:team' },
  { route: 'GET /health/live', access: 'public' },
  { route: 'GET /health/ready', access: 'public' },
  { route: 'GET /v1/audit-events', access: 'api_key:audit:read section:audit_log' },
  { route: 'GET /v1/platform/billing/summary', access: 'api_key:platform:read section:billing' },
  { route: 'GET /v1/platform/calls', access: 'api_key:platform:read section:calls' },
  { route: 'GET /v1/platform/calls/:id', access: 'api_key:platform:read section:calls' },
  { route: 'GET /v1/platform/campaigns', access: 'api_key:platform:read section:partner_campaigns' },
  { route: 'GET /v1/platform/capacity', access: 'api_key:platform:read section:capacity' },
  { route: 'GET /v1/platform/dashboard/summary', access: 'api_key:platform:read section:dashboard' },
  { route: 'GET /v1/projects', access: 'api_key:projects:read section:dashboard' },
  { route: 'GET /v1/projects/:id', access: 'api_key:projects:read section:dashboard' },
  { route: 'GET /v1/whoami', access: 'api_key:whoami' },
  { route: 'POST /api/admin/tenants', access: 'section:admin action:admin.tenants.create' },
  { route: 'POST /api/admin/tenants/:id/sessions/revoke', access: 'section:admin action:sessions.revoke step-up' },
  { route: 'POST /api/admin/users/:id/sessions/revoke', access: 'section:admin action:sessions.revoke step-up' },
  // Called by the identity provider, server to server, with a signed logout token (docs/sessions.md).
  { route: 'POST /api/auth/backchannel-logout', access: 'public' },
  { route: 'POST /api/auth/logout', access: 'session mfa:exempt' },
  { route: 'POST /api/auth/mfa-sms-enrol', access: 'member mfa:exempt step-up' },
  { route: 'POST /api/auth/step-up', access: 'member mfa:exempt' },
  { route: 'POST /api/integrations/keys', access: 'section:integrations action:integrations.manage step-up' },
  {
    route: 'POST /api/integrations/keys/:id/rotate',
    access: 'section:integrations action:integrations.manage step-up',
  },
  { route: 'POST /api/mfa/disable', access: 'member mfa:exempt step-up' },
  { route: 'POST /api/mfa/recovery-codes/regenerated', access: 'member mfa:exempt' },
  { route: 'POST /api/mfa/recovery-codes/reviewed', access: 'member mfa:exempt' },
  { route: 'POST /api/mfa/recovery-codes/stored', access: 'member mfa:exempt' },
  { route: 'POST /api/mfa/refresh', access: 'member mfa:exempt' },
  { route: 'POST /api/mfa/setup', access: 'member mfa:exempt' },
  { route: 'POST /api/partner/team/invitations', access: 'section:partner_team action:partner_team.manage' },
  {
    route: 'POST /api/partner/team/members/:id/sessions/revoke',
    access: 'section:partner_team action:partner_team.manage step-up',
  },
  { route: 'POST /api/session/keep-alive', access: 'member mfa:exempt' },
  { route: 'POST /api/sessions/revoke-others', access: 'member mfa:exempt step-up' },
  { route: 'POST /api/support/tickets', access: 'section:support mfa:exempt' },
  { route: 'POST /api/team/invitations', access: 'section:team action:team.manage' },
  { route: 'POST /api/team/members/:id/sessions/revoke', access: 'section:team action:team.manage step-up' },
  {
    route: 'PUT /api/admin/tenants/:id/features',
    access: 'section:admin action:admin.tenants.change_features step-up',
  },
  {
    route: 'PUT /api/admin/tenants/:id/mfa-policy',
    access: 'section:admin action:admin.tenants.change_mfa_policy step-up',
  },
  { route: 'PUT /api/admin/tenants/:id/status', access: 'section:admin action:admin.tenants.change_status step-up' },
  {
    route: 'PUT /api/admin/users/:id/memberships/:tenantId',
    access: 'section:admin action:admin.users.assign_role step-up',
  },
  { route: 'PUT /api/partner/client-selection', access: 'section:partner_clients' },
  {
    route: 'PUT /api/partner/team/members/:id/role',
    access: 'section:partner_team action:partner_team.manage step-up',
  },
  { route: 'PUT /api/team/members/:id/role', access: 'section:team action:team.manage step-up' },
];

describe('route policies', () => {
  let app: INestApplication;

  beforeAll(async () => {
    app = await createDocumentOnlyApp();
  });
  afterAll(() => app.close());

  it('declares access on every route', () => {
    const undeclared = listRoutePolicies(app).filter((policy) => policy.access === 'UNDECLARED');
    expect(undeclared).toEqual([]);
  });

  it('matches the reviewed list of who can reach what', () => {
    expect(listRoutePolicies(app)).toEqual(EXPECTED_ROUTE_POLICIES);
  });
});
