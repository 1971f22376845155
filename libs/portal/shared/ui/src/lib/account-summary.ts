import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/** The signed-in account, as the portal knows it from the session. */
export interface AccountDetails {
  readonly name: string;
  readonly email: string;
  readonly role: string;
  readonly organisation: string;
  /** How the identity provider says the user signed in: "Password and a second factor". */
  readonly signInMethod: string;
  readonly signedInAt: string;
}

/** A definition list of the signed-in account: name, email, role, organisation, and how they signed in. */
@Component({
  selector: 'aidial-account-summary',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe],
  template: `
    <dl class="account-summary">
      <div class="row">
        <dt>Name</dt>
        <dd>{{ account().name }}</dd>
      </div>
      <div class="row">
        <dt>Email</dt>
        <dd>{{ account().email }}</dd>
      </div>
      <div class="row">
        <dt>Role</dt>
        <dd>{{ account().role }}</dd>
      </div>
      <div class="row">
        <dt>Organisation</dt>
        <dd>{{ account().organisation }}</dd>
      </div>
      <div class="row">
        <dt>Signed in with</dt>
        <dd>{{ account().signInMethod }}</dd>
      </div>
      <div class="row">
        <dt>Signed in at</dt>
        <dd>
          <time [attr.datetime]="account().signedInAt">{{ account().signedInAt | date: 'medium' }}</time>
        </dd>
      </div>
    </dl>
  `,
  styles: `
    .account-summary {
      margin: 0;
    }
    .row {
      display: grid;
      grid-template-columns: 10rem 1fr;
      gap: 1rem;
      padding-block: 0.5rem;
      border-block-end: 1px solid var(--mat-sys-outline-variant);
    }
    dt {
      font: var(--mat-sys-title-small);
    }
    dd {
      margin: 0;
      overflow-wrap: anywhere;
    }
  `,
})
export class AccountSummary {
  readonly account = input.required<AccountDetails>();
}
