import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, type TestRequest, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { provideApiClient } from '@aidial/portal/api-client';
import { AUDIT_ACTIONS } from '@aidial/portal/audit/data-access';
import { AUDIT_ACTION_LABELS } from '@aidial/portal/audit/ui';
import { SessionStore } from '@aidial/portal/core';
import { AUDIT_LOG_ROUTES } from './audit-log.routes';

const settle = () => new Promise((resolve) => setTimeout(resolve));
const pathOf = (request: { urlWithParams: string }) => request.urlWithParams.split('?')[0];
const paramsOf = (request: { urlWithParams: string }) => new URLSearchParams(request.urlWithParams.split('?')[1] ?? '');

const TENANTS = {
  customer: { id: 't-acme', name: 'Acme Health', kind: 'customer', status: 'active' },
  partner: { id: 't-northwind', name: 'Northwind Partners', kind: 'partner', status: 'active' },
  internal: { id: 't-aidial', name: 'AiDial', kind: 'internal', status: 'active' },
} as const;

const sessionFor = (role: string, kind: keyof typeof TENANTS) => ({
  user: { display_name: 'Someone', email: 'someone@example.com' },
  role,
  tenant: TENANTS[kind],
  client: null,
  project_scope: { kind: 'all', project_ids: [] },
  sign_in: { amr: ['pwd'], multi_factor: false, authenticated_at: '2026-01-01T00:00:00Z' },
  expires_at: '2999-01-01T00:00:00Z',
  absolute_expires_at: '2999-01-01T00:00:00Z',
});

const AMELIA = {
  kind: 'person',
  id: '11111111-2222-4333-8444-555555555555',
  name: 'Amelia Hart',
  email: 'amelia.hart@acme-health.example',
};
const MARCUS = {
  kind: 'person',
  id: '22222222-3333-4444-8555-666666666666',
  name: 'Marcus Chen',
  email: 'marcus.chen@acme-health.example',
};
const SUPPORT = { kind: 'aidial_support', id: 'aidial_support', name: 'AiDial support', email: null };

const event = (id: string, tenantId = 't-acme') => ({
  id,
  occurred_at: '2026-11-23T10:00:00.000Z',
  tenant_id: tenantId,
  actor_user_id: AMELIA.id,
  actor_api_key_id: null,
  actor: AMELIA,
  actor_role: 'client_admin',
  action: 'tenancy.invitation.created',
  outcome: 'success',
  target_type: 'invitation',
  target_id: `inv-${id}`,
  target_description: `Invitation for new-${id}@acme-health.example`,
  request_id: `req-${id}`,
  ip: null,
  user_agent: null,
  details: { email: 'new@acme-health.example' },
});

describe('AuditLogPage', () => {
  let http: HttpTestingController;

  function expectEvents(): TestRequest {
    return http.expectOne((request) => pathOf(request) === '/api/audit-events');
  }

  function expectActors(): TestRequest {
    return http.expectOne((request) => pathOf(request) === '/api/audit-events/actors');
  }

  async function open(url: string, role: string, kind: keyof typeof TENANTS) {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'audit-log', children: AUDIT_LOG_ROUTES },
          { path: 'admin/audit-log', children: AUDIT_LOG_ROUTES },
        ]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideApiClient({ baseUrl: '' }),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    const loaded = TestBed.inject(SessionStore).ensureLoaded();
    await settle();
    http.expectOne('/api/session').flush(sessionFor(role, kind));
    await loaded;
    const harness = await RouterTestingHarness.create(url);
    await settle();
    return { harness, page: harness.routeNativeElement as HTMLElement };
  }

  async function render(harness: RouterTestingHarness) {
    await settle();
    harness.detectChanges();
    await harness.fixture.whenStable();
  }

  afterEach(() => http?.verify());

  it('names every event type in words', () => {
    for (const action of AUDIT_ACTIONS) expect(AUDIT_ACTION_LABELS[action]).toBeTruthy();
  });

  it('reads the filters from the address, asks the API for them, and exports the same', async () => {
    const { harness, page } = await open(
      '/audit-log?action=tenancy.invitation.created&outcome=success&target_type=invitation',
      'client_admin',
      'customer',
    );
    const request = expectEvents();
    expect(Object.fromEntries(paramsOf(request.request))).toEqual({
      action: 'tenancy.invitation.created',
      outcome: 'success',
      target_type: 'invitation',
      limit: '50',
    });
    request.flush({ items: [event('e-1')], next_cursor: null });
    expectActors().flush({ items: [AMELIA] });
    await render(harness);

    expect(page.querySelector('h1')?.textContent).toBe('Audit Log');
    expect(page.querySelector('.scope')?.textContent).toContain('Security events of Acme Health');
    expect(page.querySelector('a[download]')?.getAttribute('href')).toBe(
      '/api/audit-events/export.csv?action=tenancy.invitation.created&outcome=success&target_type=invitation',
    );
    expect(page.querySelector('[role="status"]')?.textContent).toContain('Page 1: 1 event');
    expect(page.querySelectorAll('aidial-audit-events-table tbody tr')).toHaveLength(1);
    // A customer sees one tenant: no client or tenant filter, no tenant column, no integrity check.
    const labels = [...page.querySelectorAll('mat-label')].map((label) => label.textContent);
    expect(labels).not.toContain('Client');
    expect(labels).not.toContain('Tenant');
    expect(page.querySelector('#verify-heading')).toBeNull();
    expect(page.querySelector('aidial-audit-events-table th')?.textContent).toBe('Time');
    expect([...page.querySelectorAll('aidial-audit-events-table thead th')].map((th) => th.textContent)).not.toContain(
      'Tenant',
    );
  });

  it('puts a target chosen in the list in the address, says what it is, and lets it go again', async () => {
    const { harness, page } = await open('/audit-log', 'client_manager', 'customer');
    expectEvents().flush({ items: [event('e-1')], next_cursor: null });
    expectActors().flush({ items: [AMELIA] });
    await render(harness);

    button(page, 'Show only events about Invitation for new-e-1@acme-health.example')?.click();
    await settle();
    expect(TestBed.inject(Router).url).toBe('/audit-log?target_type=invitation&target_id=inv-e-1');
    const request = expectEvents();
    expect(paramsOf(request.request).get('target_id')).toBe('inv-e-1');
    request.flush({ items: [], next_cursor: null });
    await render(harness);
    expect(page.querySelector('[role="status"]')?.textContent).toContain('No events match these filters.');
    expect(page.querySelector('.target-filter')?.textContent).toContain(
      'Only events about Invitation for new-e-1@acme-health.example.',
    );
    expect(page.querySelector('a[download]')?.getAttribute('href')).toBe(
      '/api/audit-events/export.csv?target_type=invitation&target_id=inv-e-1',
    );
    // No field asks for an id.
    expect(page.querySelector('input[formcontrolname="targetId"]')).toBeNull();

    [...page.querySelectorAll<HTMLButtonElement>('.target-filter button')][0]?.click();
    await settle();
    expect(TestBed.inject(Router).url).toBe('/audit-log?target_type=invitation');
    expectEvents().flush({ items: [event('e-1')], next_cursor: null });
    await render(harness);
    expect(page.querySelector('.target-filter')).toBeNull();
  });

  /** A button by the name a screen reader announces (its whole text). */
  function button(page: HTMLElement, name: string): HTMLButtonElement | undefined {
    return [...page.querySelectorAll<HTMLButtonElement>('button')].find(
      (candidate) => candidate.textContent?.replace(/\s+/g, ' ').trim() === name,
    );
  }

  function actorField(page: HTMLElement): HTMLInputElement {
    const field = page.querySelector<HTMLInputElement>('input[formcontrolname="actor"]');
    if (!field) throw new Error('no actor field');
    return field;
  }

  function options(): string[] {
    return [...document.querySelectorAll('mat-option')].map(
      (option) => option.textContent?.replace(/\s+/g, ' ').trim() ?? '',
    );
  }

  it('lets a person pick an actor by name or email, and filters by them', async () => {
    const { harness, page } = await open('/audit-log', 'client_admin', 'customer');
    expectEvents().flush({ items: [event('e-1')], next_cursor: null });
    expectActors().flush({ items: [AMELIA, MARCUS, SUPPORT] });
    await render(harness);

    const field = actorField(page);
    field.dispatchEvent(new Event('focusin'));
    field.value = 'marcus.c';
    field.dispatchEvent(new Event('input'));
    await render(harness);
    expect(options()).toEqual(['Marcus Chen, marcus.chen@acme-health.example']);
    field.value = '';
    field.dispatchEvent(new Event('input'));
    await render(harness);
    expect(options()).toEqual([
      'Amelia Hart, amelia.hart@acme-health.example',
      'Marcus Chen, marcus.chen@acme-health.example',
      'AiDial support, AiDial staff',
    ]);
    document.querySelectorAll<HTMLElement>('mat-option')[1]?.click();
    await render(harness);
    expect(field.value).toBe('Marcus Chen');

    page.querySelector<HTMLFormElement>('form[role="search"]')?.dispatchEvent(new Event('submit'));
    await settle();
    expect(TestBed.inject(Router).url).toBe(`/audit-log?actor=${MARCUS.id}`);
    expect(paramsOf(expectEvents().request).get('actor')).toBe(MARCUS.id);
  });

  it('shows the name of an actor the address names by id, and filters by an actor chosen in the list', async () => {
    const { harness, page } = await open(`/audit-log?actor=${MARCUS.id}`, 'client_admin', 'customer');
    expectEvents().flush({ items: [], next_cursor: null });
    expectActors().flush({ items: [AMELIA, MARCUS] });
    await render(harness);
    expect(actorField(page).value).toBe('Marcus Chen');

    [...page.querySelectorAll<HTMLButtonElement>('button')]
      .find((b) => b.textContent?.includes('Clear filters'))
      ?.click();
    await settle();
    expectEvents().flush({ items: [event('e-1')], next_cursor: null });
    await render(harness);
    button(page, 'Show only events by Amelia Hart, amelia.hart@acme-health.example')?.click();
    await settle();
    expect(TestBed.inject(Router).url).toBe(`/audit-log?actor=${AMELIA.id}`);
    expectEvents().flush({ items: [event('e-1')], next_cursor: null });
    await render(harness);
    expect(actorField(page).value).toBe('Amelia Hart');
  });

  it('refuses typed text that picked no one, before asking the API', async () => {
    const { harness, page } = await open('/audit-log', 'client_admin', 'customer');
    expectEvents().flush({ items: [], next_cursor: null });
    expectActors().flush({ items: [AMELIA] });
    await render(harness);
    const field = actorField(page);
    field.value = 'somebody';
    field.dispatchEvent(new Event('input'));
    page.querySelector<HTMLFormElement>('form[role="search"]')?.dispatchEvent(new Event('submit'));
    await render(harness);
    expect(page.querySelector('mat-error')?.textContent).toContain('Pick a person from the list');
    expect(TestBed.inject(Router).url).toBe('/audit-log');
  });

  it('says so when the people in the log cannot be listed, and still shows the events', async () => {
    const { harness, page } = await open('/audit-log', 'client_admin', 'customer');
    expectEvents().flush({ items: [event('e-1')], next_cursor: null });
    expectActors().flush(
      { code: 'internal_error', message: 'Something went wrong.', request_id: 'req-1' },
      { status: 500, statusText: 'Server Error' },
    );
    await render(harness);
    expect(page.textContent).toContain('The list of people could not be loaded.');
    expect(page.querySelectorAll('aidial-audit-events-table tbody tr')).toHaveLength(1);
  });

  it('pages to older and newer events', async () => {
    const { harness, page } = await open('/audit-log', 'client_admin', 'customer');
    expectEvents().flush({ items: [event('e-1')], next_cursor: 'cursor-2' });
    expectActors().flush({ items: [AMELIA] });
    await render(harness);
    const [newer, older] = [...page.querySelectorAll<HTMLButtonElement>('nav[aria-label="Audit event pages"] button')];
    expect(newer.disabled).toBe(true);
    older.click();
    await settle();
    const request = expectEvents();
    expect(paramsOf(request.request).get('cursor')).toBe('cursor-2');
    request.flush({ items: [event('e-2')], next_cursor: null });
    await render(harness);
    expect(page.querySelector('[role="status"]')?.textContent).toContain('Page 2');
    expect(newer.disabled).toBe(false);
    expect(older.disabled).toBe(true);
  });

  it('shows a refusal with its message and request id, and tries again', async () => {
    const { harness, page } = await open('/audit-log', 'client_admin', 'customer');
    expectEvents().flush(
      { code: 'internal_error', message: 'The audit log is unavailable.', request_id: 'req-9' },
      { status: 500, statusText: 'Server Error' },
    );
    expectActors().flush({ items: [AMELIA] });
    await render(harness);
    expect(page.querySelector('aidial-error-notice .message')?.textContent).toBe('The audit log is unavailable.');
    expect(page.querySelector('aidial-error-notice code')?.textContent).toBe('req-9');
    [...page.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent?.includes('Try again'))?.click();
    await settle();
    expectEvents().flush({ items: [], next_cursor: null });
  });

  it("gives a partner a filter by managed client, and names each event's tenant", async () => {
    const { harness, page } = await open('/audit-log?client_id=c-bluegum', 'partner_user', 'partner');
    http.expectOne('/api/partner/clients').flush({
      items: [{ id: 'c-bluegum', name: 'Bluegum Dental', status: 'active', project_count: 1, selected: false }],
    });
    const request = expectEvents();
    expect(paramsOf(request.request).get('client_id')).toBe('c-bluegum');
    request.flush({ items: [event('e-1', 'c-bluegum')], next_cursor: null });
    const actors = expectActors();
    expect(paramsOf(actors.request).get('client_id')).toBe('c-bluegum');
    actors.flush({ items: [AMELIA] });
    await render(harness);
    await render(harness);
    expect(page.querySelector('mat-select[formcontrolname="clientId"]')?.textContent).toContain('Bluegum Dental');
    const headers = [...page.querySelectorAll('aidial-audit-events-table thead th')].map((th) => th.textContent);
    expect(headers[1]).toBe('Tenant');
    expect(page.querySelector('aidial-audit-events-table tbody td:nth-child(2)')?.textContent).toBe('Bluegum Dental');
  });

  async function openAsInternal() {
    const opened = await open('/admin/audit-log', 'aidial_operator', 'internal');
    http
      .expectOne((request) => pathOf(request) === '/api/admin/tenants')
      .flush({ items: [{ id: 't-acme', name: 'Acme Health' }], next_cursor: null });
    expectEvents().flush({ items: [event('e-1')], next_cursor: null });
    expectActors().flush({ items: [AMELIA] });
    await render(opened.harness);
    return opened;
  }

  function chooseChain(harness: RouterTestingHarness, chain: string) {
    const page = harness.routeDebugElement?.componentInstance as {
      verifyForm: { controls: { chain: { setValue(value: string): void } } };
    };
    page.verifyForm.controls.chain.setValue(chain);
  }

  it('lets an internal role verify a tenant’s chain and says it is intact', async () => {
    const { harness, page } = await openAsInternal();
    chooseChain(harness, 't-acme');
    page.querySelector<HTMLFormElement>('form[aria-labelledby="verify-heading"]')?.dispatchEvent(new Event('submit'));
    await settle();
    const request = http.expectOne((candidate) => pathOf(candidate) === '/api/admin/audit-events/verify');
    expect(paramsOf(request.request).get('tenant_id')).toBe('t-acme');
    request.flush({ ok: true, checked: 42, first_broken: null });
    await render(harness);
    expect(page.querySelector('[data-testid="verify-verdict"]')?.textContent?.replace(/\s+/g, ' ').trim()).toBe(
      'Intact: the chain of Acme Health verified, 42 events checked, no broken link.',
    );
  });

  it('reports the first broken link of a chain', async () => {
    const { harness, page } = await openAsInternal();
    chooseChain(harness, 't-acme');
    page.querySelector<HTMLFormElement>('form[aria-labelledby="verify-heading"]')?.dispatchEvent(new Event('submit'));
    await settle();
    http
      .expectOne((candidate) => pathOf(candidate) === '/api/admin/audit-events/verify')
      .flush({ ok: false, checked: 7, first_broken: { id: 'e-7', seq: '7', reason: 'hash_mismatch' } });
    await render(harness);
    const verdict = page.querySelector('[data-testid="verify-verdict"]')?.textContent?.replace(/\s+/g, ' ');
    expect(verdict).toContain('Broken: the chain of Acme Health breaks at event number 7 (e-7)');
    expect(verdict).toContain('it was altered');
  });
});
