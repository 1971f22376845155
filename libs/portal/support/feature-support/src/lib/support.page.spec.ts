import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { provideApiClient } from '@aidial/portal/api-client';
import { SUPPORT_ROUTES } from './support.routes';

const requestIssued = () => new Promise((resolve) => setTimeout(resolve));

const ticket = {
  id: 't-1',
  category: 'access',
  subject: 'Cannot sign in',
  body: 'Help',
  status: 'open',
  created_at: '2026-11-23T10:00:00Z',
  created_by_id: 'u-2',
  created_by_name: 'Marcus Chen',
  is_yours: false,
};

async function open(url: string, list: { items: unknown[]; scope: string } = { items: [], scope: 'own' }) {
  TestBed.configureTestingModule({
    providers: [
      provideRouter([{ path: 'support', children: SUPPORT_ROUTES }]),
      provideHttpClient(),
      provideHttpClientTesting(),
      provideApiClient({ baseUrl: '' }),
      { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
    ],
  });
  const harness = await RouterTestingHarness.create(url);
  const http = TestBed.inject(HttpTestingController);
  await requestIssued();
  http.expectOne('/api/support/tickets').flush(list);
  await requestIssued();
  harness.detectChanges();
  await harness.fixture.whenStable();
  return { harness, http, page: harness.routeNativeElement as HTMLElement };
}

const text = (element: Element | null) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('SupportPage', () => {
  it('warns never to paste codes, cookies, tokens or keys, and keeps the contact details', async () => {
    const { page } = await open('/support');
    expect([...page.querySelectorAll('h1')].map((h1) => h1.textContent)).toEqual(['Support']);
    expect(page.querySelector('a[href="mailto:help@aidial.com.au"]')?.textContent).toBe('help@aidial.com.au');
    expect(text(page.querySelector('[role="note"]'))).toContain(
      'Never paste one-time codes, recovery codes, passwords, browser cookies, session or API tokens or keys',
    );
  });

  it("lists the organisation's tickets with who opened each", async () => {
    const { page } = await open('/support', { items: [ticket], scope: 'tenant' });
    expect(text(page.querySelector('#tickets-heading'))).toBe('Your organisation’s tickets');
    const cells = [...page.querySelectorAll('tbody td')].map(text);
    expect(cells.slice(1)).toEqual(['Cannot sign in', 'Signing in, MFA and permissions', 'Marcus Chen', 'Open']);
  });

  it('says so when there are no tickets', async () => {
    const { page } = await open('/support');
    expect(text(page)).toContain('No support tickets yet.');
    expect(text(page.querySelector('#tickets-heading'))).toBe('Your tickets');
  });

  it('pre-selects the category and subject from the address (the profile update link)', async () => {
    const { page } = await open('/support?category=account&subject=Profile%20update');
    expect(text(page.querySelector('mat-select'))).toBe('Profile and account');
    expect((page.querySelector('input[formcontrolname="subject"]') as HTMLInputElement).value).toBe('Profile update');
  });

  it('ignores a category the API does not know', async () => {
    const { page } = await open('/support?category=billing');
    expect(text(page.querySelector('mat-select'))).toBe('');
  });

  it("shows the server's secret refusal on the field it names, and lists nothing", async () => {
    const { page, http, harness } = await open('/support?category=other&subject=Help');
    const body = page.querySelector('textarea') as HTMLTextAreaElement;
    body.value = 'my token is eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abcdefghijklmnop';
    body.dispatchEvent(new Event('input'));
    (page.querySelector('button[type="submit"]') as HTMLButtonElement).click();
    await requestIssued();
    http.expectOne({ method: 'POST', url: '/api/support/tickets' }).flush(
      {
        code: 'ticket_contains_secret',
        message: 'Remove the code, token, cookie or key from your message.',
        request_id: 'r-1',
        fields: [
          { field: 'body', message: 'This looks like a token (JWT). Remove it: AiDial support never needs it.' },
        ],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await requestIssued();
    harness.detectChanges();
    await harness.fixture.whenStable();
    expect([...page.querySelectorAll('mat-error')].map(text)).toEqual([
      'This looks like a token (JWT). Remove it: AiDial support never needs it.',
    ]);
    expect(text(page.querySelector('[role="alert"]'))).toContain('Remove the code, token, cookie or key');
    expect(page.querySelector('tbody')).toBeNull();
  });

  it('lists a created ticket', async () => {
    const { page, http, harness } = await open('/support?category=access&subject=Cannot%20sign%20in');
    const body = page.querySelector('textarea') as HTMLTextAreaElement;
    body.value = 'My authenticator app was reset.';
    body.dispatchEvent(new Event('input'));
    (page.querySelector('button[type="submit"]') as HTMLButtonElement).click();
    await requestIssued();
    const request = http.expectOne({ method: 'POST', url: '/api/support/tickets' });
    expect(request.request.body).toEqual({
      category: 'access',
      subject: 'Cannot sign in',
      body: 'My authenticator app was reset.',
    });
    request.flush({ ...ticket, is_yours: true }, { status: 201, statusText: 'Created' });
    await requestIssued();
    harness.detectChanges();
    await harness.fixture.whenStable();
    expect(text(page.querySelector('[role="status"]'))).toBe('Ticket opened: Cannot sign in');
    expect([...page.querySelectorAll('tbody td')].map(text).slice(1, 4)).toEqual([
      'Cannot sign in',
      'Signing in, MFA and permissions',
      'You',
    ]);
  });
});
