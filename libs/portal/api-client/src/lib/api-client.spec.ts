import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { getReadiness } from '../generated';
import { API_CLIENT, provideApiClient } from './api-client';

/** Lets the generated client's async request preparation reach HttpClient. */
const requestIssued = () => new Promise((resolve) => setTimeout(resolve));

function setUp(baseUrl: string) {
  TestBed.configureTestingModule({
    providers: [provideHttpClient(), provideHttpClientTesting(), provideApiClient({ baseUrl })],
  });
  return { client: TestBed.inject(API_CLIENT), http: TestBed.inject(HttpTestingController) };
}

describe('provideApiClient', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('sends operations through the application HttpClient to the same origin when the base URL is empty', async () => {
    const { client, http } = setUp('');
    const answer = getReadiness({ client });
    await requestIssued();
    const request = http.expectOne('/health/ready');
    expect(request.request.method).toBe('GET');
    request.flush({ status: 'ok', checks: { database: { status: 'up', latency_ms: 1 } } });
    const { data, error } = await answer;
    expect(error).toBeUndefined();
    expect(data).toEqual({ status: 'ok', checks: { database: { status: 'up', latency_ms: 1 } } });
  });

  it('prefixes the configured base URL', async () => {
    const { client, http } = setUp('https://portal.example');
    const answer = getReadiness({ client });
    await requestIssued();
    http
      .expectOne('https://portal.example/health/ready')
      .flush({ status: 'ok', checks: { database: { status: 'up', latency_ms: 1 } } });
    await answer;
  });

  it('returns an error answer as the parsed envelope with its status, without throwing', async () => {
    const { client, http } = setUp('');
    const answer = getReadiness({ client });
    await requestIssued();
    const envelope = { code: 'service_unavailable', message: 'The database is not reachable.', request_id: 'req-1' };
    http.expectOne('/health/ready').flush(envelope, { status: 503, statusText: 'Service Unavailable' });
    const { data, error, response } = await answer;
    expect(data).toBeUndefined();
    expect(error).toEqual(envelope);
    expect(response.status).toBe(503);
  });
});
