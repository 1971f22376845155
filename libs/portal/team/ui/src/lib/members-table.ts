import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatOption, MatSelect, type MatSelectChange } from '@angular/material/select';
import { DestructiveAction, RoleLabelPipe, afterSelectCloses, personName } from '@aidial/portal/shared/ui';
import { type Role, isRole } from '@aidial/shared/access';

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
 * A member whose stored role the portal does not recognise reads "Unrecognised role" with what to do; a manager may
 * give them a role or remove them (not sign them out: a role the portal does not recognise is refused on every request anyway).
 *
 * Choosing a role changes nothing by itself: `roleChange` asks the page, which confirms first. The select goes back to
 * the stored role at once, and shows the new one when the page's list has it, so a cancelled change leaves it as it was.
 */
@Component({
  selector: 'aidial-members-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DestructiveAction, MatButton, MatFormField, MatLabel, MatOption, MatSelect, RoleLabelPipe],
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
                @if (!isRecognised(member.role)) {
                  <!-- A stored role the portal does not know: its name, never its code, and what to do about it. -->
                  <span class="unrecognised">Unrecognised role</span>
                  <span class="advice">
                    @if (isManageable(member)) {
                      They cannot use the portal until you choose a role for them, or remove them.
                    } @else {
                      They cannot use the portal until an administrator gives them a role.
                    }
                  </span>
                }
                @if (isManageable(member)) {
                  <mat-form-field class="role-field" subscriptSizing="dynamic">
                    <mat-label>Role of {{ nameOf(member) }}</mat-label>
                    <!-- The picker shows the stored role: a choice asks the page, which confirms before changing it. -->
                    <mat-select
                      [value]="isRecognised(member.role) ? member.role : null"
                      [disabled]="saving()"
                      (selectionChange)="requestRoleChange(member, $event)"
                    >
                      @for (role of roles(); track role) {
                        <mat-option [value]="role">{{ role | roleLabel }}</mat-option>
                      }
                    </mat-select>
                  </mat-form-field>
                } @else if (isRecognised(member.role)) {
                  {{ member.role | roleLabel }}
                }
              </td>
              <td>{{ member.project_scope === 'all' ? 'All projects' : 'Selected projects' }}</td>
              @if (canManage()) {
                <td>
                  @if (isManageable(member)) {
                    <span class="actions">
                      @if (isRecognised(member.role)) {
                        <button
                          mat-stroked-button
                          type="button"
                          [attr.aria-label]="'Sign out sessions of ' + nameOf(member)"
                          (click)="signOutSessions.emit(member)"
                        >
                          Sign out sessions
                        </button>
                      }
                      <button
                        mat-stroked-button
                        aidialDestructive
                        type="button"
                        [disabled]="saving()"
                        (click)="remove.emit(member)"
                      >
                        Remove<span class="cdk-visually-hidden"> {{ nameOf(member) }}</span>
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
    .unrecognised {
      display: block;
      font-weight: 500;
    }
    .advice {
      display: block;
      max-inline-size: 22rem;
      margin-block-end: 0.25rem;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
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
    return personName(member, 'this member');
  }

  protected isRecognised(role: string): boolean {
    return isRole(role);
  }

  /**
   * Someone else, whose role the manager could give (a role above theirs is not theirs to change) or whose role the
   * portal does not recognise (below everyone: the manager repairs it, as the API allows).
   */
  protected isManageable(member: TeamMember): boolean {
    if (!this.canManage() || member.is_you) return false;
    return !isRole(member.role) || (this.roles() as readonly string[]).includes(member.role);
  }

  protected requestRoleChange(member: TeamMember, change: MatSelectChange<Role>): void {
    change.source.value = isRole(member.role) ? member.role : null;
    afterSelectCloses(change.source, () => this.roleChange.emit({ member, role: change.value }));
  }
}
