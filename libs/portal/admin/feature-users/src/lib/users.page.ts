import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { UserListStore } from '@aidial/portal/admin/data-access';
import { ErrorNotice, RoleLabelPipe } from '@aidial/portal/shared/ui';

/** `/admin/users`: every user with their memberships, searched by email or name. */
@Component({
  selector: 'aidial-users-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ErrorNotice, MatButton, MatFormField, MatInput, MatLabel, ReactiveFormsModule, RoleLabelPipe, RouterLink],
  providers: [UserListStore],
  template: `
    <h1 class="page-title">Users</h1>

    <form class="filter-row" role="search" aria-label="Users" (submit)="search($event)">
      <mat-form-field>
        <mat-label>Search by email or name</mat-label>
        <input matInput type="search" [formControl]="query" />
      </mat-form-field>
      <button mat-stroked-button type="submit">Search</button>
    </form>

    @let state = list.state();
    @if (state.kind === 'loading') {
      <p class="state-message" role="status">Loading users…</p>
    } @else if (state.kind === 'error') {
      <aidial-error-notice [problem]="state.problem" />
      <p><button mat-stroked-button type="button" (click)="list.load()">Try again</button></p>
    } @else if (state.items.length === 0) {
      <p class="state-message" role="status">No users match this search.</p>
    } @else {
      <div class="table-scroll" role="region" aria-label="Users" tabindex="0">
        <table class="data-table">
          <caption class="cdk-visually-hidden">
            Users, page
            {{
              list.pageNumber()
            }}
          </caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Status</th>
              <th scope="col">Memberships</th>
            </tr>
          </thead>
          <tbody>
            @for (user of state.items; track user.id) {
              <tr>
                <th scope="row">
                  <a [routerLink]="['/admin/users', user.id]">{{
                    user.display_name ?? user.email ?? 'Unnamed user'
                  }}</a>
                </th>
                <td>{{ user.email ?? 'Unavailable' }}</td>
                <td>{{ user.status === 'active' ? 'Active' : 'Disabled' }}</td>
                <td>
                  @for (membership of user.memberships; track membership.tenant.id; let last = $last) {
                    {{ membership.tenant.name }} — {{ membership.role | roleLabel }}{{ last ? '' : ';' }}
                  } @empty {
                    None
                  }
                </td>
              </tr>
            }
          </tbody>
        </table>
      </div>
    }

    <nav class="pager" aria-label="User pages">
      <button mat-stroked-button type="button" [disabled]="!list.hasPrevious()" (click)="list.previous()">
        Previous
      </button>
      <span>Page {{ list.pageNumber() }}</span>
      <button mat-stroked-button type="button" [disabled]="!list.hasNext()" (click)="list.next()">Next</button>
    </nav>
  `,
})
export class UsersPage {
  protected readonly list = inject(UserListStore).list;
  protected readonly query = new FormControl('', { nonNullable: true });

  constructor() {
    void this.list.load();
  }

  protected search(event: Event): void {
    event.preventDefault();
    void this.list.search({ q: this.query.value });
  }
}
