import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { ProjectNamePipe } from './project-name.pipe';

export const CALL_OUTCOME_LABELS: Readonly<Record<string, string>> = {
  answered: 'Answered',
  voicemail: 'Voicemail',
  no_answer: 'No answer',
  failed: 'Failed',
};
export const CALL_DIRECTION_LABELS: Readonly<Record<string, string>> = { inbound: 'Inbound', outbound: 'Outbound' };
export const CAMPAIGN_STATUS_LABELS: Readonly<Record<string, string>> = {
  draft: 'Draft',
  running: 'Running',
  paused: 'Paused',
  completed: 'Completed',
};

export interface CallRow {
  readonly id: string;
  readonly project_id: string;
  readonly started_at: string;
  readonly direction: string;
  readonly duration_seconds: number;
  readonly outcome: string;
}

/** A duration in minutes and seconds: "2 min 05 s". */
export function durationText(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  const rest = String(Math.round(seconds % 60)).padStart(2, '0');
  return minutes > 0 ? `${minutes} min ${rest} s` : `${Math.round(seconds)} s`;
}

/** Calls, newest first: when, project, direction, duration, outcome. */
@Component({
  selector: 'aidial-calls-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, ProjectNamePipe],
  template: `
    <div class="table-scroll" role="region" [attr.aria-label]="caption()" tabindex="0">
      <table class="data-table">
        <caption class="cdk-visually-hidden">
          {{
            caption()
          }}
        </caption>
        <thead>
          <tr>
            <th scope="col">Started</th>
            <th scope="col">Project</th>
            <th scope="col">Direction</th>
            <th scope="col">Duration</th>
            <th scope="col">Outcome</th>
            <th scope="col">Call id</th>
          </tr>
        </thead>
        <tbody>
          @for (call of calls(); track call.id) {
            <tr>
              <th scope="row">
                <time [attr.datetime]="call.started_at">{{ call.started_at | date: 'medium' }}</time>
              </th>
              <td>{{ call.project_id | projectName: projectNames() }}</td>
              <td>{{ directionLabels[call.direction] ?? call.direction }}</td>
              <td>{{ duration(call.duration_seconds) }}</td>
              <td>{{ outcomeLabels[call.outcome] ?? call.outcome }}</td>
              <td>
                <code>{{ call.id }}</code>
              </td>
            </tr>
          }
        </tbody>
      </table>
    </div>
  `,
})
export class CallsTable {
  readonly calls = input.required<readonly CallRow[]>();
  readonly projectNames = input<Readonly<Record<string, string>>>({});
  readonly caption = input('Calls');
  protected readonly outcomeLabels = CALL_OUTCOME_LABELS;
  protected readonly directionLabels = CALL_DIRECTION_LABELS;
  protected readonly duration = durationText;
}

/** Label and value pairs shown as a row of figures. */
export interface Figure {
  readonly label: string;
  readonly value: string;
}

/** A few headline figures as a definition list. */
@Component({
  selector: 'aidial-figures',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dl class="figures" [attr.aria-label]="label()">
      @for (figure of figures(); track figure.label) {
        <div class="figure">
          <dt>{{ figure.label }}</dt>
          <dd>{{ figure.value }}</dd>
        </div>
      }
    </dl>
  `,
  styles: `
    .figures {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(11rem, 1fr));
      gap: 1rem;
      margin: 0;
      max-inline-size: 48rem;
    }
    .figure {
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
      font: var(--mat-sys-headline-small);
    }
  `,
})
export class Figures {
  readonly figures = input.required<readonly Figure[]>();
  readonly label = input.required<string>();
}
