import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatAnchor, MatButton } from '@angular/material/button';
import { MatCard, MatCardContent } from '@angular/material/card';
import { RouterLink } from '@angular/router';
import { ErrorNotice, type ProblemDetails } from '@aidial/portal/shared/ui';

/** Why a page of platform data shows none: a partner must pick a client, the platform is not answering, or an error. */
export type PlatformProblemKind = 'client-required' | 'unavailable' | 'error';

/**
 * The honest state of platform data that did not arrive: the prompt to pick a client (409 `client_selection_required`),
 * "the AiDial platform is not answering" (502 `upstream_unavailable`, 504 `upstream_timeout`) with the request id, or
 * the API's message. Never a placeholder figure.
 */
@Component({
  selector: 'aidial-platform-problem',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ErrorNotice, MatAnchor, MatButton, MatCard, MatCardContent, RouterLink],
  template: `
    @switch (kind()) {
      @case ('client-required') {
        <mat-card appearance="outlined" class="state">
          <mat-card-content>
            <h2 class="heading">Select a client</h2>
            <p>
              {{ subject() }} are shown for one client at a time. Select a client with the Client selector in the header
              to see theirs.
            </p>
            <a mat-stroked-button routerLink="/partner/clients">Choose a client</a>
          </mat-card-content>
        </mat-card>
      }
      @case ('unavailable') {
        <mat-card appearance="outlined" class="state" role="alert">
          <mat-card-content>
            <h2 class="heading">The AiDial platform is not answering</h2>
            <p>
              {{ subject() }} come from the AiDial platform, which did not answer properly just now. Nothing is shown
              rather than figures that may be wrong. Try again shortly; if it persists, give support the request id.
            </p>
            @if (problem(); as problem) {
              <p class="message">{{ problem.message }}</p>
              @if (problem.requestId; as requestId) {
                <p class="request-id">
                  Request id <code>{{ requestId }}</code>
                </p>
              }
            }
            <button mat-stroked-button type="button" (click)="retry.emit()">Try again</button>
          </mat-card-content>
        </mat-card>
      }
      @default {
        @if (problem(); as problem) {
          <aidial-error-notice [problem]="problem" />
        }
        <p><button mat-stroked-button type="button" (click)="retry.emit()">Try again</button></p>
      }
    }
  `,
  styles: `
    :host {
      display: block;
      max-inline-size: 48rem;
    }
    .heading {
      margin: 0 0 0.5rem;
      font: var(--mat-sys-title-large);
    }
    p {
      margin: 0 0 0.75rem;
    }
    .request-id {
      font: var(--mat-sys-body-small);
      overflow-wrap: anywhere;
    }
  `,
})
export class PlatformProblem {
  readonly kind = input.required<PlatformProblemKind>();
  /** The API's answer; none when the page knows without asking (a partner with no client selected). */
  readonly problem = input<ProblemDetails | null>(null);
  /** What the data is, as the start of a sentence: "Calls". */
  readonly subject = input.required<string>();
  readonly retry = output();
}
