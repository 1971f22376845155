import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatAnchor } from '@angular/material/button';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { SessionStore } from '@aidial/portal/core';
import { NotConnectedState } from '@aidial/portal/shared/ui';
import { canAccessSection } from '@aidial/shared/access';
import { PLATFORM_SECTIONS, type PlatformSectionKey } from './platform-sections';

/** Route data of a platform page: which section of `PLATFORM_SECTIONS` it is. */
export interface PlatformSectionData {
  readonly platformSection: PlatformSectionKey;
}

/** A page whose platform data the API does not proxy yet: its heading and the shared "Not connected yet" state. */
@Component({
  selector: 'aidial-platform-section-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatAnchor, NotConnectedState, RouterLink],
  template: `
    <h1 class="page-title">{{ section.heading }}</h1>
    <aidial-not-connected-state [subject]="section.subject" [willShow]="section.willShow" />
    @if (showsComplianceAdminLink()) {
      <p class="subpage-link">
        <a mat-stroked-button routerLink="/compliance/admin">Compliance administration</a>
      </p>
    }
  `,
  styles: `
    .page-title {
      margin: 0 0 1rem;
      font: var(--mat-sys-headline-small);
    }
    .subpage-link {
      margin: 1.5rem 0 0;
    }
  `,
})
export class PlatformSectionPage {
  private readonly key = (inject(ActivatedRoute).snapshot.data as PlatformSectionData).platformSection;
  private readonly role = inject(SessionStore).role;

  protected readonly section = PLATFORM_SECTIONS[this.key];
  /** The administrator subpages are reached from Compliance, for the role that may open them. */
  protected readonly showsComplianceAdminLink = computed(() => {
    const role = this.role();
    return this.key === 'compliance' && !!role && canAccessSection(role, 'compliance_admin');
  });
}
