import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { roleLabel } from '@aidial/shared/access';
import {
  ENROLMENT_LABELS,
  FACTOR_LABELS,
  type MfaProfile,
  SECURITY_STATUS_LABELS,
  challengeOf,
  identityValue,
  policyOf,
  refreshedAtOf,
} from './mfa-wording';

/** Where a profile update is asked for: Support (customer and partner roles) or AiDial's own administrators. */
export type ProfileUpdateRoute = 'support' | 'administrator';

/** The query of the Support page that opens the ticket form for a profile update (spec/04). */
export const PROFILE_UPDATE_QUERY = { category: 'account', subject: 'Profile update' } as const;

/**
 * The Profile summary (spec/04 "Field Reference"): the managed identity fields, which the portal never edits, and the
 * session's MFA facts.
 */
@Component({
  selector: 'aidial-mfa-profile-summary',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  template: `
    <dl class="profile-summary">
      @for (row of rows(); track row.term) {
        <div class="row">
          <dt>{{ row.term }}</dt>
          <dd>{{ row.value }}</dd>
        </div>
      }
    </dl>
    <p class="note">
      Your display name and email address are managed by the identity provider and cannot be changed here.
      @if (profileUpdate() === 'support') {
        If either is wrong,
        <a routerLink="/support" [queryParams]="profileUpdateQuery">Request a profile update</a>.
      } @else {
        If either is wrong, ask an AiDial administrator to correct it at the identity provider.
      }
    </p>
  `,
  styles: `
    .profile-summary {
      margin: 0;
    }
    .row {
      display: grid;
      grid-template-columns: 14rem 1fr;
      gap: 1rem;
      padding-block: 0.5rem;
      border-block-end: 1px solid var(--mat-sys-outline-variant);
    }
    dt {
      color: var(--mat-sys-on-surface-variant);
    }
    dd {
      margin: 0;
      overflow-wrap: anywhere;
    }
    .note {
      margin: 0.75rem 0 0;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class ProfileSummary {
  readonly profile = input.required<MfaProfile>();
  readonly profileUpdate = input<ProfileUpdateRoute>('support');
  /** The reader's locale for the refresh time; the browser's when not given. */
  readonly locale = input<string | undefined>(undefined);

  protected readonly profileUpdateQuery = PROFILE_UPDATE_QUERY;
  protected readonly rows = computed(() => {
    const profile = this.profile();
    const factors = profile.allowed_factors.map((factor) => FACTOR_LABELS[factor] ?? factor);
    return [
      { term: 'Display name', value: identityValue(profile.display_name) },
      { term: 'Email address', value: identityValue(profile.email) },
      { term: 'Portal role', value: roleLabel(profile.role) },
      { term: 'Allowed factors', value: factors.length > 0 ? factors.join(', ') : 'None' },
      { term: 'Policy', value: policyOf(profile) },
      { term: 'Enrolment', value: ENROLMENT_LABELS[profile.enrolment] ?? profile.enrolment },
      { term: 'Challenge state', value: challengeOf(profile) },
      { term: 'Security status', value: SECURITY_STATUS_LABELS[profile.security_status] ?? profile.security_status },
      { term: 'Lifecycle status last refreshed', value: refreshedAtOf(profile.last_refreshed_at, this.locale()) },
    ];
  });
}
