import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, type OnInit, computed, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCard, MatCardContent } from '@angular/material/card';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { ActivatedRoute } from '@angular/router';
import type { SupportTicketCategory } from '@aidial/portal/api-client';
import { SupportTicketsStore } from '@aidial/portal/support/data-access';
import { ErrorNotice, type ProblemDetails } from '@aidial/portal/shared/ui';

/** The address of AiDial support (spec/02). */
export const SUPPORT_EMAIL = 'help@aidial.com.au';

/** The ticket categories of docs/support.md, in words. */
export const CATEGORY_LABELS: Readonly<Record<SupportTicketCategory, string>> = {
  account: 'Profile and account',
  access: 'Signing in, MFA and permissions',
  other: 'Something else',
};

const CATEGORIES = Object.keys(CATEGORY_LABELS) as SupportTicketCategory[];
const SUBJECT_MAX = 200;
const BODY_MAX = 5000;

function categoryFrom(value: string | null): SupportTicketCategory | null {
  return CATEGORIES.find((category) => category === value) ?? null;
}

/**
 * `/support`: open a ticket (an account ticket for a profile update, spec/04, arrives pre-selected from
 * `?category=account&subject=…`), follow the tickets the API lists (the user's own, or the organisation's for its
 * administrators), and how to reach AiDial support otherwise. Never a code, cookie, token or key: the API refuses them.
 */
@Component({
  selector: 'aidial-support-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    DatePipe,
    ErrorNotice,
    MatButton,
    MatCard,
    MatCardContent,
    MatError,
    MatFormField,
    MatHint,
    MatInput,
    MatLabel,
    MatOption,
    MatSelect,
    ReactiveFormsModule,
  ],
  templateUrl: './support.page.html',
  styleUrl: './support.page.scss',
  providers: [SupportTicketsStore],
})
export class SupportPage implements OnInit {
  protected readonly store = inject(SupportTicketsStore);
  private readonly query = inject(ActivatedRoute).snapshot.queryParamMap;

  protected readonly supportEmail = SUPPORT_EMAIL;
  protected readonly categories = CATEGORIES;
  protected readonly categoryLabels = CATEGORY_LABELS;
  protected readonly subjectMax = SUBJECT_MAX;
  protected readonly bodyMax = BODY_MAX;
  protected readonly form = new FormGroup({
    category: new FormControl<SupportTicketCategory | null>(categoryFrom(this.query.get('category')), {
      validators: [Validators.required],
    }),
    subject: new FormControl((this.query.get('subject') ?? '').slice(0, SUBJECT_MAX), {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(SUBJECT_MAX)],
    }),
    body: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(BODY_MAX)] }),
  });
  /** Whose tickets the list shows: the organisation's (its administrators) or the user's own. */
  protected readonly scope = computed(() => {
    const state = this.store.state();
    return state.kind === 'loaded' ? state.scope : null;
  });
  protected readonly listProblem = computed(() => {
    const state = this.store.state();
    return state.kind === 'error' ? state.problem : null;
  });
  /** Why the last ticket was refused (the field errors sit on their fields). */
  protected readonly refusal = signal<ProblemDetails | null>(null);
  protected readonly created = signal<string | null>(null);

  ngOnInit(): void {
    void this.store.load();
  }

  protected async submit(): Promise<void> {
    this.created.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { category, subject, body } = this.form.getRawValue();
    if (!category) return;
    this.refusal.set(null);
    const result = await this.store.create({ category, subject: subject.trim(), body: body.trim() });
    if (result.kind === 'created') {
      this.form.reset({ category: null, subject: '', body: '' });
      this.created.set(`Ticket opened: ${result.ticket.subject}`);
      return;
    }
    this.refusal.set({ message: result.message, requestId: result.requestId });
    for (const name of ['category', 'subject', 'body'] as const) {
      const message = result.fields[name];
      if (!message) continue;
      this.form.controls[name].setErrors({ server: message });
      this.form.controls[name].markAsTouched();
    }
  }

  protected serverError(name: 'category' | 'subject' | 'body'): string | null {
    const server: unknown = this.form.controls[name].errors?.['server'];
    return typeof server === 'string' ? server : null;
  }
}
