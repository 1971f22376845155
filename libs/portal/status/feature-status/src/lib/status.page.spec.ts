import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideApiClient } from '@aidial/portal/api-client';
import { CLOCK } from '@aidial/portal/core';
import { StatusPage } from './status.page';

const READY = {
  status: 'ok',
  checks: { database: { status: 'up', latency_ms: 2 }, identity_provider: { status: 'up' } },
};
const DATABASE_DOWN = {
  code: 'service_unavailable',
  message: 'The database is not reachable.',
  request_id: '3f2b8c1e-8a5d-4f5e-9a4b-2c1d0e9f8a7b',
};
const CHECKED_AT = new Date('2026-01-15T09:30:00Z');

describe('StatusPage', () => {
  let fixture: ComponentFixture<StatusPage>;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideApiClient({ baseUrl: '' }),
        { provide: CLOCK, useValue: { now: () => CHECKED_AT } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(StatusPage);
    await settle();
  });

  afterEach(() => http.verify());

  /** Lets the store's async work finish, then renders. */
  async function settle(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve));
    fixture.detectChanges();
  }

  async function answerReadiness(body: object, status = 200): Promise<void> {
    http.expectOne('/health/ready').flush(body, { status, statusText: String(status) });
    await settle();
  }

  const page = () => fixture.nativeElement as HTMLElement;
  const text = (selector: string) => page().querySelector(selector)?.textContent?.trim() ?? null;
  function healthOf(name: string): string | undefined {
    const row = [...page().querySelectorAll('.check')].find(
      (check) => check.querySelector('dt')?.textContent?.trim() === name,
    );
    return row?.querySelector('.health-label')?.textContent?.trim();
  }

  it('checks readiness when it opens and shows both rows as Checking…', async () => {
    expect(text('h1')).toBe('Status');
    expect(healthOf('API')).toBe('Checking…');
    expect(healthOf('Database')).toBe('Checking…');
    expect(page().querySelector('[role="status"]')?.getAttribute('aria-busy')).toBe('true');
    expect(page().querySelector('time')).toBeNull();
    await answerReadiness(READY);
  });

  it('shows the API and the Database Healthy, and when they were checked', async () => {
    await answerReadiness(READY);

    expect(healthOf('API')).toBe('Healthy');
    expect(healthOf('Database')).toBe('Healthy');
    expect(healthOf('Identity provider')).toBe('Healthy');
    expect(text('.details')).toBe('');
    expect(page().querySelector('time')?.getAttribute('datetime')).toBe(CHECKED_AT.toISOString());
    expect(page().querySelector('[role="status"]')?.getAttribute('aria-busy')).toBe('false');
  });

  it('shows the Database Unavailable with the message and request id of the 503 answer', async () => {
    await answerReadiness(DATABASE_DOWN, 503);

    expect(healthOf('API')).toBe('Healthy');
    expect(healthOf('Database')).toBe('Unavailable');
    expect(text('.details-message')).toBe('The database is not reachable.');
    // The request id is for support, folded away behind a summary rather than shown to everyone.
    expect(text('.for-support summary')).toBe('Details for support');
    expect(page().querySelector('.for-support')?.hasAttribute('open')).toBe(false);
    expect(text('.request-id')).toBe(DATABASE_DOWN.request_id);
  });

  it('shows the Identity provider Unavailable, and the Database Healthy, when ZITADEL refuses the API', async () => {
    await answerReadiness(
      {
        code: 'identity_provider_misconfigured',
        message: 'The API cannot use the identity provider: its service account lacks the rights the API needs.',
        request_id: '5d7c1b2a-0f3e-4d6c-8b9a-1e2f3a4b5c6d',
      },
      503,
    );

    expect(healthOf('Database')).toBe('Healthy');
    expect(healthOf('Identity provider')).toBe('Unavailable');
    expect(text('.details-message')).toContain('service account lacks the rights');
  });

  it('shows the Identity provider Not confirmed while the API could not ask it lately', async () => {
    await answerReadiness({ ...READY, checks: { ...READY.checks, identity_provider: { status: 'unknown' } } });

    expect(healthOf('Identity provider')).toBe('Not confirmed');
    expect(healthOf('Database')).toBe('Healthy');
  });

  it('shows the API and the Database Unavailable when the API cannot be reached', async () => {
    http.expectOne('/health/ready').error(new ProgressEvent('error'), { status: 0, statusText: 'Unknown Error' });
    await settle();

    expect(healthOf('API')).toBe('Unavailable');
    expect(healthOf('Database')).toBe('Unavailable');
    expect(text('.details-message')).toBe('The API did not answer. Check your connection, then refresh.');
    expect(page().querySelector('.request-id')).toBeNull();
  });

  it('checks again when Refresh is pressed', async () => {
    await answerReadiness(DATABASE_DOWN, 503);

    const refresh = [...page().querySelectorAll('button')].find((button) => button.textContent?.trim() === 'Refresh');
    refresh?.click();
    await settle();
    expect(healthOf('Database')).toBe('Checking…');

    await answerReadiness(READY);
    expect(healthOf('Database')).toBe('Healthy');
    expect(page().querySelector('.request-id')).toBeNull();
  });
});
