import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatAnchor } from '@angular/material/button';
import { RouterLink } from '@angular/router';

/**
 * Any address the portal does not know, a section the signed-in role may not see, and a page whose data the API does
 * not find (DESIGN.md §5): the same page for all three, so it says nothing about what exists elsewhere.
 */
@Component({
  selector: 'aidial-not-found-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatAnchor, RouterLink],
  template: `
    <h1>Page not found</h1>
    <p>There is no page at this address. Check the address, or go back to a page you know.</p>
    <a mat-stroked-button routerLink="/">Go to your home page</a>
  `,
  styles: `
    h1 {
      margin: 0 0 1rem;
      font: var(--mat-sys-headline-small);
    }
    p {
      margin: 0 0 1.5rem;
    }
  `,
})
export class NotFoundPage {}
