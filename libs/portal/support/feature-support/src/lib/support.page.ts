import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatCard, MatCardContent } from '@angular/material/card';

/** The address of AiDial support (spec/02). */
export const SUPPORT_EMAIL = 'help@aidial.com.au';

/** `/support`: how to reach AiDial support, and what never to send. Tickets in the portal come later. */
@Component({
  selector: 'aidial-support-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatCard, MatCardContent],
  template: `
    <h1 class="page-title">Support</h1>
    <mat-card appearance="outlined">
      <mat-card-content>
        <h2 class="section-title">Contact AiDial support</h2>
        <p>
          Email <a [href]="'mailto:' + supportEmail">{{ supportEmail }}</a> with what you were doing, the page's
          address, and any request id the portal showed you. For access problems, ask your organisation's administrator
          first.
        </p>
        <p>Raising and following support tickets in the portal is not available yet.</p>
      </mat-card-content>
    </mat-card>
    <aside class="warning" role="note" aria-labelledby="never-share">
      <h2 id="never-share" class="section-title">Never share codes, cookies or tokens</h2>
      <p>
        Never paste one-time codes, recovery codes, passwords, browser cookies, session or API tokens into an email or a
        support request. AiDial support will never ask for them.
      </p>
    </aside>
  `,
  styles: `
    :host {
      display: grid;
      gap: 1rem;
      max-inline-size: 48rem;
    }
    .page-title {
      margin: 0;
      font: var(--mat-sys-headline-small);
    }
    .section-title {
      margin: 0 0 0.5rem;
      font: var(--mat-sys-title-large);
    }
    p {
      margin: 0 0 0.75rem;
    }
    .warning {
      padding: 1rem;
      border-radius: 0.75rem;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .warning p {
      margin: 0;
    }
  `,
})
export class SupportPage {
  protected readonly supportEmail = SUPPORT_EMAIL;
}
