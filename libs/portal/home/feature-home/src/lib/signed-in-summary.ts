import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { SessionStore, displayNameOf } from '@aidial/portal/core';
import { roleLabel } from '@aidial/shared/access';

/** "Signed in as Amelia Hart (Client Administrator) · Acme Health": who the portal thinks is here, atop each home page. */
@Component({
  selector: 'aidial-signed-in-summary',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (summary(); as summary) {
      <p class="summary">Signed in as {{ summary.name }} ({{ summary.role }}) · {{ summary.tenant }}</p>
    }
  `,
  styles: `
    .summary {
      margin: 0;
      font: var(--mat-sys-body-large);
    }
  `,
})
export class SignedInSummary {
  private readonly session = inject(SessionStore).session;

  protected readonly summary = computed(() => {
    const session = this.session();
    return session && { name: displayNameOf(session), role: roleLabel(session.role), tenant: session.tenant.name };
  });
}
