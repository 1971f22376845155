import { DatePipe, formatDate, formatNumber } from '@angular/common';
import { ChangeDetectionStrategy, Component, LOCALE_ID, computed, inject } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatAnchor } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatOption, MatSelect } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import type { ComplianceResult } from '@aidial/portal/api-client';
import { SessionStore } from '@aidial/portal/core';
import { PlatformStore } from '@aidial/portal/platform/data-access';
import {
  COMPLIANCE_RESULT_LABELS,
  COMPLIANCE_RULE_LABELS,
  type Figure,
  Figures,
  PlatformProblem,
  ProjectNamePipe,
} from '@aidial/portal/platform/ui';
import { canAccessSection } from '@aidial/shared/access';
import { loadForSelectedClient } from './follow-selected-client';

/**
 * `/compliance` (client_admin, client_manager): the checks the AiDial platform made before dialling, over the last
 * seven days: totals, then each check, newest first. client_admin reaches the settings from here.
 */
@Component({
  selector: 'aidial-compliance-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    DatePipe,
    Figures,
    MatAnchor,
    MatFormField,
    MatLabel,
    MatOption,
    MatSelect,
    PlatformProblem,
    ProjectNamePipe,
    ReactiveFormsModule,
    RouterLink,
  ],
  providers: [PlatformStore],
  template: `
    <h1 class="page-title">Compliance</h1>
    @if (showsAdminLink()) {
      <p class="subpage-link">
        <a mat-stroked-button routerLink="/compliance/admin">Compliance administration</a>
      </p>
    }
    <form class="filter-row" role="search" aria-label="Compliance checks">
      <mat-form-field class="result-filter">
        <mat-label>Result</mat-label>
        <mat-select [formControl]="result">
          <mat-option [value]="null">Any result</mat-option>
          @for (option of results; track option) {
            <mat-option [value]="option">{{ resultLabels[option] }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
    </form>
    @let view = store.compliance.view();
    @if (needsClient()) {
      <aidial-platform-problem kind="client-required" subject="Compliance checks" />
    } @else {
      @switch (view.kind) {
        @case ('loading') {
          <p class="state-message" role="status">Loading compliance checks…</p>
        }
        @case ('loaded') {
          <p>
            Checks the AiDial platform made before dialling, since
            <time [attr.datetime]="view.data.since">{{ since() }}</time>.
          </p>
          <aidial-figures [figures]="figures()" label="Compliance checks" />
          <h2 class="section-title">{{ result.value ? resultLabels[result.value] + ' checks' : 'Every check' }}</h2>
          @if (view.data.items.length === 0) {
            <p class="state-message" role="status">
              {{
                result.value
                  ? 'No checks with this result.'
                  : 'The AiDial platform made no compliance checks since then.'
              }}
            </p>
          } @else {
            <div class="table-scroll" role="region" aria-label="Compliance checks" tabindex="0">
              <table class="data-table">
                <caption class="cdk-visually-hidden">
                  Compliance checks, newest first
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Checked</th>
                    <th scope="col">Project</th>
                    <th scope="col">Rule</th>
                    <th scope="col">Result</th>
                    <th scope="col">What the platform found</th>
                  </tr>
                </thead>
                <tbody>
                  @for (record of view.data.items; track record.id) {
                    <tr>
                      <th scope="row">
                        <time [attr.datetime]="record.checked_at">{{ record.checked_at | date: 'medium' }}</time>
                      </th>
                      <td>{{ record.project_id | projectName: store.projectNames() }}</td>
                      <td>{{ ruleLabels[record.rule] ?? record.rule }}</td>
                      <td>{{ resultLabels[record.result] ?? record.result }}</td>
                      <td class="note">{{ record.note }}</td>
                    </tr>
                  }
                </tbody>
              </table>
            </div>
          }
        }
        @default {
          <aidial-platform-problem
            [kind]="view.kind"
            [problem]="view.problem"
            subject="Compliance checks"
            (retry)="load()"
          />
        }
      }
    }
  `,
  styles: `
    .subpage-link {
      margin: 0 0 1rem;
    }
    .result-filter {
      min-inline-size: 12rem;
    }
    .note {
      min-inline-size: 16rem;
    }
  `,
})
export class CompliancePage {
  protected readonly store = inject(PlatformStore);
  private readonly role = inject(SessionStore).role;
  private readonly locale = inject(LOCALE_ID);
  /** Not a partner page; a partner never reaches it, but the helper reads again when a client is selected. */
  protected readonly needsClient = loadForSelectedClient(() => this.load());
  protected readonly results: readonly ComplianceResult[] = ['cleared', 'blocked', 'held'];
  protected readonly resultLabels = COMPLIANCE_RESULT_LABELS;
  protected readonly ruleLabels = COMPLIANCE_RULE_LABELS;
  protected readonly result = new FormControl<ComplianceResult | null>(null);

  /** The administrator subpages are reached from Compliance, for the role that may open them. */
  protected readonly showsAdminLink = computed(() => {
    const role = this.role();
    return !!role && canAccessSection(role, 'compliance_admin');
  });

  protected readonly since = computed(() => {
    const view = this.store.compliance.view();
    return view.kind === 'loaded' ? formatDate(view.data.since, 'EEEE d MMMM', this.locale) : '';
  });

  protected readonly figures = computed<Figure[]>(() => {
    const view = this.store.compliance.view();
    if (view.kind !== 'loaded') return [];
    const number = (value: number) => formatNumber(value, this.locale, '1.0-0');
    const totals = view.data.totals;
    return [
      { label: 'Checks', value: number(totals.checked) },
      { label: 'Cleared to dial', value: number(totals.cleared) },
      { label: 'Blocked', value: number(totals.blocked) },
      { label: 'Held back', value: number(totals.held) },
    ];
  });

  constructor() {
    this.result.valueChanges.subscribe((result) => void this.store.filterCompliance(result));
  }

  protected load(): void {
    void this.store.workspace.load();
    void this.store.compliance.load();
  }
}
