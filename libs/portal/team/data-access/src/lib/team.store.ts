import { Injectable, InjectionToken, computed, inject, signal } from '@angular/core';
import {
  API_CLIENT,
  type ApiClient,
  type TeamInvitationDto,
  type TeamMemberDto,
  changePartnerTeamMemberRole,
  changeTeamMemberRole,
  createPartnerTeamInvitation,
  createTeamInvitation,
  listPartnerTeamInvitations,
  listPartnerTeamMembers,
  listTeamInvitations,
  listTeamMembers,
  removePartnerTeamMember,
  removeTeamMember,
  revokePartnerTeamInvitation,
  revokePartnerTeamMemberSessions,
  revokeTeamInvitation,
  revokeTeamMemberSessions,
} from '@aidial/portal/api-client';
import { type ApiProblem, type ApiResult, callApi } from '@aidial/portal/shared/data-access';
import type { Action, Role } from '@aidial/shared/access';

/** Which team a page shows: a customer tenant's (`/team`) or a partner tenant's (`/partner/team`). */
export type TeamKind = 'team' | 'partner_team';

/** The team page's kind, provided by its route. */
export const TEAM_KIND = new InjectionToken<TeamKind>('TEAM_KIND');

/** The action that lets a role manage this kind of team (`ACTIONS`). */
export const TEAM_MANAGE_ACTION: Readonly<Record<TeamKind, Action>> = {
  team: 'team.manage',
  partner_team: 'partner_team.manage',
};

type Answer<T> = Promise<{ data?: T; error?: unknown; response?: { status: number } }>;

/** The Team endpoints of each kind: the same shapes under `/api/team` and `/api/partner/team`. */
interface TeamApi {
  members(): Answer<{ items: TeamMemberDto[] }>;
  invitations(): Answer<{ items: TeamInvitationDto[] }>;
  invite(email: string, role: Role): Answer<TeamInvitationDto>;
  revoke(id: string): Answer<unknown>;
  changeRole(id: string, role: Role): Answer<TeamMemberDto>;
  remove(id: string): Answer<unknown>;
  revokeSessions(id: string, note: string): Answer<{ revoked: number }>;
}

function teamApi(kind: TeamKind, client: ApiClient): TeamApi {
  // The generated bodies narrow the role to the tenant's kind; the API validates it (assignableRoles offers only those).
  type CustomerRole = 'client_admin' | 'client_manager' | 'client_staff';
  type PartnerRole = 'partner_admin' | 'partner_user';
  return kind === 'team'
    ? {
        members: () => listTeamMembers({ client }),
        invitations: () => listTeamInvitations({ client }),
        invite: (email, role) => createTeamInvitation({ client, body: { email, role: role as CustomerRole } }),
        revoke: (id) => revokeTeamInvitation({ client, path: { id } }),
        changeRole: (id, role) => changeTeamMemberRole({ client, path: { id }, body: { role: role as CustomerRole } }),
        remove: (id) => removeTeamMember({ client, path: { id } }),
        revokeSessions: (id, note) => revokeTeamMemberSessions({ client, path: { id }, body: { note } }),
      }
    : {
        members: () => listPartnerTeamMembers({ client }),
        invitations: () => listPartnerTeamInvitations({ client }),
        invite: (email, role) => createPartnerTeamInvitation({ client, body: { email, role: role as PartnerRole } }),
        revoke: (id) => revokePartnerTeamInvitation({ client, path: { id } }),
        changeRole: (id, role) =>
          changePartnerTeamMemberRole({ client, path: { id }, body: { role: role as PartnerRole } }),
        remove: (id) => removePartnerTeamMember({ client, path: { id } }),
        revokeSessions: (id, note) => revokePartnerTeamMemberSessions({ client, path: { id }, body: { note } }),
      };
}

export type TeamState =
  | { readonly kind: 'loading' }
  | {
      readonly kind: 'loaded';
      readonly members: readonly TeamMemberDto[];
      /** Null when the invitations could not be read (a read-only role may not see them). */
      readonly invitations: readonly TeamInvitationDto[] | null;
    }
  | { readonly kind: 'error'; readonly problem: ApiProblem };

/** A tenant's team: its members and pending invitations, and the changes a team manager makes. */
@Injectable()
export class TeamStore {
  private readonly api = teamApi(inject(TEAM_KIND), inject(API_CLIENT));
  private readonly current = signal<TeamState>({ kind: 'loading' });

  readonly kind = inject(TEAM_KIND);
  readonly state = this.current.asReadonly();
  readonly members = computed(() => {
    const state = this.current();
    return state.kind === 'loaded' ? state.members : [];
  });
  readonly saving = signal(false);
  /** Why the last change (role, removal, revocation) was refused. */
  readonly changeProblem = signal<ApiProblem | null>(null);

  async load(): Promise<void> {
    this.current.set({ kind: 'loading' });
    const [members, invitations] = await Promise.all([callApi(this.api.members()), callApi(this.api.invitations())]);
    this.current.set(
      members.ok
        ? { kind: 'loaded', members: members.data.items, invitations: invitations.ok ? invitations.data.items : null }
        : { kind: 'error', problem: members.problem },
    );
  }

  /** Invites an email address with a role; on success the invitation joins the list. */
  async invite(email: string, role: Role): Promise<ApiResult<TeamInvitationDto>> {
    const result = await callApi(this.api.invite(email, role));
    if (result.ok) {
      this.update((state) => ({ ...state, invitations: [...(state.invitations ?? []), result.data] }));
    }
    return result;
  }

  revokeInvitation(id: string): Promise<boolean> {
    return this.change(this.api.revoke(id), () =>
      this.update((state) => ({ ...state, invitations: (state.invitations ?? []).filter((item) => item.id !== id) })),
    );
  }

  changeRole(memberId: string, role: Role): Promise<boolean> {
    return this.change(this.api.changeRole(memberId, role), (member) =>
      this.update((state) => ({
        ...state,
        members: state.members.map((item) => (item.id === memberId ? member : item)),
      })),
    );
  }

  removeMember(memberId: string): Promise<boolean> {
    return this.change(this.api.remove(memberId), () =>
      this.update((state) => ({ ...state, members: state.members.filter((item) => item.id !== memberId) })),
    );
  }

  /** Signs a member out of every session in this tenant, with the note they will read. Resolves with how many. */
  async revokeSessions(memberId: string, note: string): Promise<number | null> {
    let revoked: number | null = null;
    await this.change(this.api.revokeSessions(memberId, note), (data) => {
      revoked = data.revoked;
    });
    return revoked;
  }

  private async change<T>(request: Answer<T>, apply: (data: T) => void): Promise<boolean> {
    this.saving.set(true);
    this.changeProblem.set(null);
    const result = await callApi(request);
    this.saving.set(false);
    if (!result.ok) {
      this.changeProblem.set(result.problem);
      return false;
    }
    apply(result.data);
    return true;
  }

  private update(
    change: (state: Extract<TeamState, { kind: 'loaded' }>) => Extract<TeamState, { kind: 'loaded' }>,
  ): void {
    const state = this.current();
    if (state.kind === 'loaded') this.current.set(change(state));
  }
}
