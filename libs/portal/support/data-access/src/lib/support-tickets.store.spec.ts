import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { type SupportTicketDto, provideApiClient } from '@aidial/portal/api-client';
import { SupportTicketsStore } from './support-tickets.store';

const requestIssued = () => new Promise((resolve) => setTimeout(resolve));

const ticket = (overrides: Partial<SupportTicketDto> = {}): SupportTicketDto => ({
  id: 't-1',
  category: 'account',
  subject: 'Profile update',
  body: 'My surname is misspelt.',
  status: 'open',
  created_at: '2026-11-23T10:00:00Z',
  created_by_id: 'u-1',
  created_by_name: 'Oliver Bennett',
  is_yours: true,
  ...overrides,
});

async function loaded(items: SupportTicketDto[] = [ticket()]) {
  TestBed.configureTestingModule({
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      provideApiClient({ baseUrl: '' }),
      SupportTicketsStore,
    ],
  });
  const store = TestBed.inject(SupportTicketsStore);
  const http = TestBed.inject(HttpTestingController);
  const loading = store.load();
  await requestIssued();
  http.expectOne('/api/support/tickets').flush({ items, scope: 'tenant' });
  await loading;
  return { store, http };
}

describe('SupportTicketsStore', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('lists the tickets with the scope the API used', async () => {
    const { store } = await loaded();
    expect(store.state()).toEqual({ kind: 'loaded', tickets: [ticket()], scope: 'tenant' });
  });

  it('puts a created ticket at the head of the list', async () => {
    const { store, http } = await loaded();
    const creating = store.create({ category: 'access', subject: 'Locked out', body: 'I lost my phone.' });
    await requestIssued();
    const request = http.expectOne('/api/support/tickets');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ category: 'access', subject: 'Locked out', body: 'I lost my phone.' });
    const created = ticket({ id: 't-2', category: 'access', subject: 'Locked out' });
    request.flush(created, { status: 201, statusText: 'Created' });
    expect(await creating).toEqual({ kind: 'created', ticket: created });
    expect(store.tickets().map((item) => item.id)).toEqual(['t-2', 't-1']);
  });

  it('gives the field errors of ticket_contains_secret and lists nothing new', async () => {
    const { store, http } = await loaded([]);
    const creating = store.create({ category: 'other', subject: 'Token', body: 'eyJ…' });
    await requestIssued();
    http.expectOne('/api/support/tickets').flush(
      {
        code: 'ticket_contains_secret',
        message: 'Remove the code, token, cookie or key from your message.',
        request_id: 'r-3',
        fields: [
          { field: 'body', message: 'This looks like a token (JWT). Remove it: AiDial support never needs it.' },
        ],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    expect(await creating).toEqual({
      kind: 'refused',
      message: 'Remove the code, token, cookie or key from your message.',
      requestId: 'r-3',
      fields: { body: 'This looks like a token (JWT). Remove it: AiDial support never needs it.' },
    });
    expect(store.tickets()).toEqual([]);
    expect(store.saving()).toBe(false);
  });

  it('adds when to try again to the rate-limit message', async () => {
    const { store, http } = await loaded();
    const creating = store.create({ category: 'other', subject: 'Again', body: 'Hello' });
    await requestIssued();
    http.expectOne('/api/support/tickets').flush(
      {
        code: 'rate_limited',
        message: 'You have opened several support tickets in a short time. Try again in a few minutes.',
        request_id: 'r-5',
      },
      { status: 429, statusText: 'Too Many Requests', headers: { 'Retry-After': '170' } },
    );
    expect(await creating).toMatchObject({
      kind: 'refused',
      message:
        'You have opened several support tickets in a short time. Try again in a few minutes. You can open another ticket in 3 minutes.',
    });
  });
});
