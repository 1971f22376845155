import { BreakpointObserver } from '@angular/cdk/layout';
import { NgTemplateOutlet } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  effect,
  inject,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatListItem, MatListItemIcon, MatListItemTitle, MatNavList } from '@angular/material/list';
import { MatSidenav, MatSidenavContainer, MatSidenavContent } from '@angular/material/sidenav';
import { MatToolbar } from '@angular/material/toolbar';
import { NavigationEnd, NavigationSkipped, Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { filter, map } from 'rxjs';
import { SIGN_IN_PATH, SessionStore, displayNameOf } from '@aidial/portal/core';
import { ClientSelectionStore } from '@aidial/portal/partner/data-access';
import { ClientSelector } from '@aidial/portal/partner/ui';
import { ErrorNotice } from '@aidial/portal/shared/ui';
import { ROLE_AUDIENCE, roleLabel } from '@aidial/shared/access';
import { PRODUCT_NAME } from '../portal-title.strategy';
import { navigationFor } from './navigation';
import { SessionExpiryPrompt } from './session-expiry-prompt';
import { NAVIGATION_ICON_PATHS } from './navigation-icons';

/**
 * Below this width (a phone, a tablet held upright) the side navigation would leave the pages too little room: it
 * becomes a drawer behind the header's Menu button.
 */
export const COMPACT_LAYOUT_QUERY = '(max-width: 839.98px)';

/**
 * The shell around every signed-in page: a header with the product name, who is signed in and Sign out; the side
 * navigation of the role (a drawer on narrow screens); the content area.
 */
@Component({
  selector: 'aidial-portal-layout',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ClientSelector,
    ErrorNotice,
    MatButton,
    MatIconButton,
    MatListItem,
    MatListItemIcon,
    MatListItemTitle,
    MatNavList,
    MatSidenav,
    MatSidenavContainer,
    MatSidenavContent,
    MatToolbar,
    NgTemplateOutlet,
    RouterLink,
    RouterLinkActive,
    RouterOutlet,
  ],
  providers: [SessionExpiryPrompt],
  templateUrl: './portal-layout.html',
  styleUrl: './portal-layout.scss',
  host: { '[class.compact]': 'compact()' },
})
export class PortalLayout {
  private readonly sessionStore = inject(SessionStore);
  private readonly router = inject(Router);

  protected readonly productName = PRODUCT_NAME;
  protected readonly iconPaths = NAVIGATION_ICON_PATHS;
  protected readonly account = computed(() => {
    const session = this.sessionStore.session();
    return session && { name: displayNameOf(session), role: roleLabel(session.role), tenant: session.tenant.name };
  });
  protected readonly navigation = computed(() => {
    const role = this.sessionStore.role();
    return role ? navigationFor(role) : [];
  });
  /** Partner roles work on one client at a time: the header shows it and switches it. */
  protected readonly isPartner = computed(() => {
    const role = this.sessionStore.role();
    return !!role && ROLE_AUDIENCE[role] === 'partner';
  });
  /**
   * Mandatory MFA not yet compliant: only Settings and Support are open (the route guard), so the shell asks for
   * nothing the API would refuse with `mfa_required`, such as the partner's clients.
   */
  protected readonly mfaBlocked = computed(() => {
    const mfa = this.sessionStore.session()?.mfa;
    return !!mfa && mfa.policy === 'required' && !mfa.compliant;
  });
  protected readonly showClientSelector = computed(() => this.isPartner() && !this.mfaBlocked());
  protected readonly clientSelection = inject(ClientSelectionStore);
  protected readonly signingOut = signal(false);

  /** A narrow screen: the navigation is a drawer, opened from the Menu button. */
  protected readonly compact = toSignal(
    inject(BreakpointObserver)
      .observe(COMPACT_LAYOUT_QUERY)
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );
  private readonly drawer = viewChild.required(MatSidenav);
  /** The drawer is open (always, beside the pages, on a wide screen): the Menu button's `aria-expanded`. */
  protected readonly navigationOpen = signal(false);
  /**
   * On a phone the drawer's list is drawn when the Menu button first opens it, and kept: a page loads without drawing
   * a list nobody sees yet (a tenth of the work of a phone's first page, docs/bench.md "Lighthouse").
   */
  private readonly drawerOpenedOnce = signal(false);
  protected readonly navigationListDrawn = computed(() => !this.compact() || this.drawerOpenedOnce());

  constructor() {
    // Choosing a page in the drawer closes it, the page already shown too (a skipped navigation); the drawer gives
    // focus back to the Menu button.
    this.router.events
      .pipe(
        filter((event) => event instanceof NavigationEnd || event instanceof NavigationSkipped),
        takeUntilDestroyed(inject(DestroyRef)),
      )
      .subscribe(() => {
        if (this.compact()) void this.drawer().close();
      });
    // The session expiry warning lives with the shell: public pages never show it.
    inject(SessionExpiryPrompt).start(() => this.signOut());
    effect(() => {
      if (this.showClientSelector()) untracked(() => void this.clientSelection.load());
    });
  }

  protected toggleNavigation(): void {
    this.drawerOpenedOnce.set(true);
    void this.drawer().toggle();
  }

  protected selectClient(clientId: string | null): void {
    void this.clientSelection.select(clientId);
  }

  protected readonly signOutProblem = signal<string | null>(null);

  /** A skip link must not change the URL: with `<base href="/">`, "#main-content" would mean "/#main-content". */
  protected skipToContent(event: Event, main: HTMLElement): void {
    event.preventDefault();
    main.focus();
  }

  protected signOut(): void {
    void this.endSession();
  }

  private async endSession(): Promise<void> {
    this.signingOut.set(true);
    this.signOutProblem.set(null);
    const outcome = await this.sessionStore.signOut();
    // On success the browser is leaving for the identity provider's sign-out, which returns it to the sign-in page.
    if (outcome.kind === 'redirecting') return;
    this.signingOut.set(false);
    if (outcome.kind === 'already-signed-out') {
      await this.router.navigate([SIGN_IN_PATH], { queryParams: { signed_out: 1 } });
    } else {
      this.signOutProblem.set(outcome.message);
    }
  }
}
