import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideApiClient } from '@aidial/portal/api-client';
import { ApiKeysStore } from './api-keys.store';

const settle = () => new Promise((resolve) => setTimeout(resolve));

const listing = (id: string, overrides: Record<string, unknown> = {}) => ({
  id,
  name: `Key ${id}`,
  public_id: `pub${id}`,
  prefix: `aidial_pub${id}_`,
  last_four: 'abcd',
  scopes: ['whoami', 'platform:read'],
  client_id: null,
  client_name: null,
  project_ids: null,
  created_by_id: 'u-1',
  created_by_name: 'Priya Natarajan',
  created_at: '2026-11-23T10:00:00.000Z',
  expires_at: '2027-02-21T10:00:00.000Z',
  last_used_at: null,
  last_used_ip: null,
  last_used_user_agent: null,
  revoked_at: null,
  rotated_from_id: null,
  status: 'active',
  ...overrides,
});
const list = (items: unknown[]) => ({
  items,
  grantable_scopes: ['whoami', 'projects:read', 'platform:read'],
  can_manage: true,
  max_lifetime_days: 365,
});

describe('ApiKeysStore', () => {
  let http: HttpTestingController;
  let store: ApiKeysStore;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [ApiKeysStore, provideHttpClient(), provideHttpClientTesting(), provideApiClient({ baseUrl: '' })],
    });
    http = TestBed.inject(HttpTestingController);
    store = TestBed.inject(ApiKeysStore);
    const loading = store.load();
    await settle();
    http.expectOne('/api/integrations/keys').flush(list([listing('k-1')]));
    await loading;
  });

  afterEach(() => http.verify());

  it('reads the keys, the grantable scopes and whether the role may manage them', () => {
    const state = store.state();
    expect(state.kind === 'loaded' && state.keys.map((key) => key.id)).toEqual(['k-1']);
    expect(state.kind === 'loaded' && [state.grantableScopes, state.canManage, state.maxLifetimeDays]).toEqual([
      ['whoami', 'projects:read', 'platform:read'],
      true,
      365,
    ]);
  });

  it('creates a key, hands the secret back once, and lists the key without it', async () => {
    const creating = store.create({
      name: 'CRM sync',
      scopes: ['whoami', 'platform:read'],
      expiresInDays: 90,
      clientId: 'c-1',
      projectIds: null,
    });
    await settle();
    const request = http.expectOne({ method: 'POST', url: '/api/integrations/keys' });
    expect(request.request.body).toEqual({
      name: 'CRM sync',
      scopes: ['whoami', 'platform:read'],
      expires_in_days: 90,
      client_id: 'c-1',
    });
    request.flush(
      { ...listing('k-2'), key: 'aidial_pubk-2_SECRETSECRETSECRETSECRET' },
      { status: 201, statusText: 'Created' },
    );
    const result = await creating;
    expect(result.ok && result.data.key).toBe('aidial_pubk-2_SECRETSECRETSECRETSECRET');
    expect(store.keys().map((key) => key.id)).toEqual(['k-2', 'k-1']);
    expect(JSON.stringify(store.state())).not.toContain('SECRET');
  });

  it('rotates with the overlap window, then reads the list again', async () => {
    const rotating = store.rotate('k-1', 24);
    await settle();
    const request = http.expectOne({ method: 'POST', url: '/api/integrations/keys/k-1/rotate' });
    expect(request.request.body).toEqual({ overlap_hours: 24 });
    request.flush({ ...listing('k-3', { rotated_from_id: 'k-1' }), key: 'aidial_pubk-3_NEWSECRETNEWSECRETNEW' });
    await settle();
    http
      .expectOne('/api/integrations/keys')
      .flush(list([listing('k-3'), listing('k-1', { expires_at: '2026-11-24T10:00:00.000Z' })]));
    const result = await rotating;
    expect(result.ok && result.data.key).toBe('aidial_pubk-3_NEWSECRETNEWSECRETNEW');
    expect(store.keys().map((key) => key.expires_at)).toEqual(['2027-02-21T10:00:00.000Z', '2026-11-24T10:00:00.000Z']);
    expect(JSON.stringify(store.state())).not.toContain('NEWSECRET');
  });

  it('revokes a key and keeps the refusal of one that is no longer active', async () => {
    const revoking = store.revoke('k-1');
    await settle();
    http
      .expectOne({ method: 'DELETE', url: '/api/integrations/keys/k-1' })
      .flush(
        { code: 'api_key_not_active', message: 'This key is revoked or expired.', request_id: 'req-7' },
        { status: 409, statusText: 'Conflict' },
      );
    expect(await revoking).toBe(false);
    expect(store.changeProblem()?.requestId).toBe('req-7');

    const again = store.revoke('k-1');
    await settle();
    http
      .expectOne({ method: 'DELETE', url: '/api/integrations/keys/k-1' })
      .flush(null, { status: 204, statusText: 'No Content' });
    await settle();
    http.expectOne('/api/integrations/keys').flush(list([listing('k-1', { status: 'revoked' })]));
    expect(await again).toBe(true);
    expect(store.keys()[0]?.status).toBe('revoked');
  });
});
