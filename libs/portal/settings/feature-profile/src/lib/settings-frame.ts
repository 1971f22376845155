import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { ActivatedRoute, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';

/** Route data of the frame: its heading ("Settings" or "Profile") and where its sections live. */
export interface SettingsFrameData {
  readonly heading: string;
  /** `/settings` or `/admin/profile`. */
  readonly basePath: string;
}

/**
 * The frame of Settings (`/settings`, customer and partner roles) and the admin Profile (`/admin/profile`, internal
 * roles): the heading and the sections' own navigation, Profile and Sessions, above the open section.
 */
@Component({
  selector: 'aidial-settings-frame',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, RouterLinkActive, RouterOutlet],
  template: `
    <h1 class="page-title">{{ page.heading }}</h1>
    <nav class="sections" [attr.aria-label]="page.heading">
      <a
        [routerLink]="page.basePath"
        routerLinkActive="active"
        [routerLinkActiveOptions]="{ exact: true }"
        ariaCurrentWhenActive="page"
        >Profile</a
      >
      <a [routerLink]="page.basePath + '/sessions'" routerLinkActive="active" ariaCurrentWhenActive="page">Sessions</a>
    </nav>
    <router-outlet />
  `,
  styles: `
    /* One column no wider than the page: a wide table scrolls in its own region rather than widening the page. */
    :host {
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      gap: 1rem;
    }
    .page-title {
      margin: 0;
      font: var(--mat-sys-headline-small);
    }
    .sections {
      display: flex;
      gap: 0.25rem;
      border-block-end: 1px solid var(--mat-sys-outline-variant);
    }
    .sections a {
      padding: 0.5rem 1rem;
      color: var(--mat-sys-on-surface-variant);
      text-decoration: none;
      border-block-end: 3px solid transparent;
    }
    .sections a:hover,
    .sections a:focus-visible {
      color: var(--mat-sys-on-surface);
    }
    .sections a.active {
      color: var(--mat-sys-primary);
      border-block-end-color: var(--mat-sys-primary);
    }
  `,
})
export class SettingsFrame {
  protected readonly page = inject(ActivatedRoute).snapshot.data as SettingsFrameData;
}
