import { Injectable, computed, inject, signal } from '@angular/core';
import {
  API_CLIENT,
  type SupportTicketCategory,
  type SupportTicketDto,
  type SupportTicketListScope,
  createSupportTicket,
  isErrorEnvelope,
  listSupportTickets,
} from '@aidial/portal/api-client';
import { type ApiProblem, UNREACHABLE_MESSAGE, callApi } from '@aidial/portal/shared/data-access';

export type SupportTicketsState =
  | { readonly kind: 'loading' }
  | {
      readonly kind: 'loaded';
      readonly tickets: readonly SupportTicketDto[];
      /** `tenant`: every ticket of the organisation (its administrators); `own`: the user's own. */
      readonly scope: SupportTicketListScope;
    }
  | { readonly kind: 'error'; readonly problem: ApiProblem };

export interface NewSupportTicket {
  readonly category: SupportTicketCategory;
  readonly subject: string;
  readonly body: string;
}

/** How creating a ticket went. A refusal carries the message and, per field, what to fix (`subject`, `body`…). */
export type TicketCreation =
  | { readonly kind: 'created'; readonly ticket: SupportTicketDto }
  | {
      readonly kind: 'refused';
      readonly message: string;
      readonly requestId: string | null;
      readonly fields: Readonly<Record<string, string>>;
    };

/**
 * The Support section's tickets (docs/support.md): the list the API scopes to the user or the organisation, and new
 * tickets. A ticket the API refuses as holding a secret (`ticket_contains_secret`) is not stored; the refusal says
 * which field to fix.
 */
@Injectable()
export class SupportTicketsStore {
  private readonly client = inject(API_CLIENT);
  private readonly current = signal<SupportTicketsState>({ kind: 'loading' });

  readonly state = this.current.asReadonly();
  readonly tickets = computed(() => {
    const state = this.current();
    return state.kind === 'loaded' ? state.tickets : [];
  });
  readonly saving = signal(false);

  async load(): Promise<void> {
    this.current.set({ kind: 'loading' });
    const result = await callApi(listSupportTickets({ client: this.client }));
    this.current.set(
      result.ok
        ? { kind: 'loaded', tickets: result.data.items, scope: result.data.scope }
        : { kind: 'error', problem: result.problem },
    );
  }

  /** Opens a ticket; on success it heads the list. */
  async create(ticket: NewSupportTicket): Promise<TicketCreation> {
    this.saving.set(true);
    try {
      let answer: {
        data?: SupportTicketDto;
        error?: unknown;
        response?: { status: number; headers?: { get(name: string): string | null } } | null;
      };
      try {
        answer = await createSupportTicket({ client: this.client, body: ticket });
      } catch {
        return { kind: 'refused', message: UNREACHABLE_MESSAGE, requestId: null, fields: {} };
      }
      const status = answer.response?.status ?? 0;
      if (answer.data && status >= 200 && status < 300) {
        const created = answer.data;
        const state = this.current();
        if (state.kind === 'loaded') this.current.set({ ...state, tickets: [created, ...state.tickets] });
        return { kind: 'created', ticket: created };
      }
      return refusalOf(status, answer.error, answer.response?.headers?.get('Retry-After') ?? null);
    } finally {
      this.saving.set(false);
    }
  }
}

function refusalOf(status: number, error: unknown, retryAfter: string | null): TicketCreation {
  if (!isErrorEnvelope(error)) {
    return {
      kind: 'refused',
      message:
        status === 0 ? UNREACHABLE_MESSAGE : 'The AiDial service gave an answer the portal did not expect. Try again.',
      requestId: null,
      fields: {},
    };
  }
  const fields: Record<string, string> = {};
  for (const { field, message } of error.fields ?? []) {
    fields[field] = fields[field] ? `${fields[field]} ${message}` : message;
  }
  const seconds = Number(retryAfter);
  const message =
    error.code === 'rate_limited' && Number.isFinite(seconds) && seconds > 0
      ? `${error.message} You can open another ticket in ${waitOf(seconds)}.`
      : error.message;
  return { kind: 'refused', message, requestId: error.request_id, fields };
}

/** "45 seconds", "3 minutes". */
function waitOf(seconds: number): string {
  if (seconds < 60) return `${Math.ceil(seconds)} second${Math.ceil(seconds) === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}
