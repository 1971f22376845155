import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideApiClient } from '@aidial/portal/api-client';
import { UNREACHABLE_MESSAGE } from '@aidial/portal/shared/data-access';
import { SmsEnrolmentStore } from './sms-enrolment.store';

/** Lets the generated client's async request preparation reach HttpClient. */
const requestIssued = () => new Promise((resolve) => setTimeout(resolve));
const ENROL = '/api/auth/mfa-sms-enrol';

function setUp() {
  TestBed.configureTestingModule({
    providers: [provideHttpClient(), provideHttpClientTesting(), provideApiClient({ baseUrl: '' }), SmsEnrolmentStore],
  });
  return { store: TestBed.inject(SmsEnrolmentStore), http: TestBed.inject(HttpTestingController) };
}

/** Enrols `phone` and answers with `status`, `body` and `headers`; resolves with what `enrol` resolved. */
async function enrolAnswered(
  phone: string,
  status: number,
  body: object,
  headers: Record<string, string> = {},
): Promise<{ store: SmsEnrolmentStore; enrolled: boolean; sent: unknown }> {
  const { store, http } = setUp();
  const enrolling = store.enrol(phone);
  await requestIssued();
  const request = http.expectOne(ENROL);
  const sent = request.request.body;
  request.flush(body, { status, statusText: String(status), headers });
  return { store, enrolled: await enrolling, sent };
}

describe('SmsEnrolmentStore', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('sends the number as typed and keeps only the masked tail it is answered', async () => {
    const { store, enrolled, sent } = await enrolAnswered('0412 345 678', 200, { phone_tail: '+61 ... 678' });
    expect(sent).toEqual({ phone: '0412 345 678' });
    expect(enrolled).toBe(true);
    expect(store.state()).toEqual({ kind: 'enrolled', phoneTail: '+61 ... 678' });
  });

  it('is sending until the answer arrives, and ignores a second submit meanwhile', async () => {
    const { store, http } = setUp();
    const first = store.enrol('0412 345 678');
    expect(store.state()).toEqual({ kind: 'sending' });
    expect(await store.enrol('0412 345 678')).toBe(false);
    await requestIssued();
    http.expectOne(ENROL).flush({ phone_tail: '+61 ... 678' });
    expect(await first).toBe(true);
  });

  it.each([
    [403, 'mfa_sms_role_not_allowed', 'SMS one-time code is not available for this account type'],
    [403, 'mfa_sms_tenant_not_enabled', 'SMS one-time code is not available for this organisation'],
    [400, 'mfa_sms_country_not_supported', 'Only Australian phone numbers are supported'],
    [409, 'mfa_sms_already_enrolled', 'SMS one-time code is already set up for this account.'],
    [429, 'mfa_sms_rate_limited', 'Too many SMS one-time code requests'],
    [503, 'mfa_sms_provider_unavailable', 'SMS OTP provider is not configured'],
    [503, 'service_unavailable', 'The service is temporarily unavailable. Try again shortly.'],
  ])('shows the message of %i %s exactly, in the banner', async (status, code, message) => {
    const { store, enrolled } = await enrolAnswered('0412 345 678', status, { code, message, request_id: 'req-9' });
    expect(enrolled).toBe(false);
    expect(store.state()).toEqual({ kind: 'refused', message, requestId: 'req-9', phoneError: null });
  });

  it.each([
    ['1', 'Too many SMS one-time code requests. Try again in 1 second.'],
    ['42', 'Too many SMS one-time code requests. Try again in 42 seconds.'],
    ['600', 'Too many SMS one-time code requests. Try again in 10 minutes.'],
  ])('adds when to try again from Retry-After %s to a rate limit', async (retryAfter, message) => {
    const { store } = await enrolAnswered(
      '0412 345 678',
      429,
      { code: 'mfa_sms_rate_limited', message: 'Too many SMS one-time code requests', request_id: 'req-3' },
      { 'Retry-After': retryAfter },
    );
    expect(store.state()).toMatchObject({ kind: 'refused', message });
  });

  it("puts validation_failed's phone message on the field", async () => {
    const { store } = await enrolAnswered('0412', 400, {
      code: 'validation_failed',
      message: 'Check the highlighted fields.',
      request_id: 'req-4',
      fields: [{ field: 'phone', message: 'Enter an Australian mobile number' }],
    });
    expect(store.state()).toEqual({
      kind: 'refused',
      message: 'Check the highlighted fields.',
      requestId: 'req-4',
      phoneError: 'Enter an Australian mobile number',
    });
  });

  it('says the service could not be reached when there is no answer', async () => {
    const { store, http } = setUp();
    const enrolling = store.enrol('0412 345 678');
    await requestIssued();
    http.expectOne(ENROL).error(new ProgressEvent('error'));
    expect(await enrolling).toBe(false);
    expect(store.state()).toEqual({ kind: 'refused', message: UNREACHABLE_MESSAGE, requestId: null, phoneError: null });
  });

  it('does not trust an answer that is not the envelope', async () => {
    const { store } = await enrolAnswered('0412 345 678', 502, { html: 'Bad gateway' });
    expect(store.state()).toMatchObject({ kind: 'refused', requestId: null, phoneError: null });
  });

  it('writes nothing to browser storage', async () => {
    const setItem = jest.spyOn(Storage.prototype, 'setItem');
    try {
      await enrolAnswered('0412 345 678', 200, { phone_tail: '+61 ... 678' });
      expect(setItem).not.toHaveBeenCalled();
    } finally {
      setItem.mockRestore();
    }
  });
});
