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
import { PARTNER_TEAM_ROUTES, TEAM_ROUTES } from './team.routes';

const settle = () => new Promise((resolve) => setTimeout(resolve));

const sessionFor = (role: string, kind = 'customer') => ({
  user: { display_name: 'Someone', email: 'someone@example.com' },
  role,
  tenant: { id: 't-1', name: 'Acme Health', kind, status: 'active' },
  client: null,
  project_scope: { kind: 'all', project_ids: [] },
  sign_in: { amr: ['pwd'], multi_factor: false, authenticated_at: '2026-01-01T00:00:00Z' },
  expires_at: '2999-01-01T00:00:00Z',
  absolute_expires_at: '2999-01-01T00:00:00Z',
});
const member = (id: string, role: string, isYou = false) => ({
  id,
  user_id: `u-${id}`,
  email: `${id}@example.com`,
  display_name: `Member ${id}`,
  role,
  project_scope: 'all',
  is_you: isYou,
});

const buttonNamed = (root: ParentNode, name: string) =>
  [...root.querySelectorAll<HTMLButtonElement>('button')].find((button) => button.textContent?.trim() === name);

async function render(harness: RouterTestingHarness) {
  await settle();
  harness.detectChanges();
  await harness.fixture.whenStable();
}

describe('TeamPage', () => {
  let http: HttpTestingController;

  async function open(url: string, role: string, kind = 'customer', others?: ReturnType<typeof member>[]) {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'team', children: TEAM_ROUTES },
          { path: 'partner/team', children: PARTNER_TEAM_ROUTES },
        ]),
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
    const harness = await RouterTestingHarness.create(url);
    await settle();
    const base = url === '/team' ? '/api/team' : '/api/partner/team';
    http.expectOne(`${base}/members`).flush({
      items: [
        member('me', role, true),
        ...(others ?? [member('m-2', kind === 'partner' ? 'partner_user' : 'client_staff')]),
      ],
    });
    http.expectOne(`${base}/invitations`).flush({ items: [] });
    await settle();
    harness.detectChanges();
    return { harness, page: harness.routeNativeElement as HTMLElement };
  }

  afterEach(() => http.verify());

  it('is read-only for client_manager, with a visible note', async () => {
    const { page } = await open('/team', 'client_manager');
    expect(page.querySelector('h1')?.textContent).toBe('Team');
    expect(page.querySelector('.read-only-note')?.textContent?.trim()).toBe(
      'You can see your team. Only a client administrator can invite members, change roles or remove members.',
    );
    expect(page.querySelector('form')).toBeNull();
    expect(page.querySelectorAll('aidial-members-table mat-select')).toHaveLength(0);
  });

  it('offers client_admin the invite form and role changes', async () => {
    const { page } = await open('/team', 'client_admin');
    expect(page.querySelector('.read-only-note')).toBeNull();
    expect(page.querySelector('form[aria-labelledby="invite-heading"]')).not.toBeNull();
    expect(page.querySelectorAll('aidial-members-table mat-select')).toHaveLength(1);
  });

  it("shows the API's field errors under the invite form's fields", async () => {
    const { harness, page } = await open('/team', 'client_admin');
    const email = page.querySelector<HTMLInputElement>('input[type="email"]');
    if (!email) throw new Error('no email field');
    email.value = 'new@example.com';
    email.dispatchEvent(new Event('input'));
    // Pick the role through the form control: mat-select's overlay is not what this test is about.
    const component = harness.routeDebugElement?.componentInstance as {
      inviteForm: { controls: { role: { setValue(value: string): void } } };
    };
    component.inviteForm.controls.role.setValue('client_staff');
    page.querySelector<HTMLFormElement>('form')?.dispatchEvent(new Event('submit'));
    await settle();
    http.expectOne({ method: 'POST', url: '/api/team/invitations' }).flush(
      {
        code: 'validation_failed',
        message: 'Check the highlighted fields.',
        request_id: 'req-1',
        fields: [{ field: 'email', message: 'This email address cannot be invited.' }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle();
    harness.detectChanges();
    expect(page.querySelector('mat-error')?.textContent?.trim()).toBe('This email address cannot be invited.');
    expect(page.querySelector('aidial-error-notice code')?.textContent).toBe('req-1');
  });

  it.each([
    ['/team', 'client_manager', 'customer'],
    ['/partner/team', 'partner_user', 'partner'],
  ])('offers %s no Sign out sessions to %s', async (url, role, kind) => {
    const { page } = await open(url, role, kind);
    expect(buttonNamed(page, 'Sign out sessions')).toBeUndefined();
  });

  it.each([
    ['/team', 'client_admin', 'customer', '/api/team'],
    ['/partner/team', 'partner_admin', 'partner', '/api/partner/team'],
  ])(
    '%s: %s signs a member out with a required note, and hears how many sessions ended',
    async (url, role, kind, base) => {
      const { harness, page } = await open(url, role, kind);
      buttonNamed(page, 'Sign out sessions')?.click();
      await render(harness);
      const overlay = document.querySelector('.cdk-overlay-container') as HTMLElement;
      expect(overlay.querySelector('h2')?.textContent).toBe('Sign out Member m-2?');
      const note = overlay.querySelector<HTMLTextAreaElement>('textarea');
      if (!note) throw new Error('no note field');

      overlay.querySelector<HTMLFormElement>('form')?.dispatchEvent(new Event('submit'));
      await render(harness);
      expect(overlay.querySelector('mat-error')?.textContent?.trim()).toBe('Enter a reason.');
      http.expectNone(`${base}/members/m-2/sessions/revoke`);

      note.value = 'Lost their laptop.';
      note.dispatchEvent(new Event('input'));
      await render(harness);
      expect(overlay.textContent).toContain('18 / 500');
      overlay.querySelector<HTMLFormElement>('form')?.dispatchEvent(new Event('submit'));
      await render(harness);
      await settle();
      const request = http.expectOne({ method: 'POST', url: `${base}/members/m-2/sessions/revoke` });
      expect(request.request.body).toEqual({ note: 'Lost their laptop.' });
      request.flush({ revoked: 3 });
      await render(harness);
      expect(page.querySelector('[role="status"]')?.textContent).toBe('Member m-2: 3 sessions ended.');
      document.querySelector('.cdk-overlay-container')?.replaceChildren();
    },
  );

  it('is read-only for partner_user on the Partner Team', async () => {
    const { page } = await open('/partner/team', 'partner_user', 'partner');
    expect(page.querySelector('h1')?.textContent).toBe('Partner Team');
    expect(page.querySelector('.read-only-note')?.textContent).toContain('Only a partner administrator');
  });

  describe('changes that ask first', () => {
    const overlay = () => document.querySelector('.cdk-overlay-container') as HTMLElement;
    afterEach(() => document.querySelector('.cdk-overlay-container')?.replaceChildren());

    /** Chooses a role in the member's picker, as a person would (the option in the overlay). */
    async function choose(harness: RouterTestingHarness, label: string) {
      const table = harness.routeDebugElement?.query(By.css('aidial-members-table'));
      const select = table?.query(By.directive(MatSelect)).componentInstance as MatSelect;
      select.open();
      await render(harness);
      [...overlay().querySelectorAll<HTMLElement>('mat-option')]
        .find((option) => option.textContent?.trim() === label)
        ?.click();
      await render(harness);
      return select;
    }

    it('changes a role only once the manager confirms, naming the person and both roles, then says so', async () => {
      const { harness, page } = await open('/team', 'client_admin');
      const select = await choose(harness, 'Client Administrator');
      http.expectNone('/api/team/members/m-2/role');
      expect(overlay().querySelector('h2')?.textContent).toBe('Make Member m-2 a Client Administrator?');
      expect(overlay().querySelector('mat-dialog-content')?.textContent).toContain(
        'Member m-2 is Client Staff now. As a Client Administrator they will be able to',
      );
      expect(select.triggerValue).toBe('Client Staff');

      buttonNamed(overlay(), 'Make Client Administrator')?.click();
      await render(harness);
      const request = http.expectOne({ method: 'PUT', url: '/api/team/members/m-2/role' });
      expect(request.request.body).toEqual({ role: 'client_admin' });
      request.flush(member('m-2', 'client_admin'));
      await render(harness);
      expect(page.querySelector('[role="status"]')?.textContent).toBe(
        'Member m-2 is now a Client Administrator in Acme Health. Any sessions they had there ended.',
      );
      expect(select.triggerValue).toBe('Client Administrator');
    });

    it('changes nothing when cancelled, and the picker shows the role the member still has', async () => {
      const { harness, page } = await open('/team', 'client_admin');
      const select = await choose(harness, 'Client Manager');
      buttonNamed(overlay(), 'Cancel')?.click();
      await render(harness);
      http.expectNone('/api/team/members/m-2/role');
      expect(select.triggerValue).toBe('Client Staff');
      expect(page.querySelector('[role="status"]')?.textContent).toBe('');
    });

    it('gives a member with an unrecognised role a real one, the confirmation saying why they cannot use the portal', async () => {
      const { harness } = await open('/team', 'client_admin', 'customer', [member('m-3', 'billing_clerk')]);
      await choose(harness, 'Client Staff');
      expect(overlay().querySelector('h2')?.textContent).toBe('Make Member m-3 Client Staff?');
      expect(overlay().textContent).toContain("Member m-3's current role is not one the portal recognises");
      expect(overlay().textContent).not.toContain('billing_clerk');
      buttonNamed(overlay(), 'Make Client Staff')?.click();
      await render(harness);
      http.expectOne({ method: 'PUT', url: '/api/team/members/m-3/role' }).flush(member('m-3', 'client_staff'));
      await render(harness);
    });

    it('removes a member after a destructive confirmation that names them and the organisation', async () => {
      const { harness, page } = await open('/team', 'client_admin');
      buttonNamed(page, 'Remove Member m-2')?.click();
      await render(harness);
      expect(overlay().querySelector('h2')?.textContent).toBe('Remove Member m-2 from Acme Health?');
      const confirm = buttonNamed(overlay(), 'Remove member');
      expect(confirm?.classList).toContain('aidial-destructive');
      confirm?.click();
      await render(harness);
      http
        .expectOne({ method: 'DELETE', url: '/api/team/members/m-2' })
        .flush(null, { status: 204, statusText: 'No Content' });
      await render(harness);
      expect(page.querySelector('[role="status"]')?.textContent).toBe('Member m-2 was removed from Acme Health.');
      expect(page.textContent).not.toContain('m-2@example.com');
    });
  });
});
