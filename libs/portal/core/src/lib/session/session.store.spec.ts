import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, type TestRequest, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideApiClient } from '@aidial/portal/api-client';
import { BROWSER_LOCATION } from '../browser-location';
import { CLOCK } from '../clock';
import { SessionStore } from './session.store';

const NOW = new Date('2026-03-02T09:00:00Z');
const SESSION = {
  user: { display_name: 'Amelia Hart', email: 'amelia.hart@acme-health.example' },
  role: 'client_admin',
  tenant: { id: 't-1', name: 'Acme Health', kind: 'customer', status: 'active' },
  client: null,
  project_scope: { kind: 'all', project_ids: [] },
  expires_at: '2026-03-02T10:00:00Z',
};
const envelope = (code: string, extra: object = {}) => ({
  code,
  message: `Message for ${code}.`,
  request_id: 'r-1',
  ...extra,
});

/** The query string the request was sent with (the generated client puts it in the URL). */
const query = (request: TestRequest) => new URL(request.request.urlWithParams, 'http://portal.test').searchParams;

/** Lets the client's async request preparation reach HttpClient. */
const requestIssued = () => new Promise((resolve) => setTimeout(resolve));

describe('SessionStore', () => {
  let store: SessionStore;
  let http: HttpTestingController;
  let now: Date;
  const assign = jest.fn<void, [string]>();

  beforeEach(() => {
    now = NOW;
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideApiClient({ baseUrl: '' }),
        { provide: CLOCK, useValue: { now: () => now } },
        { provide: BROWSER_LOCATION, useValue: { assign } },
      ],
    });
    store = TestBed.inject(SessionStore);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  async function answerSession(body: object, status = 200) {
    await requestIssued();
    http.expectOne({ method: 'GET', url: '/api/session' }).flush(body, { status, statusText: String(status) });
  }

  describe('who is signed in', () => {
    it('is loading, with no session, until GET /api/session answers', async () => {
      expect(store.session()).toBeNull();
      const loaded = store.ensureLoaded();
      expect(store.loading()).toBe(true);

      await answerSession(SESSION);
      expect(await loaded).toEqual({ kind: 'signed-in', session: SESSION });
      expect(store.loading()).toBe(false);
      expect(store.session()).toEqual(SESSION);
      expect(store.role()).toBe('client_admin');
      expect(store.refusal()).toBeNull();
    });

    it('asks once however many callers ask at the same time', async () => {
      const first = store.ensureLoaded();
      const second = store.ensureLoaded();
      await answerSession(SESSION);
      expect(await first).toEqual(await second);
    });

    it('keeps the session until it expires, then asks again', async () => {
      const first = store.ensureLoaded();
      await answerSession(SESSION);
      await first;

      await store.ensureLoaded();
      await requestIssued();
      http.expectNone('/api/session');

      now = new Date('2026-03-02T10:00:00Z');
      const again = store.ensureLoaded();
      await answerSession(envelope('unauthenticated'), 401);
      expect(await again).toEqual({ kind: 'refused', refusal: { kind: 'sign-in' } });
      expect(store.session()).toBeNull();
    });

    it.each([
      {
        answer: '401 unauthenticated',
        status: 401,
        body: envelope('unauthenticated'),
        refusal: { kind: 'sign-in' },
        shows: 'sign in',
      },
      {
        answer: '403 access_denied',
        status: 403,
        body: envelope('access_denied'),
        refusal: { kind: 'access-denied', reason: 'role_not_recognised' },
        shows: 'access denied: role not recognised',
      },
      {
        answer: '403 tenant_suspended',
        status: 403,
        body: envelope('tenant_suspended'),
        refusal: { kind: 'access-denied', reason: 'tenant_suspended' },
        shows: 'access denied: tenant suspended',
      },
      {
        answer: '503 session_validation_unavailable',
        status: 503,
        body: envelope('session_validation_unavailable'),
        refusal: { kind: 'access-denied', reason: 'session_validation_unavailable' },
        shows: 'access denied: session validation unavailable',
      },
      {
        answer: '500 internal_error',
        status: 500,
        body: envelope('internal_error'),
        refusal: { kind: 'access-denied', reason: 'session_validation_unavailable' },
        shows: 'access denied: session validation unavailable',
      },
      {
        answer: "a proxy's 502 page",
        status: 502,
        body: '<html>Bad Gateway</html>',
        refusal: { kind: 'access-denied', reason: 'session_validation_unavailable' },
        shows: 'access denied: session validation unavailable',
      },
    ])('$answer: no session; the portal shows $shows', async ({ status, body, refusal }) => {
      const loaded = store.ensureLoaded();
      await requestIssued();
      http.expectOne('/api/session').flush(body, { status, statusText: String(status) });
      expect(await loaded).toEqual({ kind: 'refused', refusal });
      expect(store.refusal()).toEqual(refusal);
      expect(store.session()).toBeNull();
    });

    it('cannot validate the session when the API does not answer', async () => {
      const loaded = store.ensureLoaded();
      await requestIssued();
      http.expectOne('/api/session').error(new ProgressEvent('error'), { status: 0, statusText: 'Unknown Error' });
      expect(await loaded).toEqual({
        kind: 'refused',
        refusal: { kind: 'access-denied', reason: 'session_validation_unavailable' },
      });
    });

    it('forgets the session when told it ended', async () => {
      const loaded = store.ensureLoaded();
      await answerSession(SESSION);
      await loaded;
      store.clear();
      expect(store.session()).toBeNull();
    });
  });

  describe('starting a sign-in', () => {
    const AUTHORIZATION_URL = 'http://127.0.0.1:4011/oauth/v2/authorize?client_id=aidial-portal&login_hint=x';

    async function loginRequest() {
      await requestIssued();
      return http.expectOne(
        (request) => new URL(request.urlWithParams, 'http://portal.test').pathname === '/api/auth/login',
      );
    }

    it('asks for the JSON answer with the email and the return path, then goes to the identity provider', async () => {
      const started = store.startSignIn('amelia.hart@acme-health.example', '/status');
      const request = await loginRequest();
      expect(request.request.method).toBe('GET');
      expect(request.request.headers.get('Accept')).toBe('application/json');
      expect(query(request).get('email')).toBe('amelia.hart@acme-health.example');
      expect(query(request).get('return_to')).toBe('/status');
      request.flush({ authorization_url: AUTHORIZATION_URL });

      expect(await started).toEqual({ kind: 'redirecting' });
      expect(assign).toHaveBeenCalledWith(AUTHORIZATION_URL);
    });

    it('sends no return path when there is none', async () => {
      const started = store.startSignIn('amelia.hart@acme-health.example', undefined);
      const request = await loginRequest();
      expect(query(request).has('return_to')).toBe(false);
      request.flush({ authorization_url: AUTHORIZATION_URL });
      await started;
    });

    it('returns the field errors of a 400 validation_failed, and stays', async () => {
      const started = store.startSignIn('not-an-email', undefined);
      const fields = [{ field: 'email', message: 'Enter a valid email address.' }];
      (await loginRequest()).flush(envelope('validation_failed', { fields }), {
        status: 400,
        statusText: 'Bad Request',
      });

      expect(await started).toEqual({ kind: 'invalid', fields });
      expect(assign).not.toHaveBeenCalled();
    });

    it("returns the envelope's message for any other refusal", async () => {
      const started = store.startSignIn('amelia.hart@acme-health.example', undefined);
      (await loginRequest()).flush(envelope('rate_limited'), { status: 429, statusText: 'Too Many Requests' });
      expect(await started).toEqual({ kind: 'failed', message: 'Message for rate_limited.' });
    });

    it('says the service could not be reached when there is no answer', async () => {
      const started = store.startSignIn('amelia.hart@acme-health.example', undefined);
      (await loginRequest()).error(new ProgressEvent('error'), { status: 0, statusText: 'Unknown Error' });
      expect(await started).toEqual({
        kind: 'failed',
        message: 'The portal could not reach the AiDial service. Check your connection and try again.',
      });
    });
  });

  describe('signing out', () => {
    const END_SESSION_URL = 'http://127.0.0.1:4011/oidc/v1/end_session?id_token_hint=x';

    async function signedIn() {
      const loaded = store.ensureLoaded();
      await answerSession(SESSION);
      await loaded;
    }

    async function logoutRequest() {
      await requestIssued();
      return http.expectOne({ method: 'POST', url: '/api/auth/logout' });
    }

    it('ends the session at the API, forgets it, and goes to the identity provider to end its session', async () => {
      await signedIn();
      const signedOut = store.signOut();
      (await logoutRequest()).flush({ end_session_url: END_SESSION_URL });

      expect(await signedOut).toEqual({ kind: 'redirecting' });
      expect(store.session()).toBeNull();
      expect(assign).toHaveBeenCalledWith(END_SESSION_URL);
    });

    it('treats a 401 as already signed out', async () => {
      await signedIn();
      const signedOut = store.signOut();
      (await logoutRequest()).flush(envelope('unauthenticated'), { status: 401, statusText: 'Unauthorized' });

      expect(await signedOut).toEqual({ kind: 'already-signed-out' });
      expect(store.session()).toBeNull();
      expect(assign).not.toHaveBeenCalled();
    });

    it('keeps the session and says why when the API refuses (a failed CSRF check)', async () => {
      await signedIn();
      const signedOut = store.signOut();
      (await logoutRequest()).flush(envelope('csrf_failed'), { status: 403, statusText: 'Forbidden' });

      expect(await signedOut).toEqual({ kind: 'failed', message: 'Message for csrf_failed.' });
      expect(store.session()).toEqual(SESSION);
    });
  });
});
