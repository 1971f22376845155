import { ChangeDetectionStrategy, Component } from '@angular/core';
import { SignedInSummary } from './signed-in-summary';

const PAGE_STYLES = `
  .title {
    margin: 0 0 1rem;
    font: var(--mat-sys-headline-small);
  }
`;

/** `/admin`, the home of internal roles (aidial_admin, aidial_operator). Its content comes with the admin features. */
@Component({
  selector: 'aidial-admin-home-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [SignedInSummary],
  template: `
    <h1 class="title">Admin</h1>
    <aidial-signed-in-summary />
  `,
  styles: PAGE_STYLES,
})
export class AdminHomePage {}
