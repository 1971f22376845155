import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatOption, MatSelect, type MatSelectChange } from '@angular/material/select';
import { MatSlideToggle, type MatSlideToggleChange } from '@angular/material/slide-toggle';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { TenantDetailStore } from '@aidial/portal/admin/data-access';
import type { AdminTenantDetailDto, MfaPolicy } from '@aidial/portal/api-client';
import { SessionStore } from '@aidial/portal/core';
import {
  DestructiveAction,
  ErrorNotice,
  MFA_POLICY_LABELS,
  PROJECT_STATUS_LABELS,
  TENANT_KIND_LABELS,
  TENANT_STATUS_LABELS,
  afterSelectCloses,
  askForRevocationNote,
  confirmWith,
  labelOf,
  sessionsEndedMessage,
} from '@aidial/portal/shared/ui';
import { canPerform } from '@aidial/shared/access';
import {
  mfaPolicyChangedMessage,
  mfaPolicyConfirmation,
  reactivatedMessage,
  reactivationConfirmation,
  smsOtpChangedMessage,
  smsOtpConfirmation,
  suspendedMessage,
  suspensionConfirmation,
} from './tenant-changes';

/**
 * `/admin/tenants/:id`: one tenant; an administrator suspends or reactivates it and sets its security options. Every
 * change asks first, saying what it will do (tenant-changes.ts), and the status line says what it did. A toggle or a
 * select goes back to the tenant's current value at once: it shows the new one only once the API has made the change.
 */
@Component({
  selector: 'aidial-tenant-detail-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    DatePipe,
    DestructiveAction,
    ErrorNotice,
    MatButton,
    MatFormField,
    MatLabel,
    MatOption,
    MatSelect,
    MatSlideToggle,
    RouterLink,
  ],
  providers: [TenantDetailStore],
  templateUrl: './tenant-detail.page.html',
  styles: `
    .controls {
      display: grid;
      gap: 1rem;
      max-inline-size: 36rem;
    }
  `,
})
export class TenantDetailPage {
  protected readonly store = inject(TenantDetailStore);
  private readonly dialog = inject(MatDialog);
  private readonly role = inject(SessionStore).role;

  protected readonly kindLabels = TENANT_KIND_LABELS;
  protected readonly statusLabels = TENANT_STATUS_LABELS;
  protected readonly policyLabels = MFA_POLICY_LABELS;
  protected readonly projectStatusLabels = PROJECT_STATUS_LABELS;
  protected readonly labelOf = labelOf;
  protected readonly policies: readonly MfaPolicy[] = ['role_default', 'required'];

  protected readonly can = computed(() => {
    const role = this.role();
    return {
      changeStatus: !!role && canPerform(role, 'admin.tenants.change_status'),
      changeFeatures: !!role && canPerform(role, 'admin.tenants.change_features'),
      changeMfaPolicy: !!role && canPerform(role, 'admin.tenants.change_mfa_policy'),
      revokeSessions: !!role && canPerform(role, 'sessions.revoke'),
    };
  });
  /** The changes of this page the role may not make, in words, for the note that says why they are missing. */
  protected readonly notAllowed = computed(() => {
    const can = this.can();
    return [
      can.changeStatus ? null : 'suspending or reactivating the tenant',
      can.changeFeatures ? null : 'turning SMS one-time codes on or off',
      can.changeMfaPolicy ? null : 'changing the MFA policy',
      can.revokeSessions ? null : "signing out the tenant's sessions",
    ].filter((change): change is string => change !== null);
  });

  /** What the last change did, for the live region: "3 sessions ended." */
  protected readonly announcement = signal<string | null>(null);

  constructor() {
    const id = inject(ActivatedRoute).snapshot.paramMap.get('id') ?? '';
    void this.store.load(id);
  }

  protected changeStatus(tenant: AdminTenantDetailDto): void {
    if (this.store.saving()) return;
    void this.confirmStatusChange(tenant);
  }

  private async confirmStatusChange(tenant: AdminTenantDetailDto): Promise<void> {
    this.announcement.set(null);
    const suspending = tenant.status === 'active';
    const confirmation = suspending ? suspensionConfirmation(tenant) : reactivationConfirmation(tenant);
    if (!(await confirmWith(this.dialog, confirmation))) return;
    const ended = await this.store.setStatus(suspending ? 'suspended' : 'active');
    if (ended === null) return;
    this.announcement.set(suspending ? suspendedMessage(tenant, ended) : reactivatedMessage(tenant));
  }

  protected revokeSessions(tenant: AdminTenantDetailDto): void {
    if (this.store.saving()) return;
    void this.askAndRevokeSessions(tenant);
  }

  private async askAndRevokeSessions(tenant: AdminTenantDetailDto): Promise<void> {
    this.announcement.set(null);
    const note = await askForRevocationNote(this.dialog, {
      title: `Sign out all sessions in ${tenant.name}?`,
      message: `Every member of ${tenant.name} is signed out of the portal at their next request; they can sign in again.`,
      confirm: 'Sign out all sessions',
    });
    if (note === null) return;
    const revoked = await this.store.revokeSessions(note);
    if (revoked !== null) this.announcement.set(sessionsEndedMessage(revoked));
  }

  protected toggleSmsOtp(tenant: AdminTenantDetailDto, change: MatSlideToggleChange): void {
    change.source.checked = tenant.sms_otp_enabled;
    if (this.store.saving()) return;
    void this.confirmSmsOtp(tenant, change.checked);
  }

  private async confirmSmsOtp(tenant: AdminTenantDetailDto, enabled: boolean): Promise<void> {
    this.announcement.set(null);
    if (!(await confirmWith(this.dialog, smsOtpConfirmation(tenant, enabled)))) return;
    if (await this.store.setSmsOtp(enabled)) this.announcement.set(smsOtpChangedMessage(tenant, enabled));
  }

  protected changePolicy(tenant: AdminTenantDetailDto, change: MatSelectChange<MfaPolicy>): void {
    change.source.value = tenant.mfa_policy;
    if (this.store.saving()) return;
    afterSelectCloses(change.source, () => void this.confirmPolicy(tenant, change.value));
  }

  private async confirmPolicy(tenant: AdminTenantDetailDto, policy: MfaPolicy): Promise<void> {
    this.announcement.set(null);
    if (!(await confirmWith(this.dialog, mfaPolicyConfirmation(tenant, policy)))) return;
    if (await this.store.setMfaPolicy(policy)) this.announcement.set(mfaPolicyChangedMessage(tenant, policy));
  }
}
