import { Injectable, inject, signal } from '@angular/core';
import { API_CLIENT, type SmsEnrolResponseDto, enrolSmsOtp, isErrorEnvelope } from '@aidial/portal/api-client';
import { UNREACHABLE_MESSAGE } from '@aidial/portal/shared/data-access';
import { retryAfterSeconds, tryAgainIn } from './retry-after';

/**
 * Where the SMS one-time code enrolment stands (spec/05). `enrolled` holds only the masked tail the server answered
 * (`+61 ... 678`), in this page's memory: the number typed is never kept, and nothing is written to browser storage.
 */
export type SmsEnrolmentState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'sending' }
  | { readonly kind: 'enrolled'; readonly phoneTail: string }
  | {
      readonly kind: 'refused';
      readonly message: string;
      readonly requestId: string | null;
      /** `validation_failed`'s message for the phone field, shown under it instead of in the banner. */
      readonly phoneError: string | null;
    };

const UNEXPECTED_MESSAGE = 'The AiDial service gave an answer the portal did not expect. Try again.';

/**
 * Enrols the signed-in user's Australian mobile for SMS one-time codes (`POST /api/auth/mfa-sms-enrol`). The server
 * decides who may, which numbers are valid and how often; this store sends what was typed once and reports the answer.
 */
@Injectable()
export class SmsEnrolmentStore {
  private readonly client = inject(API_CLIENT);
  private readonly current = signal<SmsEnrolmentState>({ kind: 'idle' });

  readonly state = this.current.asReadonly();

  /**
   * Sends the number as typed; resolves true once the factor is set up. A second call while one is sending is ignored.
   */
  async enrol(phone: string): Promise<boolean> {
    if (this.current().kind === 'sending') return false;
    this.current.set({ kind: 'sending' });
    let answer: {
      data?: SmsEnrolResponseDto;
      error?: unknown;
      response?: { status: number; headers?: { get(name: string): string | null } } | null;
    };
    try {
      answer = await enrolSmsOtp({ client: this.client, body: { phone } });
    } catch {
      this.current.set({ kind: 'refused', message: UNREACHABLE_MESSAGE, requestId: null, phoneError: null });
      return false;
    }
    const status = answer.response?.status ?? 0;
    if (answer.data && status >= 200 && status < 300) {
      this.current.set({ kind: 'enrolled', phoneTail: answer.data.phone_tail });
      return true;
    }
    this.current.set(refusalOf(status, answer.error, retryAfterSeconds(answer.response?.headers)));
    return false;
  }
}

function refusalOf(status: number, error: unknown, retryAfter: number | null): SmsEnrolmentState {
  if (!isErrorEnvelope(error)) {
    return {
      kind: 'refused',
      message: status === 0 ? UNREACHABLE_MESSAGE : UNEXPECTED_MESSAGE,
      requestId: null,
      phoneError: null,
    };
  }
  const phoneError =
    error.code === 'validation_failed' ? (error.fields?.find(({ field }) => field === 'phone')?.message ?? null) : null;
  const message =
    status === 429 && retryAfter !== null
      ? `${sentence(error.message)} Try again ${tryAgainIn(retryAfter)}.`
      : error.message;
  return { kind: 'refused', message, requestId: error.request_id, phoneError };
}

/** The envelope's message as a sentence, so that "Try again in …" can follow it. */
function sentence(message: string): string {
  return /[.!?]$/.test(message) ? message : `${message}.`;
}
