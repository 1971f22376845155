import { DOCUMENT } from '@angular/common';
import { Injectable, InjectionToken, inject, signal } from '@angular/core';
import {
  API_CLIENT,
  type MfaAction,
  type MfaSummaryDto,
  acknowledgeRecoveryCodesReviewed,
  acknowledgeRecoveryCodesStored,
  declareRecoveryCodesRegenerated,
  getMfaSummary,
  isErrorEnvelope,
  openMfaDisable,
  openMfaSetup,
  refreshMfaStatus,
} from '@aidial/portal/api-client';
import { BROWSER_LOCATION } from '@aidial/portal/core';
import { type ApiProblem, UNREACHABLE_MESSAGE, callApi } from '@aidial/portal/shared/data-access';
import { retryAfterSeconds, tryAgainIn } from './retry-after';

/**
 * Opens an identity-provider page in a new tab, without giving it a handle on the portal (`noopener`). A token so that
 * tests can see what was opened instead of opening it.
 */
export const PROVIDER_TAB = new InjectionToken<{ open(url: string): void }>('PROVIDER_TAB', {
  providedIn: 'root',
  factory: () => {
    const view = inject(DOCUMENT).defaultView;
    return { open: (url: string) => void view?.open(url, '_blank', 'noopener,noreferrer') };
  },
});

export type MfaSummaryState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'loaded'; readonly summary: MfaSummaryDto }
  | { readonly kind: 'error'; readonly problem: ApiProblem };

/** What the last action led to, for the page to announce. */
export interface MfaActionNotice {
  readonly tone: 'success' | 'error';
  readonly message: string;
  readonly requestId?: string | null;
}

/** The recovery-code acknowledgements: each sends the lifecycle marker of the summary the user acted on. */
export type RecoveryCodeAction = Extract<
  MfaAction,
  'store_recovery_codes' | 'review_recovery_codes' | 'regenerate_recovery_codes'
>;

const ACKNOWLEDGED: Readonly<Record<RecoveryCodeAction, string>> = {
  store_recovery_codes: 'Recorded: you stored your recovery codes.',
  review_recovery_codes: 'Recorded: you reviewed your recovery codes.',
  regenerate_recovery_codes: 'Recorded: you generated a new recovery-code set. Confirm below once you have stored it.',
};

/** Said when the summary was re-read because the server refused an action as stale or no longer offered. */
const REFRESHED_NOTE = 'The security summary below has been refreshed.';

/**
 * The signed-in user's MFA summary (`GET /api/mfa/summary`) and the spec/04 MFA actions. The server decides which
 * actions exist (`summary.actions`); this store only carries them out and reports what happened. It never sees a code.
 */
@Injectable()
export class MfaSummaryStore {
  private readonly client = inject(API_CLIENT);
  private readonly location = inject(BROWSER_LOCATION);
  private readonly tab = inject(PROVIDER_TAB);
  private readonly current = signal<MfaSummaryState>({ kind: 'loading' });

  readonly state = this.current.asReadonly();
  /** The action in flight: its button waits, and the others with it. */
  readonly busy = signal<MfaAction | null>(null);
  readonly notice = signal<MfaActionNotice | null>(null);

  async load(): Promise<void> {
    this.current.set({ kind: 'loading' });
    await this.reload();
  }

  /** Opens the provider's MFA setup in a new tab. */
  openSetup(): Promise<void> {
    return this.run(
      'open_setup',
      () => openMfaSetup({ client: this.client }),
      ({ url }) => {
        this.tab.open(url);
        this.notice.set({
          tone: 'success',
          message: 'MFA setup opened in a new tab. When you have finished there, refresh your security status.',
        });
      },
    );
  }

  /** Opens the provider's MFA management in a new tab, once the server has recorded the launch. */
  openDisable(): Promise<void> {
    return this.run(
      'open_disable',
      () => openMfaDisable({ client: this.client }),
      ({ url }) => {
        this.tab.open(url);
        this.notice.set({
          tone: 'success',
          message: 'MFA management opened in a new tab. After changing MFA there, refresh your security status.',
        });
      },
    );
  }

  /** Signs in again at the provider (`prompt=login`), which returns to this page with a fresh security status. */
  refreshStatus(): Promise<void> {
    return this.run(
      'refresh_status',
      () => refreshMfaStatus({ client: this.client }),
      ({ authorization_url }) => this.location.assign(authorization_url),
    );
  }

  /** "I stored / reviewed my recovery codes", "I generated a new recovery-code set", with the current marker. */
  acknowledge(action: RecoveryCodeAction): Promise<void> {
    const state = this.current();
    const marker = state.kind === 'loaded' ? state.summary.lifecycle.marker : null;
    if (!marker) {
      // Offered only to an enrolled user, who always has a marker: the summary is out of date.
      return this.reload().then(() =>
        this.notice.set({ tone: 'error', message: `Your security status changed. ${REFRESHED_NOTE}` }),
      );
    }
    const body = { marker };
    const request = {
      store_recovery_codes: () => acknowledgeRecoveryCodesStored({ client: this.client, body }),
      review_recovery_codes: () => acknowledgeRecoveryCodesReviewed({ client: this.client, body }),
      regenerate_recovery_codes: () => declareRecoveryCodesRegenerated({ client: this.client, body }),
    }[action];
    return this.run(action, request, async () => {
      await this.reload();
      this.notice.set({ tone: 'success', message: ACKNOWLEDGED[action] });
    });
  }

  private async run<T>(
    action: MfaAction,
    request: () => Promise<{ data?: T; error?: unknown; response?: ResponseLike | null }>,
    done: (data: T) => void | Promise<void>,
  ): Promise<void> {
    if (this.busy()) return;
    this.busy.set(action);
    this.notice.set(null);
    try {
      let answer: Awaited<ReturnType<typeof request>>;
      try {
        answer = await request();
      } catch {
        this.notice.set({ tone: 'error', message: UNREACHABLE_MESSAGE });
        return;
      }
      const status = answer.response?.status ?? 0;
      if (status >= 200 && status < 300) {
        await done(answer.data as T);
        return;
      }
      await this.refused(status, answer.error, answer.response ?? null);
    } finally {
      this.busy.set(null);
    }
  }

  /** A refusal in words: stale or withdrawn actions re-read the summary first; a rate limit says when to try again. */
  private async refused(status: number, error: unknown, response: ResponseLike | null): Promise<void> {
    const envelope = isErrorEnvelope(error) ? error : null;
    const message = envelope?.message ?? UNREACHABLE_MESSAGE;
    const requestId = envelope?.request_id ?? null;
    if (envelope?.code === 'mfa_lifecycle_stale' || envelope?.code === 'mfa_action_unavailable') {
      await this.reload();
      const refreshed = envelope.code === 'mfa_lifecycle_stale' ? message : `${message} ${REFRESHED_NOTE}`;
      this.notice.set({ tone: 'error', message: refreshed, requestId });
      return;
    }
    if (status === 429) {
      this.notice.set({ tone: 'error', message: rateLimitMessage(retryAfterSeconds(response?.headers)), requestId });
      return;
    }
    this.notice.set({ tone: 'error', message, requestId });
  }

  /** Re-reads the summary in place: the page keeps showing the current one until the new one arrives. */
  async reload(): Promise<void> {
    const result = await callApi(getMfaSummary({ client: this.client }));
    this.current.set(result.ok ? { kind: 'loaded', summary: result.data } : { kind: 'error', problem: result.problem });
  }
}

/** The part of an HTTP answer the store reads: its status and the `Retry-After` header. */
interface ResponseLike {
  readonly status: number;
  readonly headers?: { get(name: string): string | null };
}

/** "Too many security actions in a short time. Try again in 42 seconds." */
export function rateLimitMessage(seconds: number | null): string {
  return `Too many security actions in a short time. Try again ${tryAgainIn(seconds)}.`;
}
