import { DatePipe, formatNumber } from '@angular/common';
import { ChangeDetectionStrategy, Component, LOCALE_ID, inject } from '@angular/core';
import { MatAnchor } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { PlatformStore } from '@aidial/portal/platform/data-access';
import {
  CALLING_DAYS_LABELS,
  CONSENT_KIND_LABELS,
  DO_NOT_CALL_SOURCE_LABELS,
  PlatformProblem,
  calendarDay,
  ProjectNamePipe,
} from '@aidial/portal/platform/ui';
import { loadForSelectedClient } from './follow-selected-client';

/**
 * `/compliance/admin` (client_admin): the compliance settings the AiDial platform applies to the organisation's calls:
 * calling hours, do-not-call lists, consent sources, and exceptions for its projects.
 */
@Component({
  selector: 'aidial-compliance-admin-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, MatAnchor, PlatformProblem, ProjectNamePipe, RouterLink],
  providers: [PlatformStore],
  template: `
    <h1 class="page-title">Compliance administration</h1>
    <p><a mat-stroked-button routerLink="/compliance">Back to Compliance</a></p>
    @let view = store.complianceSettings.view();
    @if (needsClient()) {
      <aidial-platform-problem kind="client-required" subject="Compliance settings" />
    } @else {
      @switch (view.kind) {
        @case ('loading') {
          <p class="state-message" role="status">Loading compliance settings…</p>
        }
        @case ('loaded') {
          @let settings = view.data;
          <p>The rules the AiDial platform applies before it dials any of your contacts.</p>

          <h2 class="section-title">Calling hours</h2>
          <p>In {{ placeOf(settings.time_zone) }} time.</p>
          <div class="table-scroll" role="region" aria-label="Calling hours" tabindex="0">
            <table class="data-table">
              <caption class="cdk-visually-hidden">
                Calling hours
              </caption>
              <thead>
                <tr>
                  <th scope="col">Days</th>
                  <th scope="col">Calls allowed</th>
                </tr>
              </thead>
              <tbody>
                @for (hours of settings.calling_hours; track hours.days) {
                  <tr>
                    <th scope="row">{{ daysLabels[hours.days] ?? hours.days }}</th>
                    <td>{{ hours.from && hours.to ? hours.from + ' to ' + hours.to : 'No calls' }}</td>
                  </tr>
                }
              </tbody>
            </table>
          </div>

          <h2 class="section-title">Do-not-call lists</h2>
          <div class="table-scroll" role="region" aria-label="Do-not-call lists" tabindex="0">
            <table class="data-table">
              <caption class="cdk-visually-hidden">
                Do-not-call lists
              </caption>
              <thead>
                <tr>
                  <th scope="col">List</th>
                  <th scope="col">Source</th>
                  <th scope="col">Numbers</th>
                  <th scope="col">Updated</th>
                </tr>
              </thead>
              <tbody>
                @for (list of settings.do_not_call_lists; track list.id) {
                  <tr>
                    <th scope="row">{{ list.name }}</th>
                    <td>{{ sourceLabels[list.source] ?? list.source }}</td>
                    <td>{{ number(list.entries) }}</td>
                    <td>
                      <time [attr.datetime]="list.updated_at">{{ list.updated_at | date: 'mediumDate' }}</time>
                    </td>
                  </tr>
                }
              </tbody>
            </table>
          </div>

          <h2 class="section-title">Consent sources</h2>
          <div class="table-scroll" role="region" aria-label="Consent sources" tabindex="0">
            <table class="data-table">
              <caption class="cdk-visually-hidden">
                Consent sources
              </caption>
              <thead>
                <tr>
                  <th scope="col">Source</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Consents</th>
                  <th scope="col">Updated</th>
                </tr>
              </thead>
              <tbody>
                @for (source of settings.consent_sources; track source.id) {
                  <tr>
                    <th scope="row">{{ source.name }}</th>
                    <td>{{ consentLabels[source.kind] ?? source.kind }}</td>
                    <td>{{ number(source.records) }}</td>
                    <td>
                      <time [attr.datetime]="source.updated_at">{{ source.updated_at | date: 'mediumDate' }}</time>
                    </td>
                  </tr>
                }
              </tbody>
            </table>
          </div>

          <h2 class="section-title">Exceptions</h2>
          @if (settings.exceptions.length === 0) {
            <p class="state-message">No exceptions apply to your projects.</p>
          } @else {
            <div class="table-scroll" role="region" aria-label="Exceptions" tabindex="0">
              <table class="data-table">
                <caption class="cdk-visually-hidden">
                  Exceptions
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Project</th>
                    <th scope="col">Exception</th>
                    <th scope="col">Until</th>
                  </tr>
                </thead>
                <tbody>
                  @for (exception of settings.exceptions; track exception.id) {
                    <tr>
                      <th scope="row">
                        {{ exception.project_id | projectName: store.projectNames() }}
                      </th>
                      <td class="wide">{{ exception.description }}</td>
                      <td>
                        {{ exception.ends_on ? (day(exception.ends_on) | date: 'mediumDate') : 'Until withdrawn' }}
                      </td>
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
            subject="Compliance settings"
            (retry)="load()"
          />
        }
      }
    }
  `,
  styles: `
    .wide {
      min-inline-size: 16rem;
    }
  `,
})
export class ComplianceAdminPage {
  protected readonly store = inject(PlatformStore);
  private readonly locale = inject(LOCALE_ID);
  protected readonly needsClient = loadForSelectedClient(() => this.load());
  protected readonly daysLabels = CALLING_DAYS_LABELS;
  protected readonly sourceLabels = DO_NOT_CALL_SOURCE_LABELS;
  protected readonly consentLabels = CONSENT_KIND_LABELS;
  protected readonly day = calendarDay;

  protected load(): void {
    void this.store.workspace.load();
    void this.store.complianceSettings.load();
  }

  /** The place of an IANA time zone, as people say it: `Australia/Sydney` is Sydney. */
  protected placeOf(timeZone: string): string {
    return (timeZone.split('/').at(-1) ?? timeZone).replace(/_/g, ' ');
  }

  protected number(value: number): string {
    return formatNumber(value, this.locale, '1.0-0');
  }
}
