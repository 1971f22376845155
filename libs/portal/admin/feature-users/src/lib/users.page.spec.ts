import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter } from '@angular/router';
import { MatSelect } from '@angular/material/select';
import { By } from '@angular/platform-browser';
import { RouterTestingHarness } from '@angular/router/testing';
import { provideApiClient } from '@aidial/portal/api-client';
import { SessionStore } from '@aidial/portal/core';
import { ADMIN_USERS_ROUTES } from './users.routes';

const settle = () => new Promise((resolve) => setTimeout(resolve));

const sessionFor = (role: string) => ({
  user: { display_name: 'Someone', email: 'someone@aidial.example' },
  role,
  tenant: { id: 'a-1', name: 'AiDial', kind: 'internal', status: 'active' },
  client: null,
  project_scope: { kind: 'all', project_ids: [] },
  sign_in: { amr: ['pwd', 'otp', 'mfa'], multi_factor: true, authenticated_at: '2026-01-01T00:00:00Z' },
  expires_at: '2999-01-01T00:00:00Z',
  absolute_expires_at: '2999-01-01T00:00:00Z',
});
const user = {
  id: 'u-1',
  email: 'sofia.rossi@acme-health.example',
  display_name: 'Sofia Rossi',
  status: 'active',
  memberships: [
    {
      tenant: { id: 't-1', name: 'Acme Health', kind: 'customer', status: 'active' },
      role: 'client_staff',
      role_recognised: true,
      project_scope: 'selected',
    },
  ],
  created_at: '2026-01-01T00:00:00Z',
};

describe('admin Users pages', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;

  async function open(url: string, role: string) {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'admin/users', children: ADMIN_USERS_ROUTES }]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideApiClient({ baseUrl: '' }),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    const loaded = TestBed.inject(SessionStore).ensureLoaded();
    await settle();
    http.expectOne('/api/session').flush(sessionFor(role));
    await loaded;
    harness = await RouterTestingHarness.create(url);
    await settle();
  }

  const page = () => harness.routeNativeElement as HTMLElement;
  async function rendered() {
    await settle();
    harness.detectChanges();
    await harness.fixture.whenStable();
  }

  afterEach(() => http.verify());

  it('lists users with their memberships', async () => {
    await open('/admin/users', 'aidial_operator');
    http.expectOne('/api/admin/users').flush({ items: [user], next_cursor: null });
    await rendered();
    const cells = [...page().querySelectorAll('tbody tr')[0].children].map((cell) =>
      cell.textContent?.replace(/\s+/g, ' ').trim(),
    );
    expect(cells).toEqual(['Sofia Rossi', 'sofia.rossi@acme-health.example', 'Active', 'Acme Health — Client Staff']);
  });

  it('is read-only for aidial_operator on the detail page', async () => {
    await open('/admin/users/u-1', 'aidial_operator');
    http.expectOne('/api/admin/users/u-1').flush(user);
    await rendered();
    expect(page().querySelector('h1')?.textContent).toBe('Sofia Rossi');
    expect(page().querySelector('.read-only-note')?.textContent?.replace(/\s+/g, ' ')).toContain(
      'limited to AiDial administrators',
    );
    expect(page().querySelector('mat-select')).toBeNull();
    expect(page().querySelectorAll('button')).toHaveLength(0);
  });

  it('offers aidial_admin a role select and membership removal', async () => {
    await open('/admin/users/u-1', 'aidial_admin');
    http.expectOne('/api/admin/users/u-1').flush(user);
    await rendered();
    expect(page().querySelector('mat-label')?.textContent?.trim()).toBe('Role in Acme Health');
    const remove = page().querySelector('button');
    expect(remove?.textContent?.trim()).toBe('Remove membership in Acme Health');
    expect(remove?.classList).toContain('aidial-destructive');
  });

  describe('changes that ask first', () => {
    const buttonNamed = (root: ParentNode, name: string) =>
      [...root.querySelectorAll<HTMLButtonElement>('button')].find((button) => button.textContent?.trim() === name);
    const overlay = () => document.querySelector('.cdk-overlay-container') as HTMLElement;

    afterEach(() => document.querySelector('.cdk-overlay-container')?.replaceChildren());

    it('assigns a role only after a confirmation naming the person, the tenant and both roles', async () => {
      await open('/admin/users/u-1', 'aidial_admin');
      http.expectOne('/api/admin/users/u-1').flush(user);
      await rendered();
      const select = harness.routeDebugElement?.query(By.directive(MatSelect)).componentInstance as MatSelect;
      select.open();
      await rendered();
      [...overlay().querySelectorAll<HTMLElement>('mat-option')]
        .find((option) => option.textContent?.trim() === 'Client Manager')
        ?.click();
      await rendered();
      expect(select.triggerValue).toBe('Client Staff');
      expect(overlay().querySelector('h2')?.textContent).toBe('Make Sofia Rossi a Client Manager?');
      expect(overlay().textContent).toContain('Sofia Rossi is Client Staff now.');
      expect(overlay().textContent).toContain('They are signed out of Acme Health at once');
      http.expectNone('/api/admin/users/u-1/memberships/t-1');

      buttonNamed(overlay(), 'Cancel')?.click();
      await rendered();
      http.expectNone('/api/admin/users/u-1/memberships/t-1');
      expect(select.triggerValue).toBe('Client Staff');
    });
  });

  describe('Sign out all sessions', () => {
    const buttonNamed = (root: ParentNode, name: string) =>
      [...root.querySelectorAll<HTMLButtonElement>('button')].find((button) => button.textContent?.trim() === name);
    const overlay = () => document.querySelector('.cdk-overlay-container') as HTMLElement;

    afterEach(() => document.querySelector('.cdk-overlay-container')?.replaceChildren());

    it('is not offered to aidial_operator', async () => {
      await open('/admin/users/u-1', 'aidial_operator');
      http.expectOne('/api/admin/users/u-1').flush(user);
      await rendered();
      expect(buttonNamed(page(), 'Sign out all sessions')).toBeUndefined();
    });

    it('asks aidial_admin for a note, sends it, and announces how many sessions ended', async () => {
      await open('/admin/users/u-1', 'aidial_admin');
      http.expectOne('/api/admin/users/u-1').flush(user);
      await rendered();
      buttonNamed(page(), 'Sign out all sessions')?.click();
      await rendered();
      expect(overlay().querySelector('h2')?.textContent).toBe('Sign out all sessions of Sofia Rossi?');
      const note = overlay().querySelector<HTMLTextAreaElement>('textarea');
      if (!note) throw new Error('no note field');
      expect(note.getAttribute('maxlength')).toBe('500');
      note.value = '  Reported a lost phone.  ';
      note.dispatchEvent(new Event('input'));
      overlay().querySelector<HTMLFormElement>('form')?.dispatchEvent(new Event('submit'));
      await rendered();
      await settle();
      const request = http.expectOne({ method: 'POST', url: '/api/admin/users/u-1/sessions/revoke' });
      expect(request.request.body).toEqual({ note: 'Reported a lost phone.' });
      request.flush({ revoked: 1 });
      await rendered();
      expect([...page().querySelectorAll('[role="status"]')].map((element) => element.textContent?.trim())).toContain(
        '1 session ended.',
      );
    });

    it('sends nothing when cancelled', async () => {
      await open('/admin/users/u-1', 'aidial_admin');
      http.expectOne('/api/admin/users/u-1').flush(user);
      await rendered();
      buttonNamed(page(), 'Sign out all sessions')?.click();
      await rendered();
      buttonNamed(overlay(), 'Cancel')?.click();
      await rendered();
      http.expectNone('/api/admin/users/u-1/sessions/revoke');
    });
  });
});
