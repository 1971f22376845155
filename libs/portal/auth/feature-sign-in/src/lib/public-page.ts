import { ChangeDetectionStrategy, Component } from '@angular/core';

/**
 * The frame of the pages shown without a session (sign-in, access denied): the product's name and one card, no
 * navigation. The card holds the page's own heading and content.
 */
@Component({
  selector: 'aidial-public-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="brand">
      <svg class="logo" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
        <rect width="32" height="32" rx="6" />
        <path d="M9 23 16 8l7 15h-4l-3-7-3 7z" />
      </svg>
      <span class="product-name">AiDial Access</span>
    </header>
    <main class="card">
      <ng-content />
    </main>
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      align-items: center;
      gap: 1.5rem;
      min-block-size: 100dvh;
      padding: 3rem 1rem;
      box-sizing: border-box;
      background: var(--mat-sys-surface-container-low);
    }
    .brand {
      display: flex;
      align-items: center;
      gap: 0.75rem;
    }
    .logo {
      inline-size: 2.5rem;
      block-size: 2.5rem;
      rect {
        fill: var(--mat-sys-primary);
      }
      path {
        fill: var(--mat-sys-on-primary);
      }
    }
    .product-name {
      font: var(--mat-sys-title-large);
    }
    .card {
      inline-size: 100%;
      max-inline-size: 28rem;
      box-sizing: border-box;
      padding: 2rem;
      border-radius: 12px;
      background: var(--mat-sys-surface);
      border: 1px solid var(--mat-sys-outline-variant);
    }
  `,
})
export class PublicPage {}
