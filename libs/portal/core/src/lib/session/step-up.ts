import { Injectable, InjectionToken, inject } from '@angular/core';
import { API_CLIENT, startStepUp } from '@aidial/portal/api-client';
import { BROWSER_LOCATION } from '../browser-location';

/**
 * Asks the user whether to sign in again now; resolves true for yes. The app provides it with its dialog (core draws
 * no UI); without one the portal never leaves the page on its own.
 */
export type StepUpPrompt = () => Promise<boolean>;

export const STEP_UP_PROMPT = new InjectionToken<StepUpPrompt>('STEP_UP_PROMPT');

/** The answer code of a sensitive action whose session signed in too long ago (docs/sessions.md, "Step-up"). */
export const REAUTHENTICATION_REQUIRED = 'reauthentication_required';

/** How a step-up request went. On `redirecting` the browser is already on its way to the identity provider. */
export type StepUpResult = 'redirecting' | 'declined' | 'failed';

/**
 * Step-up for sensitive actions: when the API answers `reauthentication_required`, ask the user, then sign in again at
 * the identity provider (`prompt=login`, `max_age`) and come back to the same page, with a new session recent enough to
 * finish the action. One question at a time: several refused requests of one page ask once.
 */
@Injectable({ providedIn: 'root' })
export class StepUp {
  private readonly client = inject(API_CLIENT);
  private readonly location = inject(BROWSER_LOCATION);
  private readonly prompt = inject(STEP_UP_PROMPT, { optional: true });
  private asking = false;

  async request(returnTo: string): Promise<StepUpResult> {
    if (this.asking || !this.prompt) return 'declined';
    this.asking = true;
    try {
      if (!(await this.prompt())) return 'declined';
      const { data } = await startStepUp({ client: this.client, body: { return_to: returnTo } }).catch(() => ({
        data: undefined,
      }));
      if (!data) return 'failed';
      this.location.assign(data.authorization_url);
      return 'redirecting';
    } finally {
      this.asking = false;
    }
  }
}
