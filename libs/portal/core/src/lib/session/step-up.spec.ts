import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideApiClient } from '@aidial/portal/api-client';
import { BROWSER_LOCATION } from '../browser-location';
import { STEP_UP_PROMPT, StepUp } from './step-up';

describe('StepUp', () => {
  let http: HttpTestingController;
  let assign: jest.Mock;
  let prompt: jest.Mock<Promise<boolean>, []>;

  function setUp(withPrompt = true): StepUp {
    assign = jest.fn();
    prompt = jest.fn<Promise<boolean>, []>();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideApiClient({ baseUrl: '' }),
        { provide: BROWSER_LOCATION, useValue: { assign } },
        ...(withPrompt ? [{ provide: STEP_UP_PROMPT, useValue: () => prompt() }] : []),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    return TestBed.inject(StepUp);
  }

  afterEach(() => http.verify());

  it('on yes, starts the sign-in with this page as the way back and goes to the identity provider', async () => {
    const stepUp = setUp();
    prompt.mockResolvedValue(true);
    const result = stepUp.request('/integrations?tab=keys');
    await new Promise((resolve) => setTimeout(resolve));
    const started = http.expectOne('/api/auth/step-up');
    expect(started.request.method).toBe('POST');
    expect(started.request.body).toEqual({ return_to: '/integrations?tab=keys' });
    started.flush({ authorization_url: 'http://idp.example/authorize?prompt=login' });
    expect(await result).toBe('redirecting');
    expect(assign).toHaveBeenCalledWith('http://idp.example/authorize?prompt=login');
  });

  it('on no, stays on the page and asks the API nothing', async () => {
    const stepUp = setUp();
    prompt.mockResolvedValue(false);
    expect(await stepUp.request('/team')).toBe('declined');
    http.expectNone('/api/auth/step-up');
    expect(assign).not.toHaveBeenCalled();
  });

  it('says it failed, and stays, when the API cannot start the sign-in', async () => {
    const stepUp = setUp();
    prompt.mockResolvedValue(true);
    const result = stepUp.request('/team');
    await new Promise((resolve) => setTimeout(resolve));
    http
      .expectOne('/api/auth/step-up')
      .flush({ code: 'identity_provider_unavailable', message: 'x', request_id: 'r' }, { status: 503, statusText: '' });
    expect(await result).toBe('failed');
    expect(assign).not.toHaveBeenCalled();
  });

  it('asks once when several answers of one page ask at once', async () => {
    const stepUp = setUp();
    let answer: (value: boolean) => void = () => undefined;
    prompt.mockReturnValueOnce(new Promise<boolean>((resolve) => (answer = resolve)));
    const first = stepUp.request('/team');
    expect(await stepUp.request('/team')).toBe('declined');
    expect(prompt).toHaveBeenCalledTimes(1);
    answer(false);
    expect(await first).toBe('declined');
  });

  it('never leaves the page when the app gives no way to ask', async () => {
    const stepUp = setUp(false);
    expect(await stepUp.request('/team')).toBe('declined');
    expect(assign).not.toHaveBeenCalled();
  });
});
