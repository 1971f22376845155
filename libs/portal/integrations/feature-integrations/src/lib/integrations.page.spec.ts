import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatDialog } from '@angular/material/dialog';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { provideApiClient } from '@aidial/portal/api-client';
import { SessionStore } from '@aidial/portal/core';
import { INTEGRATIONS_ROUTES } from './integrations.routes';

const settle = () => new Promise((resolve) => setTimeout(resolve));

const sessionFor = (role: string, kind: string) => ({
  user: { display_name: 'Someone', email: 'someone@example.com' },
  role,
  tenant: { id: 't-1', name: 'Northwind Partners', kind, status: 'active' },
  client: null,
  project_scope: { kind: 'all', project_ids: [] },
  sign_in: { amr: ['pwd'], multi_factor: false, authenticated_at: '2026-01-01T00:00:00Z' },
  expires_at: '2999-01-01T00:00:00Z',
  absolute_expires_at: '2999-01-01T00:00:00Z',
});
const listing = (id: string, overrides: Record<string, unknown> = {}) => ({
  id,
  name: `Key ${id}`,
  public_id: `pub${id}`,
  prefix: `aidial_pub${id}_`,
  last_four: 'abcd',
  scopes: ['whoami'],
  client_id: null,
  client_name: null,
  project_ids: null,
  created_by_id: 'u-1',
  created_by_name: 'Priya Natarajan',
  created_at: '2026-11-23T10:00:00.000Z',
  expires_at: '2099-02-21T10:00:00.000Z',
  last_used_at: null,
  last_used_ip: null,
  last_used_user_agent: null,
  revoked_at: null,
  rotated_from_id: null,
  status: 'active',
  ...overrides,
});
const list = (items: unknown[], canManage: boolean) => ({
  items,
  grantable_scopes: ['whoami', 'projects:read', 'platform:read'],
  can_manage: canManage,
  max_lifetime_days: 365,
});

describe('IntegrationsPage', () => {
  let http: HttpTestingController;

  async function open(role: string, kind: string, canManage: boolean) {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'integrations', children: INTEGRATIONS_ROUTES }]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideApiClient({ baseUrl: '' }),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    const loaded = TestBed.inject(SessionStore).ensureLoaded();
    await settle();
    http.expectOne('/api/session').flush(sessionFor(role, kind));
    await loaded;
    const harness = await RouterTestingHarness.create('/integrations');
    await settle();
    http.expectOne('/api/integrations/keys').flush(list([listing('k-1')], canManage));
    if (kind === 'partner') {
      http.expectOne('/api/partner/clients').flush({
        items: [{ id: 'c-1', name: 'Acme Health', status: 'active', project_count: 2, selected: false }],
      });
    }
    await render(harness);
    return { harness, page: harness.routeNativeElement as HTMLElement };
  }

  async function render(harness: RouterTestingHarness) {
    await settle();
    harness.detectChanges();
    await harness.fixture.whenStable();
  }

  const button = (root: ParentNode, name: string) =>
    [...root.querySelectorAll<HTMLButtonElement>('button')].find(
      (candidate) => candidate.textContent?.replace(/\s+/g, ' ').trim() === name,
    );
  const overlay = () => document.querySelector('.cdk-overlay-container') ?? document.body;

  afterEach(() => {
    http.verify();
    document.querySelector('.cdk-overlay-container')?.replaceChildren();
  });

  it('is read-only for partner_user, with a note', async () => {
    const { page } = await open('partner_user', 'partner', false);
    expect(page.querySelector('.read-only-note')?.textContent).toContain('Only a partner administrator');
    expect(button(page, 'Create an API key')).toBeUndefined();
    expect(page.querySelector('aidial-api-keys-table code.key')?.textContent).toBe('aidial_pubk-1_…abcd');
    expect(page.querySelectorAll('aidial-api-keys-table button')).toHaveLength(0);
  });

  it('creates a key and shows its secret once, then drops it when the dialog closes', async () => {
    const { harness, page } = await open('partner_admin', 'partner', true);
    button(page, 'Create an API key')?.click();
    await render(harness);
    const name = overlay().querySelector<HTMLInputElement>('input[formcontrolname="name"]');
    if (!name) throw new Error('no name field');
    name.value = 'CRM sync';
    name.dispatchEvent(new Event('input'));
    overlay().querySelector<HTMLFormElement>('form')?.dispatchEvent(new Event('submit'));
    await settle();
    const request = http.expectOne({ method: 'POST', url: '/api/integrations/keys' });
    expect(request.request.body).toEqual({ name: 'CRM sync', scopes: ['whoami'], expires_in_days: 90 });
    request.flush({ ...listing('k-2', { name: 'CRM sync' }), key: 'aidial_pubk-2_THESECRETTHESECRET' });
    await render(harness);
    expect(overlay().querySelector<HTMLInputElement>('#api-key-secret')?.value).toBe(
      'aidial_pubk-2_THESECRETTHESECRET',
    );
    expect(overlay().textContent).toContain('You will not see it again');

    button(overlay(), 'Done')?.click();
    await render(harness);
    await settle();
    expect(document.querySelector('#api-key-secret')).toBeNull();
    expect(document.body.innerHTML).not.toContain('THESECRET');
    expect(page.textContent).toContain('The API key was created.');
    expect(page.querySelectorAll('aidial-api-keys-table tbody tr')).toHaveLength(2);
  });

  it('revokes a key after confirmation', async () => {
    const { harness, page } = await open('aidial_admin', 'internal', true);
    button(page, 'Revoke Key k-1 ending abcd')?.click();
    await render(harness);
    expect(overlay().textContent).toContain('Revoke Key k-1?');
    button(overlay(), 'Revoke key')?.click();
    await settle();
    await settle();
    http
      .expectOne({ method: 'DELETE', url: '/api/integrations/keys/k-1' })
      .flush(null, { status: 204, statusText: 'No Content' });
    await settle();
    http.expectOne('/api/integrations/keys').flush(list([listing('k-1', { status: 'revoked' })], true));
    await render(harness);
    await render(harness);
    expect(page.textContent).toContain('Key k-1 was revoked.');
  });

  it('rotates a key: the new secret once, and until when the old key keeps working', async () => {
    const { harness, page } = await open('partner_admin', 'partner', true);
    button(page, 'Rotate Key k-1 ending abcd')?.click();
    await render(harness);
    expect(overlay().querySelector('h2')?.textContent).toBe('Rotate Key k-1?');
    button(overlay(), 'Rotate key')?.click();
    await settle();
    const request = http.expectOne({ method: 'POST', url: '/api/integrations/keys/k-1/rotate' });
    expect(request.request.body).toEqual({ overlap_hours: 24 });
    request.flush({ ...listing('k-2', { rotated_from_id: 'k-1' }), key: 'aidial_pubk-2_ROTATEDSECRETROTATED' });
    await settle();
    http
      .expectOne('/api/integrations/keys')
      .flush(list([listing('k-2'), listing('k-1', { expires_at: '2026-11-24T10:00:00.000Z' })], true));
    await render(harness);
    await render(harness);
    expect(overlay().querySelector<HTMLInputElement>('#api-key-secret')?.value).toBe(
      'aidial_pubk-2_ROTATEDSECRETROTATED',
    );
    expect(overlay().querySelector('[data-testid="overlap-note"]')?.textContent).toContain(
      'The old key keeps working until Nov 24, 2026',
    );
    button(overlay(), 'Done')?.click();
    await render(harness);
    await settle();
    expect(document.body.innerHTML).not.toContain('ROTATEDSECRET');
    expect(page.textContent).toContain('Key k-1 was rotated.');
  });

  it("limits a partner's key to a client and some of its projects", async () => {
    const { harness, page } = await open('partner_admin', 'partner', true);
    button(page, 'Create an API key')?.click();
    await render(harness);
    const dialog = document.querySelector('aidial-create-api-key-dialog');
    const form = (harness.fixture.debugElement.injector.get(MatDialog).openDialogs[0]?.componentInstance ?? null) as {
      form: {
        controls: {
          name: { setValue(value: string): void };
          clientId: { setValue(value: string): void };
          projectIds: { setValue(value: string[]): void };
        };
      };
    } | null;
    if (!dialog || !form) throw new Error('no create dialog');
    form.form.controls.name.setValue('Recalls export');
    form.form.controls.clientId.setValue('c-1');
    await settle();
    http.expectOne('/api/partner/projects?client_id=c-1').flush({
      items: [{ id: 'p-1', name: 'Outbound reminders', status: 'active', client: { id: 'c-1', name: 'Acme Health' } }],
    });
    form.form.controls.projectIds.setValue(['p-1']);
    await render(harness);
    dialog.querySelector<HTMLFormElement>('form')?.dispatchEvent(new Event('submit'));
    await settle();
    const request = http.expectOne({ method: 'POST', url: '/api/integrations/keys' });
    expect(request.request.body).toEqual({
      name: 'Recalls export',
      scopes: ['whoami'],
      expires_in_days: 90,
      client_id: 'c-1',
      project_ids: ['p-1'],
    });
    request.flush({ ...listing('k-3'), key: 'aidial_pubk-3_PARTNERSECRETPARTNER' });
    await render(harness);
    button(overlay(), 'Done')?.click();
    await render(harness);
  });
});
