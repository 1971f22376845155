import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatAnchor } from '@angular/material/button';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { SIGN_IN_PATH, isAccessDeniedReason } from '@aidial/portal/core';
import { AIDIAL_SUPPORT_EMAIL, ACCESS_DENIED_EXPLANATIONS, GENERIC_ACCESS_DENIED } from './access-denied-messages';
import { PublicPage } from './public-page';

/**
 * `/access-denied?reason=<reason>`: signed in at the identity provider, but not let into the portal — a role it does
 * not recognise, an organisation that is not active, or a session it could not validate (DESIGN.md §5).
 */
@Component({
  selector: 'aidial-access-denied-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatAnchor, PublicPage, RouterLink],
  template: `
    <aidial-public-page>
      <h1 class="title">Access denied</h1>
      <h2 class="reason">{{ explanation().title }}</h2>
      <p>{{ explanation().what }}</p>
      <p>{{ explanation().next }}</p>
      <p class="support">
        AiDial support: <a [href]="'mailto:' + supportEmail">{{ supportEmail }}</a>
      </p>
      <a mat-flat-button [routerLink]="signInPath">Sign in again</a>
    </aidial-public-page>
  `,
  styles: `
    .title {
      margin: 0 0 0.5rem;
      font: var(--mat-sys-headline-small);
    }
    .reason {
      margin: 0 0 1rem;
      font: var(--mat-sys-title-medium);
    }
    p {
      margin: 0 0 1rem;
    }
    .support {
      margin-block-end: 1.5rem;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class AccessDeniedPage {
  private readonly query = toSignal(inject(ActivatedRoute).queryParamMap, { requireSync: true });

  protected readonly signInPath = SIGN_IN_PATH;
  protected readonly supportEmail = AIDIAL_SUPPORT_EMAIL;
  protected readonly explanation = computed(() => {
    const reason = this.query().get('reason');
    return isAccessDeniedReason(reason) ? ACCESS_DENIED_EXPLANATIONS[reason] : GENERIC_ACCESS_DENIED;
  });
}
