import type { AuditActorRow, AuditEventRow } from './audit-event.repository';
import {
  type AuditReader,
  type KnownNames,
  actorFilterOf,
  actorListOf,
  actorOf,
  actorReferencesOf,
  ACTOR_FILTER_PATTERN,
  referencesOf,
  targetDescriptionOf,
} from './audit-names';

const ACME = '11111111-1111-4111-8111-111111111111';
const NORTHWIND = '22222222-2222-4222-8222-222222222222';
const GONE_TENANT = '33333333-3333-4333-8333-333333333333';
const BEN = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const GRACE = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';
const NAMELESS = 'cccccccc-cccc-4ccc-8ccc-cccccccccccc';
const GONE_USER = 'dddddddd-dddd-4ddd-8ddd-dddddddddddd';
const KEY = 'eeeeeeee-eeee-4eee-8eee-eeeeeeeeeeee';
const GONE_KEY = 'ffffffff-ffff-4fff-8fff-ffffffffffff';
const INVITATION = '44444444-4444-4444-8444-444444444444';
const MEMBERSHIP = '55555555-5555-4555-8555-555555555555';

const NAMES: KnownNames = {
  people: new Map([
    [BEN, { displayName: 'Ben Ortiz', email: 'ben@acme.example' }],
    [GRACE, { displayName: 'Grace Okafor', email: 'grace@aidial.example' }],
    [NAMELESS, { displayName: null, email: 'nameless@acme.example' }],
  ]),
  tenants: new Map([
    [ACME, 'Acme Health'],
    [NORTHWIND, 'Northwind Partners'],
  ]),
  invitations: new Map([[INVITATION, { email: 'ana@acme.example', tenantId: ACME }]]),
  apiKeys: new Map([[KEY, { name: 'CRM sync', lastFour: 'a1b2', tenantId: ACME }]]),
};

const CUSTOMER: AuditReader = { internal: false, tenantIds: [ACME] };
const INTERNAL: AuditReader = { internal: true, tenantIds: null };

function row(overrides: Partial<AuditEventRow>): AuditEventRow {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    occurred_at: new Date('2026-01-01T00:00:00Z'),
    occurred_key: '2026-01-01 00:00:00+00',
    tenant_id: ACME,
    actor_user_id: BEN,
    actor_api_key_id: null,
    actor_role: 'client_admin',
    action: 'auth.sign_in',
    target_type: null,
    target_id: null,
    outcome: 'success',
    request_id: null,
    ip_coarse: null,
    user_agent: null,
    details: {},
    ...overrides,
  };
}

describe('the Audit Log in words', () => {
  describe('actors', () => {
    it.each<[string, Partial<AuditEventRow>, AuditReader, ReturnType<typeof actorOf>]>([
      [
        'a person by name and email',
        {},
        CUSTOMER,
        { kind: 'person', id: BEN, name: 'Ben Ortiz', email: 'ben@acme.example' },
      ],
      [
        'a person the identity provider gave no name by their email',
        { actor_user_id: NAMELESS },
        CUSTOMER,
        { kind: 'person', id: NAMELESS, name: 'nameless@acme.example', email: 'nameless@acme.example' },
      ],
      [
        'a person no longer known as deleted',
        { actor_user_id: GONE_USER },
        CUSTOMER,
        { kind: 'person', id: GONE_USER, name: 'User (deleted)', email: null },
      ],
      [
        'AiDial staff as "AiDial support" to a customer, never by name',
        { actor_user_id: GRACE, actor_role: 'aidial_admin' },
        CUSTOMER,
        { kind: 'aidial_support', id: 'aidial_support', name: 'AiDial support', email: null },
      ],
      [
        'AiDial staff by name to AiDial',
        { actor_user_id: GRACE, actor_role: 'aidial_operator' },
        INTERNAL,
        { kind: 'person', id: GRACE, name: 'Grace Okafor', email: 'grace@aidial.example' },
      ],
      [
        'an API key by name and last four',
        { actor_user_id: null, actor_api_key_id: KEY, actor_role: 'client_admin' },
        CUSTOMER,
        { kind: 'api_key', id: `api_key:${KEY}`, name: 'API key CRM sync …a1b2', email: null },
      ],
      [
        'a deleted API key plainly',
        { actor_user_id: null, actor_api_key_id: GONE_KEY },
        CUSTOMER,
        { kind: 'api_key', id: `api_key:${GONE_KEY}`, name: 'API key (deleted)', email: null },
      ],
      [
        'another tenant’s key without its name',
        { tenant_id: NORTHWIND, actor_user_id: null, actor_api_key_id: KEY },
        INTERNAL,
        { kind: 'api_key', id: `api_key:${KEY}`, name: 'API key', email: null },
      ],
      [
        'no actor as the system',
        { actor_user_id: null, actor_role: null },
        CUSTOMER,
        { kind: 'system', id: 'system', name: 'System', email: null },
      ],
    ])('names %s', (_case, overrides, reader, expected) => {
      expect(actorOf(row(overrides), NAMES, reader)).toEqual(expected);
    });
  });

  describe('targets', () => {
    it.each<[string, Partial<AuditEventRow>, AuditReader, string | null]>([
      ['nothing', {}, CUSTOMER, null],
      ['a user', { target_type: 'user', target_id: BEN }, CUSTOMER, 'User Ben Ortiz'],
      ['a user no longer known', { target_type: 'user', target_id: GONE_USER }, CUSTOMER, 'User (deleted)'],
      ['a sign-in of no one identified', { target_type: 'user', target_id: null }, INTERNAL, 'No user identified'],
      [
        'an AiDial staff member acting on themself, to a customer',
        { target_type: 'user', target_id: GRACE, actor_user_id: GRACE, actor_role: 'aidial_admin' },
        CUSTOMER,
        'AiDial support',
      ],
      [
        'a member (membership events name the person)',
        {
          action: 'tenancy.member.removed',
          target_type: 'membership',
          target_id: MEMBERSHIP,
          details: { user_id: BEN },
        },
        CUSTOMER,
        'Member Ben Ortiz',
      ],
      [
        'a member no longer known',
        { target_type: 'membership', target_id: MEMBERSHIP, details: { user_id: GONE_USER } },
        CUSTOMER,
        'Member (deleted)',
      ],
      ['a tenant', { target_type: 'tenant', target_id: ACME }, CUSTOMER, 'Tenant Acme Health'],
      [
        'a deleted tenant by the name it was given',
        { tenant_id: GONE_TENANT, target_type: 'tenant', target_id: GONE_TENANT, details: { name: 'Bygone Pty' } },
        INTERNAL,
        'Tenant Bygone Pty (deleted)',
      ],
      [
        'a tenant outside the reader’s scope without its name',
        { target_type: 'tenant', target_id: NORTHWIND },
        CUSTOMER,
        'Another tenant',
      ],
      [
        'a cleared client selection',
        { action: 'tenancy.client.cleared', target_type: 'tenant', target_id: null },
        CUSTOMER,
        'Client selection',
      ],
      [
        'a pending invitation by address',
        { target_type: 'invitation', target_id: INVITATION },
        CUSTOMER,
        'Invitation for ana@acme.example',
      ],
      [
        'an invitation no longer pending, by the address recorded',
        { target_type: 'invitation', target_id: GONE_USER, details: { email: 'old@acme.example' } },
        CUSTOMER,
        'Invitation for old@acme.example (no longer pending)',
      ],
      [
        'a withdrawn invitation with no address recorded',
        { action: 'tenancy.invitation.revoked', target_type: 'invitation', target_id: GONE_USER },
        CUSTOMER,
        'Invitation (no longer pending)',
      ],
      ['an API key', { target_type: 'api_key', target_id: KEY }, CUSTOMER, 'API key CRM sync …a1b2'],
      [
        'a deleted API key by the name recorded',
        { target_type: 'api_key', target_id: GONE_KEY, details: { name: 'Old sync', public_id: 'abc' } },
        CUSTOMER,
        'API key Old sync (deleted)',
      ],
      ['a deleted API key', { target_type: 'api_key', target_id: GONE_KEY }, CUSTOMER, 'API key (deleted)'],
      ['a session of the actor', { target_type: 'session', target_id: GONE_KEY }, CUSTOMER, 'Session of Ben Ortiz'],
      [
        'a session the identity provider ended',
        { actor_user_id: null, target_type: 'session', target_id: GONE_KEY },
        CUSTOMER,
        'Sign-in session',
      ],
      [
        'a route',
        { target_type: 'route', target_id: 'GET /api/team/members/:id' },
        CUSTOMER,
        'Route GET /api/team/members/:id',
      ],
      ['a support ticket', { action: 'support.ticket.created', target_type: 'ticket' }, CUSTOMER, 'Support ticket'],
      [
        'a refused support ticket',
        { action: 'support.ticket.refused', target_type: 'ticket' },
        CUSTOMER,
        'Support ticket (not created)',
      ],
      [
        'a kind of target newer than this code, without its id',
        { target_type: 'web_hook', target_id: KEY },
        CUSTOMER,
        'Web hook',
      ],
    ])('describes %s', (_case, overrides, reader, expected) => {
      expect(targetDescriptionOf(row(overrides), NAMES, reader)).toBe(expected);
    });

    it('never puts an id into a description', () => {
      const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-/i;
      for (const type of ['user', 'membership', 'tenant', 'invitation', 'api_key', 'session', 'ticket', 'other']) {
        for (const id of [BEN, GONE_USER, ACME, GONE_TENANT, INVITATION, KEY, GONE_KEY, null]) {
          for (const reader of [CUSTOMER, INTERNAL]) {
            const text = targetDescriptionOf(
              row({ target_type: type, target_id: id, details: { user_id: id } }),
              NAMES,
              reader,
            );
            expect(text ?? '').not.toMatch(uuid);
          }
        }
      }
    });
  });

  describe('what is looked up', () => {
    it('asks each owner once for every id a page names, and never for AiDial staff a customer sees as a group', () => {
      const rows = [
        row({ target_type: 'user', target_id: BEN }),
        row({ actor_user_id: GRACE, actor_role: 'aidial_admin', target_type: 'tenant', target_id: ACME }),
        row({ target_type: 'membership', target_id: MEMBERSHIP, details: { user_id: NAMELESS } }),
        row({ actor_user_id: null, actor_api_key_id: KEY, target_type: 'route', target_id: 'GET /v1/calls' }),
        row({ target_type: 'invitation', target_id: INVITATION }),
        row({ target_type: 'api_key', target_id: GONE_KEY }),
      ];
      const references = referencesOf(rows, CUSTOMER);
      expect(new Set(references.userIds)).toEqual(new Set([BEN, NAMELESS]));
      expect(references.tenantIds).toEqual([ACME]);
      expect(references.invitationIds).toEqual([INVITATION]);
      expect(new Set(references.apiKeyIds)).toEqual(new Set([KEY, GONE_KEY]));
      expect(referencesOf(rows, INTERNAL).userIds).toContain(GRACE);
    });
  });

  describe('the person picker', () => {
    const rows: AuditActorRow[] = [
      { actor_user_id: BEN, actor_api_key_id: null, staff: false },
      { actor_user_id: NAMELESS, actor_api_key_id: null, staff: false },
      { actor_user_id: GRACE, actor_api_key_id: null, staff: true },
      { actor_user_id: null, actor_api_key_id: KEY, staff: false },
      { actor_user_id: null, actor_api_key_id: null, staff: false },
    ];

    it('lists people by name, then AiDial support, API keys and System, for a customer', () => {
      expect(actorReferencesOf(rows, CUSTOMER).userIds).not.toContain(GRACE);
      expect(actorListOf(rows, NAMES, CUSTOMER).map(({ kind, name }) => [kind, name])).toEqual([
        ['person', 'Ben Ortiz'],
        ['person', 'nameless@acme.example'],
        ['aidial_support', 'AiDial support'],
        ['api_key', 'API key CRM sync …a1b2'],
        ['system', 'System'],
      ]);
    });

    it('names AiDial staff to AiDial', () => {
      expect(
        actorListOf(rows, NAMES, INTERNAL)
          .filter(({ kind }) => kind === 'person')
          .map(({ name }) => name),
      ).toEqual(['Ben Ortiz', 'Grace Okafor', 'nameless@acme.example']);
    });
  });

  describe('the actor filter', () => {
    it.each([
      [BEN, { kind: 'person', userId: BEN }],
      [BEN.toUpperCase(), { kind: 'person', userId: BEN }],
      [`api_key:${KEY}`, { kind: 'api_key', apiKeyId: KEY }],
      ['aidial_support', { kind: 'aidial_support' }],
      ['system', { kind: 'system' }],
      ['SYSTEM', { kind: 'system' }],
    ])('reads %s', (value, expected) => {
      expect(ACTOR_FILTER_PATTERN.test(value)).toBe(true);
      expect(actorFilterOf(value)).toEqual(expected);
    });

    it.each(['nope', 'api_key:nope', `${BEN} `, 'System;', `person:${BEN}`])('refuses %s', (value) => {
      expect(ACTOR_FILTER_PATTERN.test(value)).toBe(false);
    });
  });
});
