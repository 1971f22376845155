import {
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  computed,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { ActivatedRoute } from '@angular/router';
import { RETURN_TO_PARAM, SESSION_ENDED_PARAM, SessionStore, returnPathWorthKeeping } from '@aidial/portal/core';
import { PublicPage } from './public-page';
import {
  EMAIL_MAX_LENGTH,
  EMAIL_MESSAGES,
  EMAIL_PATTERN,
  SESSION_ENDED_MESSAGE,
  SIGNED_OUT_MESSAGE,
  signInErrorMessage,
} from './sign-in-messages';

/** A message at the top of the page: news (signed out) is a status, a problem is an alert. */
interface Notice {
  readonly role: 'status' | 'alert';
  readonly text: string;
}

/** What is wrong with the email as typed, or null. */
function emailProblem(email: string): string | null {
  if (email === '') return EMAIL_MESSAGES.required;
  return email.length > EMAIL_MAX_LENGTH || !EMAIL_PATTERN.test(email) ? EMAIL_MESSAGES.format : null;
}

/**
 * `/sign-in`: the email step (spec/02 "How to Sign In", step 2). The email is checked here, then the API starts the
 * sign-in and the browser goes to the identity provider with it as the login hint. Also where the API's callback
 * reports a failed sign-in (`?error=`), where sign-out ends (`?signed_out=1`), where an ended session lands (`?session_ended=1`), and where a page that needed a session
 * sends the browser (`?return_to=`).
 *
 * The first page most people load, often on a phone: its one field is a labelled native input drawn with the theme's
 * tokens, not Material's form field, whose code (with Angular's forms) would more than double what this page has to
 * download and run before it can be used (docs/bench.md, "Lighthouse").
 */
@Component({
  selector: 'aidial-sign-in-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButton, PublicPage],
  templateUrl: './sign-in.page.html',
  styleUrl: './sign-in.page.scss',
})
export class SignInPage {
  private readonly session = inject(SessionStore);
  private readonly query = toSignal(inject(ActivatedRoute).queryParamMap, { requireSync: true });
  private readonly emailInput = viewChild.required<ElementRef<HTMLInputElement>>('emailInput');

  protected readonly email = signal('');
  /** The API's word on the email of the last attempt; typing replaces it with the page's own check. */
  private readonly serverProblem = signal<string | null>(null);
  /** The field's message shows from the first attempt on, and then follows what is typed. */
  private readonly attempted = signal(false);
  protected readonly fieldProblem = computed(() =>
    this.attempted() ? (this.serverProblem() ?? emailProblem(this.email())) : null,
  );
  protected readonly submitting = signal(false);
  /** A problem with the last attempt that is not about the email itself (the service did not answer, a rate limit). */
  private readonly attemptProblem = signal<string | null>(null);

  protected readonly notice = computed<Notice | null>(() => {
    const problem = this.attemptProblem();
    if (problem) return { role: 'alert', text: problem };
    const error = this.query().get('error');
    if (error) return { role: 'alert', text: signInErrorMessage(error) };
    if (this.query().get('signed_out') === '1') return { role: 'status', text: SIGNED_OUT_MESSAGE };
    if (this.query().get(SESSION_ENDED_PARAM) === '1') return { role: 'status', text: SESSION_ENDED_MESSAGE };
    return null;
  });

  private readonly returnTo = computed(() => returnPathWorthKeeping(this.query().get(RETURN_TO_PARAM)));

  protected onInput(event: Event): void {
    this.email.set((event.target as HTMLInputElement).value);
    this.serverProblem.set(null);
  }

  protected onSubmit(event: Event): void {
    event.preventDefault();
    void this.continue();
  }

  private async continue(): Promise<void> {
    if (this.submitting()) return;
    const email = this.email().trim();
    this.email.set(email);
    this.serverProblem.set(null);
    if (emailProblem(email)) return this.showEmailProblem();

    this.attemptProblem.set(null);
    this.submitting.set(true);
    const outcome = await this.session.startSignIn(email, this.returnTo());
    // On success the browser is leaving for the identity provider: the form stays busy until it has gone.
    if (outcome.kind === 'redirecting') return;
    this.submitting.set(false);
    if (outcome.kind === 'invalid') {
      this.serverProblem.set(outcome.fields.find((field) => field.field === 'email')?.message ?? EMAIL_MESSAGES.format);
      return this.showEmailProblem();
    }
    this.attemptProblem.set(outcome.message);
  }

  /** Shows the field's message (read out by the field's live region) and moves focus to the field. */
  private showEmailProblem(): void {
    this.attempted.set(true);
    this.emailInput().nativeElement.focus();
  }
}
