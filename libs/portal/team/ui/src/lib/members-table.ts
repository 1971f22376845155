import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatOption, MatSelect } from '@angular/material/select';
import { RoleLabelPipe } from '@aidial/portal/shared/ui';
import type { Role } from '@aidial/shared/access';

/** A member as the Team endpoints describe one (TeamMember). */
export interface TeamMember {
  readonly id: string;
  readonly email: string | null;
  readonly display_name: string | null;
  readonly role: string;
  readonly project_scope: 'all' | 'selected';
  readonly is_you: boolean;
}

export interface RoleChange {
  readonly member: TeamMember;
  readonly role: Role;
}

/**
 * The members of a team. With `canManage`, each other member's role is a select (the roles the manager may assign),
 * a Sign out sessions button and a Remove button; without it, the table only reads. Your own row never offers changes.
 */
@Component({
  selector: 'aidial-members-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButton, MatFormField, MatLabel, MatOption, MatSelect, RoleLabelPipe],
  template: `
    <div class="table-scroll" role="region" aria-label="Members" tabindex="0">
      <table class="data-table">
        <caption class="cdk-visually-hidden">
          Members
        </caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Role</th>
            <th scope="col">Projects</th>
            @if (canManage()) {
              <th scope="col"><span class="cdk-visually-hidden">Actions</span></th>
            }
          </tr>
        </thead>
        <tbody>
          @for (member of members(); track member.id) {
            <tr>
              <th scope="row">
                {{ member.display_name ?? 'Unavailable' }}
                @if (member.is_you) {
                  <span class="you">(you)</span>
                }
              </th>
              <td>{{ member.email ?? 'Unavailable' }}</td>
              <td>
                @if (canManage() && !member.is_you && isAssignable(member.role)) {
                  <mat-form-field class="role-field" subscriptSizing="dynamic">
                    <mat-label>Role of {{ member.display_name ?? member.email ?? 'member' }}</mat-label>
                    <mat-select
                      [value]="member.role"
                      [disabled]="saving()"
                      (selectionChange)="roleChange.emit({ member, role: $event.value })"
                    >
                      @for (role of roles(); track role) {
                        <mat-option [value]="role">{{ role | roleLabel }}</mat-option>
                      }
                    </mat-select>
                  </mat-form-field>
                } @else {
                  {{ member.role | roleLabel }}
                }
              </td>
              <td>{{ member.project_scope === 'all' ? 'All projects' : 'Selected projects' }}</td>
              @if (canManage()) {
                <td>
                  @if (!member.is_you && isAssignable(member.role)) {
                    <span class="actions">
                      <button
                        mat-stroked-button
                        type="button"
                        [attr.aria-label]="'Sign out sessions of ' + nameOf(member)"
                        (click)="signOutSessions.emit(member)"
                      >
                        Sign out sessions
                      </button>
                      <button mat-stroked-button type="button" [disabled]="saving()" (click)="remove.emit(member)">
                        Remove
                      </button>
                    </span>
                  }
                </td>
              }
            </tr>
          }
        </tbody>
      </table>
    </div>
  `,
  styles: `
    .actions {
      display: inline-flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
    .you {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class MembersTable {
  readonly members = input.required<readonly TeamMember[]>();
  /** The roles the signed-in manager may give. */
  readonly roles = input<readonly Role[]>([]);
  readonly canManage = input(false);
  readonly saving = input(false);

  readonly roleChange = output<RoleChange>();
  readonly remove = output<TeamMember>();
  /** "Sign out sessions": the page asks for the note and signs the member out everywhere in this tenant. */
  readonly signOutSessions = output<TeamMember>();

  protected nameOf(member: TeamMember): string {
    return member.display_name ?? member.email ?? 'member';
  }

  /** A member whose role is above the manager's is not theirs to change. */
  protected isAssignable(role: string): boolean {
    return (this.roles() as readonly string[]).includes(role);
  }
}
