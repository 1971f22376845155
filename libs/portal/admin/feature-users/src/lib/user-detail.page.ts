import {
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  computed,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatOption, MatSelect, type MatSelectChange } from '@angular/material/select';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { UserDetailStore } from '@aidial/portal/admin/data-access';
import type { AdminMembershipDto, AdminUserDto } from '@aidial/portal/api-client';
import { SessionStore } from '@aidial/portal/core';
import {
  DestructiveAction,
  ErrorNotice,
  TENANT_KIND_LABELS,
  TENANT_STATUS_LABELS,
  afterSelectCloses,
  askForRevocationNote,
  confirmWith,
  labelOf,
  personName,
  roleChangeConfirmation,
  roleChangedMessage,
  sessionsEndedMessage,
  RoleLabelPipe,
} from '@aidial/portal/shared/ui';
import { type Role, canPerform, roleLabel, rolesForTenantKind } from '@aidial/shared/access';

/** `/admin/users/:id`: one user's memberships; an administrator assigns a role per tenant or removes a membership. */
@Component({
  selector: 'aidial-user-detail-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    DestructiveAction,
    ErrorNotice,
    MatButton,
    MatFormField,
    MatLabel,
    MatOption,
    MatSelect,
    RoleLabelPipe,
    RouterLink,
  ],
  providers: [UserDetailStore],
  styles: `
    .advice {
      display: block;
      max-inline-size: 22rem;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  template: `
    <p><a routerLink="/admin/users">All users</a></p>
    @let state = store.state();
    @if (state.kind === 'loading') {
      <h1 class="page-title">User</h1>
      <p class="state-message" role="status">Loading the user…</p>
    } @else if (state.kind === 'error') {
      <h1 class="page-title">User</h1>
      <aidial-error-notice [problem]="state.problem" />
    } @else {
      @let user = state.user;
      <h1 class="page-title">{{ user.display_name ?? user.email ?? 'Unnamed user' }}</h1>
      <dl class="details-list">
        <dt>Email</dt>
        <dd>{{ user.email ?? 'Unavailable' }}</dd>
        <dt>Status</dt>
        <dd>{{ user.status === 'active' ? 'Active' : 'Disabled' }}</dd>
      </dl>
      <p class="state-message">The name and email come from the identity provider and cannot be changed here.</p>

      <h2 class="section-title" tabindex="-1" #membershipsHeading>Memberships</h2>
      @if (!canAssign()) {
        <p class="read-only-note">
          Your role can view users. Assigning roles and removing memberships is limited to AiDial administrators.
        </p>
      }
      @if (store.changeProblem(); as problem) {
        <aidial-error-notice [problem]="problem" />
      }
      @if (user.memberships.length === 0) {
        <p class="state-message">This user belongs to no tenant.</p>
      } @else {
        <div class="table-scroll" role="region" aria-label="Memberships" tabindex="0">
          <table class="data-table">
            <thead>
              <tr>
                <th scope="col">Tenant</th>
                <th scope="col">Kind</th>
                <th scope="col">Role</th>
                @if (canAssign()) {
                  <th scope="col"><span class="cdk-visually-hidden">Actions</span></th>
                }
              </tr>
            </thead>
            <tbody>
              @for (membership of user.memberships; track membership.tenant.id) {
                <tr>
                  <th scope="row">
                    <a [routerLink]="['/admin/tenants', membership.tenant.id]">{{ membership.tenant.name }}</a>
                    ({{ labelOf(statusLabels, membership.tenant.status) }})
                  </th>
                  <td>{{ labelOf(kindLabels, membership.tenant.kind) }}</td>
                  <td>
                    @if (canAssign()) {
                      <mat-form-field class="role-field" subscriptSizing="dynamic">
                        <mat-label>Role in {{ membership.tenant.name }}</mat-label>
                        <!-- Shows the stored role: a choice is confirmed first, and shows once it is made. -->
                        <mat-select
                          [value]="membership.role_recognised ? membership.role : null"
                          [disabled]="store.saving()"
                          (selectionChange)="assign(user, membership, $event)"
                        >
                          @for (role of rolesFor(membership); track role) {
                            <mat-option [value]="role">{{ role | roleLabel }}</mat-option>
                          }
                        </mat-select>
                      </mat-form-field>
                    } @else {
                      {{ membership.role | roleLabel }}
                    }
                    @if (!membership.role_recognised) {
                      <span class="advice">
                        Unrecognised role: they are refused at sign-in until
                        {{ canAssign() ? 'you assign' : 'an administrator assigns' }}
                        a role or removes this membership.
                      </span>
                    }
                  </td>
                  @if (canAssign()) {
                    <td>
                      <button
                        mat-stroked-button
                        aidialDestructive
                        type="button"
                        [disabled]="store.saving()"
                        (click)="remove(user, membership)"
                      >
                        Remove membership<span class="cdk-visually-hidden"> in {{ membership.tenant.name }}</span>
                      </button>
                    </td>
                  }
                </tr>
              }
            </tbody>
          </table>
        </div>
      }
      @if (canRevokeSessions()) {
        <h2 class="section-title">Sessions</h2>
        <p>Signing out ends every session of this user, in every tenant; they can sign in again.</p>
        <p>
          <!-- Never disabled: focus comes back here when the dialog closes, and a disabled button would drop it. -->
          <button mat-stroked-button type="button" (click)="revokeSessions(user)">Sign out all sessions</button>
        </p>
      }
      <p class="state-message" role="status">{{ saved() }}</p>
    }
  `,
})
export class UserDetailPage {
  protected readonly store = inject(UserDetailStore);
  private readonly dialog = inject(MatDialog);
  private readonly role = inject(SessionStore).role;

  protected readonly kindLabels = TENANT_KIND_LABELS;
  protected readonly statusLabels = TENANT_STATUS_LABELS;
  protected readonly labelOf = labelOf;
  protected readonly saved = signal<string | null>(null);
  /** Where focus goes once a removed membership's row (and its focused button) is gone. */
  private readonly membershipsHeading = viewChild<ElementRef<HTMLElement>>('membershipsHeading');
  protected readonly canAssign = computed(() => {
    const role = this.role();
    return !!role && canPerform(role, 'admin.users.assign_role');
  });

  protected readonly canRevokeSessions = computed(() => {
    const role = this.role();
    return !!role && canPerform(role, 'sessions.revoke');
  });

  constructor() {
    void this.store.load(inject(ActivatedRoute).snapshot.paramMap.get('id') ?? '');
  }

  protected revokeSessions(user: AdminUserDto): void {
    if (this.store.saving()) return;
    void this.askAndRevokeSessions(user);
  }

  private async askAndRevokeSessions(user: AdminUserDto): Promise<void> {
    this.saved.set(null);
    const name = user.display_name ?? user.email ?? 'this user';
    const note = await askForRevocationNote(this.dialog, {
      title: `Sign out all sessions of ${name}?`,
      message: `${name} is signed out of every browser and device, in every tenant, at their next request.`,
      confirm: 'Sign out all sessions',
    });
    if (note === null) return;
    const revoked = await this.store.revokeSessions(note);
    if (revoked !== null) this.saved.set(sessionsEndedMessage(revoked));
  }

  protected rolesFor(membership: AdminMembershipDto): Role[] {
    return rolesForTenantKind(membership.tenant.kind);
  }

  /** Nothing changes until the administrator confirms; meanwhile the picker shows the stored role again. */
  protected assign(user: AdminUserDto, membership: AdminMembershipDto, change: MatSelectChange<Role>): void {
    change.source.value = membership.role_recognised ? membership.role : null;
    if (this.store.saving()) return;
    afterSelectCloses(change.source, () => void this.confirmAssignment(user, membership, change.value));
  }

  private async confirmAssignment(user: AdminUserDto, membership: AdminMembershipDto, role: Role): Promise<void> {
    this.saved.set(null);
    const facts = { person: nameOf(user), organisation: membership.tenant.name, from: membership.role, to: role };
    if (!(await confirmWith(this.dialog, roleChangeConfirmation(facts)))) return;
    if (await this.store.assignRole(membership.tenant.id, role)) this.saved.set(roleChangedMessage(facts));
  }

  protected remove(user: AdminUserDto, membership: AdminMembershipDto): void {
    void this.confirmRemoval(user, membership);
  }

  private async confirmRemoval(user: AdminUserDto, membership: AdminMembershipDto): Promise<void> {
    this.saved.set(null);
    const person = nameOf(user);
    const tenant = membership.tenant.name;
    const confirmed = await confirmWith(this.dialog, {
      title: `Remove ${person} from ${tenant}?`,
      message:
        `${person} loses their ${roleLabel(membership.role)} access to ${tenant} at once: their sessions there end. ` +
        'What they did stays in the audit log.',
      confirm: 'Remove membership',
      destructive: true,
    });
    if (confirmed && (await this.store.removeMembership(membership.tenant.id))) {
      this.saved.set(`${person} was removed from ${tenant}.`);
      this.membershipsHeading()?.nativeElement.focus();
    }
  }
}

function nameOf(user: AdminUserDto): string {
  return personName(user, 'This user');
}
