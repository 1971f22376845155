import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  computed,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCard, MatCardContent } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { ActivatedRoute } from '@angular/router';
import { SessionStore } from '@aidial/portal/core';
import { type ApiProblem, fieldErrorsOf } from '@aidial/portal/shared/data-access';
import {
  DestructiveAction,
  ErrorNotice,
  RoleLabelPipe,
  askForRevocationNote,
  confirmWith,
  personName,
  roleChangeConfirmation,
  roleChangedMessage,
  sessionsEndedMessage,
} from '@aidial/portal/shared/ui';
import { TEAM_MANAGE_ACTION, TeamStore } from '@aidial/portal/team/data-access';
import { MembersTable, type RoleChange, type TeamMember } from '@aidial/portal/team/ui';
import { type Role, assignableRoles, canPerform, roleLabel } from '@aidial/shared/access';

/** Route data of a team page. */
export interface TeamPageData {
  readonly heading: string;
  /** Who manages this team, for the read-only note: "a client administrator". */
  readonly manager: string;
}

/**
 * `/team` (client_admin manages, client_manager reads) and `/partner/team` (partner_admin manages, partner_user
 * reads): members, pending invitations, and for a manager the invite form, role changes and removals.
 */
@Component({
  selector: 'aidial-team-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RoleLabelPipe,
    DatePipe,
    DestructiveAction,
    ErrorNotice,
    MatButton,
    MatCard,
    MatCardContent,
    MatError,
    MatFormField,
    MatInput,
    MatLabel,
    MatOption,
    MatSelect,
    MembersTable,
    ReactiveFormsModule,
  ],
  templateUrl: './team.page.html',
  styles: `
    .invite-form {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 0.75rem;
    }
    .email-field {
      min-inline-size: 18rem;
    }
  `,
})
export class TeamPage {
  protected readonly store = inject(TeamStore);
  private readonly dialog = inject(MatDialog);
  private readonly session = inject(SessionStore);
  private readonly role = this.session.role;
  /** The tenant whose team this is (the caller's own), as confirmations name it. */
  private readonly organisation = computed(() => this.session.session()?.tenant.name ?? 'your organisation');

  protected readonly page = inject(ActivatedRoute).snapshot.data as TeamPageData;
  protected readonly canManage = computed(() => {
    const role = this.role();
    return !!role && canPerform(role, TEAM_MANAGE_ACTION[this.store.kind]);
  });
  protected readonly roles = computed<Role[]>(() => {
    const role = this.role();
    return role && this.canManage() ? assignableRoles(role) : [];
  });

  protected readonly inviteForm = new FormGroup({
    email: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.email] }),
    role: new FormControl<Role | null>(null, { validators: [Validators.required] }),
  });
  protected readonly inviting = signal(false);
  protected readonly inviteProblem = signal<ApiProblem | null>(null);
  protected readonly announcement = signal<string | null>(null);
  /** Where focus goes once a removed row (and the button that was focused in it) is gone. */
  private readonly membersHeading = viewChild<ElementRef<HTMLElement>>('membersHeading');

  constructor() {
    void this.store.load();
  }

  protected invite(): void {
    if (this.inviteForm.invalid) {
      this.inviteForm.markAllAsTouched();
      return;
    }
    void this.sendInvitation();
  }

  private async sendInvitation(): Promise<void> {
    const { email, role } = this.inviteForm.getRawValue();
    if (!role) return;
    this.inviting.set(true);
    this.inviteProblem.set(null);
    this.announcement.set(null);
    const result = await this.store.invite(email.trim(), role);
    this.inviting.set(false);
    if (result.ok) {
      this.inviteForm.reset();
      this.announcement.set(`Invitation sent to ${result.data.email} as ${roleLabel(result.data.role)}.`);
      return;
    }
    this.inviteProblem.set(result.problem);
    const fields = fieldErrorsOf(result.problem);
    for (const name of ['email', 'role'] as const) {
      if (fields[name]) {
        this.inviteForm.controls[name].setErrors({ server: fields[name] });
        this.inviteForm.controls[name].markAsTouched();
      }
    }
  }

  protected serverError(name: 'email' | 'role'): string | null {
    const errors = this.inviteForm.controls[name].errors;
    return typeof errors?.['server'] === 'string' ? errors['server'] : null;
  }

  protected changeRole(change: RoleChange): void {
    if (this.store.saving()) return;
    void this.confirmRoleChange(change);
  }

  /** Nothing changes until the manager confirms; the picker still shows the stored role meanwhile (MembersTable). */
  private async confirmRoleChange({ member, role }: RoleChange): Promise<void> {
    this.announcement.set(null);
    const facts = { person: nameOf(member), organisation: this.organisation(), from: member.role, to: role };
    if (!(await confirmWith(this.dialog, roleChangeConfirmation(facts)))) return;
    if (await this.store.changeRole(member.id, role)) this.announcement.set(roleChangedMessage(facts));
  }

  protected remove(member: TeamMember): void {
    void this.confirmRemoval(member);
  }

  private async confirmRemoval(member: TeamMember): Promise<void> {
    this.announcement.set(null);
    const person = nameOf(member);
    const organisation = this.organisation();
    const confirmed = await confirmWith(this.dialog, {
      title: `Remove ${person} from ${organisation}?`,
      message:
        `${person} loses access to ${organisation} at once: their sessions here end and they cannot sign in to it ` +
        'again unless they are invited. What they did stays in the audit log.',
      confirm: 'Remove member',
      destructive: true,
    });
    if (confirmed && (await this.store.removeMember(member.id))) {
      this.announcement.set(`${person} was removed from ${organisation}.`);
      this.membersHeading()?.nativeElement.focus();
    }
  }

  protected signOutSessions(member: TeamMember): void {
    if (this.store.saving()) return;
    void this.askAndSignOut(member);
  }

  private async askAndSignOut(member: TeamMember): Promise<void> {
    this.announcement.set(null);
    const note = await askForRevocationNote(this.dialog, {
      title: `Sign out ${nameOf(member)}?`,
      message: `${nameOf(member)} is signed out of every browser and device in ${this.organisation()} at their next request. They can sign in again.`,
      confirm: 'Sign out sessions',
    });
    if (note === null) return;
    const revoked = await this.store.revokeSessions(member.id, note);
    if (revoked !== null) this.announcement.set(`${nameOf(member)}: ${sessionsEndedMessage(revoked)}`);
  }

  protected revoke(id: string, email: string): void {
    void this.confirmRevocation(id, email);
  }

  private async confirmRevocation(id: string, email: string): Promise<void> {
    this.announcement.set(null);
    const confirmed = await confirmWith(this.dialog, {
      title: `Revoke the invitation to ${email}?`,
      message: 'The invitation stops working; you can invite the address again later.',
      confirm: 'Revoke invitation',
      destructive: true,
    });
    if (confirmed && (await this.store.revokeInvitation(id))) {
      this.announcement.set(`The invitation to ${email} was revoked.`);
      this.membersHeading()?.nativeElement.focus();
    }
  }
}

function nameOf(member: TeamMember): string {
  return personName(member, 'This member');
}
