import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideApiClient } from '@aidial/portal/api-client';
import { TEAM_KIND, type TeamKind, TeamStore } from './team.store';

const settle = () => new Promise((resolve) => setTimeout(resolve));

const member = (id: string, role: string, isYou = false) => ({
  id,
  user_id: `u-${id}`,
  email: `${id}@acme-health.example`,
  display_name: `Member ${id}`,
  role,
  project_scope: 'all',
  is_you: isYou,
});
const invitation = {
  id: 'i-1',
  email: 'new@acme-health.example',
  role: 'client_staff',
  created_at: '2026-01-01T00:00:00Z',
};

describe.each<[TeamKind, string]>([
  ['team', '/api/team'],
  ['partner_team', '/api/partner/team'],
])('TeamStore (%s)', (kind, base) => {
  let http: HttpTestingController;
  let store: TeamStore;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        { provide: TEAM_KIND, useValue: kind },
        TeamStore,
        provideHttpClient(),
        provideHttpClientTesting(),
        provideApiClient({ baseUrl: '' }),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    store = TestBed.inject(TeamStore);
    const loading = store.load();
    await settle();
    http
      .expectOne(`${base}/members`)
      .flush({ items: [member('m-1', 'client_admin', true), member('m-2', 'client_staff')] });
    http.expectOne(`${base}/invitations`).flush({ items: [] });
    await loading;
  });

  afterEach(() => http.verify());

  it("signs a member out of their sessions with the manager's note, and says how many ended", async () => {
    const revoking = store.revokeSessions('m-2', 'Left the practice today.');
    expect(store.saving()).toBe(true);
    await settle();
    const request = http.expectOne({ method: 'POST', url: `${base}/members/m-2/sessions/revoke` });
    expect(request.request.body).toEqual({ note: 'Left the practice today.' });
    request.flush({ revoked: 2 });
    expect(await revoking).toBe(2);
    expect(store.saving()).toBe(false);
  });

  it('keeps the refusal of a sign-out', async () => {
    const revoking = store.revokeSessions('m-2', 'x');
    await settle();
    http.expectOne(`${base}/members/m-2/sessions/revoke`).flush(
      {
        code: 'insufficient_role',
        message: 'Your role can open this page but cannot make this change.',
        request_id: 'r-1',
      },
      { status: 403, statusText: 'Forbidden' },
    );
    expect(await revoking).toBeNull();
    expect(store.changeProblem()?.code).toBe('insufficient_role');
  });

  it('reads the members and the pending invitations', () => {
    const state = store.state();
    expect(state.kind === 'loaded' && state.members.map((item) => item.id)).toEqual(['m-1', 'm-2']);
    expect(state.kind === 'loaded' && state.invitations).toEqual([]);
  });

  it('adds an invitation once the API has made it', async () => {
    const invited = store.invite('new@acme-health.example', 'client_staff');
    await settle();
    const request = http.expectOne({ method: 'POST', url: `${base}/invitations` });
    expect(request.request.body).toEqual({ email: 'new@acme-health.example', role: 'client_staff' });
    request.flush(invitation, { status: 201, statusText: 'Created' });
    expect((await invited).ok).toBe(true);
    const state = store.state();
    expect(state.kind === 'loaded' && state.invitations).toEqual([invitation]);
  });

  it('gives back the field errors of an invitation the API refuses', async () => {
    const invited = store.invite('not-an-email', 'client_staff');
    await settle();
    http.expectOne({ method: 'POST', url: `${base}/invitations` }).flush(
      {
        code: 'validation_failed',
        message: 'Check the highlighted fields.',
        request_id: 'req-1',
        fields: [{ field: 'email', message: 'Enter a valid email address.' }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    const result = await invited;
    expect(!result.ok && result.problem.fields).toEqual([{ field: 'email', message: 'Enter a valid email address.' }]);
  });

  it("changes a member's role", async () => {
    const changed = store.changeRole('m-2', 'client_manager');
    await settle();
    const request = http.expectOne({ method: 'PUT', url: `${base}/members/m-2/role` });
    expect(request.request.body).toEqual({ role: 'client_manager' });
    request.flush(member('m-2', 'client_manager'));
    expect(await changed).toBe(true);
    expect(store.members().map((item) => item.role)).toEqual(['client_admin', 'client_manager']);
  });

  it('removes a member', async () => {
    const removed = store.removeMember('m-2');
    await settle();
    http
      .expectOne({ method: 'DELETE', url: `${base}/members/m-2` })
      .flush(null, { status: 204, statusText: 'No Content' });
    expect(await removed).toBe(true);
    expect(store.members().map((item) => item.id)).toEqual(['m-1']);
  });

  it('keeps the refusal of a change, and the list as it was', async () => {
    const removed = store.removeMember('m-2');
    await settle();
    http
      .expectOne({ method: 'DELETE', url: `${base}/members/m-2` })
      .flush(
        { code: 'insufficient_role', message: 'Your role cannot make this change.', request_id: 'req-2' },
        { status: 403, statusText: 'Forbidden' },
      );
    expect(await removed).toBe(false);
    expect(store.changeProblem()?.requestId).toBe('req-2');
    expect(store.members()).toHaveLength(2);
  });
});
