import { DatePipe, formatNumber } from '@angular/common';
import { ChangeDetectionStrategy, Component, LOCALE_ID, inject } from '@angular/core';
import { MatAnchor, MatButton } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import type { AdminOverviewDto, AuditEventDto } from '@aidial/portal/api-client';
import { AUDIT_ACTION_LABELS, AUDIT_OUTCOME_LABELS, auditLabelOf } from '@aidial/portal/audit/ui';
import { AdminOverviewStore } from '@aidial/portal/home/data-access';
import { PlatformStore } from '@aidial/portal/platform/data-access';
import { ErrorNotice, TENANT_STATUS_LABELS, labelOf } from '@aidial/portal/shared/ui';
import { roleLabel } from '@aidial/shared/access';
import { SignedInSummary } from './signed-in-summary';

/** What makes a member's MFA mandatory, and what they lack, in words. */
const REQUIRED_BY_LABELS: Readonly<Record<string, string>> = {
  role: 'Their role',
  tenant_policy: 'Their organisation’s policy',
  user_policy: 'Their own MFA policy',
};
const MISSING_LABELS: Readonly<Record<string, string>> = {
  no_second_factor: 'No second factor set up',
  enrolment_unknown: 'Not known: the identity provider was not asked or did not answer',
};
/** The readiness probe's word for the identity provider, as a sentence (docs/operators.md, "Readiness"). */
const IDENTITY_PROVIDER_STATES: Readonly<
  Record<AdminOverviewDto['identity_provider'], { readonly state: string; readonly detail: string }>
> = {
  up: { state: 'Reachable', detail: 'Its service account has the rights the portal needs.' },
  down: {
    state: 'Reachable, but misconfigured',
    detail: 'It refuses the portal’s service account: see the operator guide’s readiness section.',
  },
  unknown: {
    state: 'Not confirmed yet',
    detail:
      'The portal has not yet confirmed its service account’s rights: it has just started, or the identity provider did not answer its last check.',
  },
};

/**
 * `/admin`, the home of internal roles (aidial_admin, aidial_operator): the internal team's overview. Tenants by status,
 * members whose MFA is mandatory but who have no second factor, the latest audit events, and whether the identity
 * provider and the AiDial platform answer.
 */
@Component({
  selector: 'aidial-admin-home-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, ErrorNotice, MatAnchor, MatButton, RouterLink, SignedInSummary],
  providers: [AdminOverviewStore, PlatformStore],
  template: `
    <h1 class="page-title">Admin</h1>
    <aidial-signed-in-summary />
    @let overview = store.overview.view();

    <h2 class="section-title">Services</h2>
    <dl class="services" aria-label="Services">
      <div class="service">
        <dt>Identity provider</dt>
        @switch (overview.kind) {
          @case ('loading') {
            <dd>Checking…</dd>
          }
          @case ('loaded') {
            @let provider = identityProviders[overview.data.identity_provider];
            <dd>
              <strong>{{ provider.state }}</strong>
              <span class="detail">{{ provider.detail }}</span>
            </dd>
          }
          @default {
            <dd><strong>Not known</strong> <span class="detail">The overview could not be read.</span></dd>
          }
        }
      </div>
      <div class="service">
        <dt>AiDial platform</dt>
        @let capacity = platform.capacity.view();
        @switch (capacity.kind) {
          @case ('loading') {
            <dd>Checking…</dd>
          }
          @case ('loaded') {
            <dd>
              <strong>Answering</strong>
              <span class="detail">
                {{ number(capacity.data.in_use) }} of {{ number(capacity.data.concurrent_lines) }} lines in use,
                {{ number(capacity.data.queued) }} queued.
              </span>
            </dd>
          }
          @case ('unavailable') {
            <dd>
              <strong>Not answering</strong>
              <span class="detail">Platform pages say so until it answers again.</span>
            </dd>
          }
          @default {
            <dd>
              <strong>Not known</strong> <span class="detail">{{ capacity.problem.message }}</span>
            </dd>
          }
        }
      </div>
    </dl>
    <p><a mat-stroked-button routerLink="/admin/status">Status page</a></p>

    @switch (overview.kind) {
      @case ('loading') {
        <p class="state-message" role="status">Loading the overview…</p>
      }
      @case ('error') {
        <aidial-error-notice [problem]="overview.problem" />
        <p><button mat-stroked-button type="button" (click)="load()">Try again</button></p>
      }
      @case ('loaded') {
        <h2 class="section-title">Tenants</h2>
        <ul class="tenant-counts" aria-label="Tenants by status">
          @for (row of overview.data.tenants_by_status; track row.status) {
            <li>
              <a routerLink="/admin/tenants">
                <span class="count">{{ number(row.count) }}</span>
                {{ statusLabel(row.status) }}
              </a>
            </li>
          }
        </ul>

        <h2 class="section-title">Mandatory MFA not set up</h2>
        @let mfa = overview.data.mfa_not_compliant;
        <p>
          Members whose MFA is mandatory (by their role, their organisation’s policy or their own) and who have no
          second factor at the identity provider. The portal asks them to set one up before anything else.
        </p>
        @if (mfa.members.length === 0 && mfa.unchecked === 0) {
          <p class="state-message">
            All {{ number(mfa.checked) }} members whose MFA is mandatory have a second factor.
          </p>
        } @else {
          <div class="table-scroll" role="region" aria-label="Members without mandatory MFA" tabindex="0">
            <table class="data-table">
              <caption class="cdk-visually-hidden">
                Members whose MFA is mandatory and not set up
              </caption>
              <thead>
                <tr>
                  <th scope="col">Member</th>
                  <th scope="col">Organisation</th>
                  <th scope="col">Role</th>
                  <th scope="col">Mandatory because of</th>
                  <th scope="col">Missing</th>
                </tr>
              </thead>
              <tbody>
                @for (member of mfa.members; track member.user_id + member.tenant.id) {
                  <tr>
                    <th scope="row">
                      <a [routerLink]="['/admin/users', member.user_id]">{{ member.display_name ?? member.email }}</a>
                      @if (member.display_name && member.email) {
                        <span class="detail">{{ member.email }}</span>
                      }
                    </th>
                    <td>{{ member.tenant.name }}</td>
                    <td>{{ role(member.role) }}</td>
                    <td>{{ requiredBy[member.required_by] ?? member.required_by }}</td>
                    <td>{{ missing[member.missing] ?? member.missing }}</td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
        }
        @if (mfa.unchecked > 0) {
          <p class="state-message">
            The identity provider was not asked about {{ number(mfa.unchecked) }} of
            {{ number(mfa.checked + mfa.unchecked) }} members, or did not answer in time: they are listed as not known.
          </p>
        }
        @if (mfa.truncated) {
          <p class="state-message">
            Only the first {{ number(mfa.checked + mfa.unchecked) }} such members, by name, were looked at.
          </p>
        }
      }
    }

    <h2 class="section-title">Recent security events</h2>
    @let events = store.recentEvents.view();
    @switch (events.kind) {
      @case ('loading') {
        <p class="state-message" role="status">Loading the latest events…</p>
      }
      @case ('error') {
        <aidial-error-notice [problem]="events.problem" />
      }
      @case ('loaded') {
        @if (events.data.length === 0) {
          <p class="state-message">The audit log has no events yet.</p>
        } @else {
          <div class="table-scroll" role="region" aria-label="Recent security events" tabindex="0">
            <table class="data-table">
              <caption class="cdk-visually-hidden">
                The latest audit events, newest first
              </caption>
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Event</th>
                  <th scope="col">Outcome</th>
                  <th scope="col">By</th>
                  <th scope="col">About</th>
                </tr>
              </thead>
              <tbody>
                @for (event of events.data; track event.id) {
                  <tr>
                    <th scope="row">
                      <time [attr.datetime]="event.occurred_at">{{ event.occurred_at | date: 'short' }}</time>
                    </th>
                    <td>{{ action(event) }}</td>
                    <td>{{ outcome(event) }}</td>
                    <td>{{ event.actor.name }}</td>
                    <td>{{ event.target_description ?? '—' }}</td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
        }
        <p><a mat-stroked-button routerLink="/admin/audit-log">Open the audit log</a></p>
      }
    }
  `,
  styles: `
    .services {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr));
      gap: 1rem;
      margin: 0 0 1rem;
      max-inline-size: 48rem;
    }
    .service {
      padding: 0.75rem 1rem;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 0.5rem;
    }
    dt {
      font: var(--mat-sys-title-small);
      color: var(--mat-sys-on-surface-variant);
    }
    dd {
      margin: 0.25rem 0 0;
    }
    .detail {
      display: block;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .tenant-counts {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75rem;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .tenant-counts a {
      display: inline-block;
      padding: 0.5rem 1rem;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 0.5rem;
    }
    .count {
      font: var(--mat-sys-title-large);
    }
  `,
})
export class AdminHomePage {
  protected readonly store = inject(AdminOverviewStore);
  protected readonly platform = inject(PlatformStore);
  private readonly locale = inject(LOCALE_ID);
  protected readonly requiredBy = REQUIRED_BY_LABELS;
  protected readonly missing = MISSING_LABELS;
  protected readonly role = roleLabel;

  protected readonly identityProviders = IDENTITY_PROVIDER_STATES;

  constructor() {
    this.load();
  }

  protected load(): void {
    void this.store.overview.load();
    void this.store.recentEvents.load();
    void this.platform.capacity.load();
  }

  protected number(value: number): string {
    return formatNumber(value, this.locale, '1.0-0');
  }

  protected statusLabel(status: string): string {
    return labelOf(TENANT_STATUS_LABELS, status).toLowerCase();
  }

  protected action(event: AuditEventDto): string {
    return auditLabelOf(AUDIT_ACTION_LABELS, event.action);
  }

  protected outcome(event: AuditEventDto): string {
    return auditLabelOf(AUDIT_OUTCOME_LABELS, event.outcome);
  }
}
