import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatOption, MatSelect } from '@angular/material/select';
import type { CallDirection, CallOutcome } from '@aidial/portal/api-client';
import { PlatformStore } from '@aidial/portal/platform/data-access';
import { CALL_DIRECTION_LABELS, CALL_OUTCOME_LABELS, CallsTable, PlatformProblem } from '@aidial/portal/platform/ui';
import { loadForSelectedClient } from './follow-selected-client';

/** `/calls`: the calls of the customer shown (a partner's selected client), newest first, from the AiDial platform. */
@Component({
  selector: 'aidial-calls-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [CallsTable, MatButton, MatFormField, MatLabel, MatOption, MatSelect, PlatformProblem, ReactiveFormsModule],
  providers: [PlatformStore],
  template: `
    <h1 class="page-title">Calls</h1>
    <form class="filter-row" role="search" aria-label="Calls" [formGroup]="filters" (ngSubmit)="search()">
      <mat-form-field>
        <mat-label>Outcome</mat-label>
        <mat-select formControlName="outcome">
          <mat-option [value]="null">Any outcome</mat-option>
          @for (outcome of outcomes; track outcome) {
            <mat-option [value]="outcome">{{ outcomeLabels[outcome] }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field>
        <mat-label>Direction</mat-label>
        <mat-select formControlName="direction">
          <mat-option [value]="null">Both directions</mat-option>
          @for (direction of directions; track direction) {
            <mat-option [value]="direction">{{ directionLabels[direction] }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <button mat-stroked-button type="submit">Search</button>
    </form>

    @let view = store.callsView();
    @if (needsClient()) {
      <aidial-platform-problem kind="client-required" subject="Calls" />
    } @else {
      @switch (view.kind) {
        @case ('loading') {
          <p class="state-message" role="status">Loading calls…</p>
        }
        @case ('loaded') {
          @if (view.data.items.length === 0) {
            <p class="state-message" role="status">No calls match these filters.</p>
          } @else {
            <aidial-calls-table
              [calls]="view.data.items"
              [projectNames]="store.projectNames()"
              [caption]="'Calls, page ' + store.calls.pageNumber()"
            />
          }
          <nav class="pager" aria-label="Call pages">
            <button
              mat-stroked-button
              type="button"
              [disabled]="!store.calls.hasPrevious()"
              (click)="store.calls.previous()"
            >
              Newer
            </button>
            <span>Page {{ store.calls.pageNumber() }}</span>
            <button mat-stroked-button type="button" [disabled]="!store.calls.hasNext()" (click)="store.calls.next()">
              Older
            </button>
          </nav>
        }
        @default {
          <aidial-platform-problem [kind]="view.kind" [problem]="view.problem" subject="Calls" (retry)="load()" />
        }
      }
    }
  `,
})
export class CallsPage {
  protected readonly store = inject(PlatformStore);
  /** A partner with no client selected: nothing to ask the platform for. */
  protected readonly needsClient = loadForSelectedClient(() => this.load());
  protected readonly outcomes: readonly CallOutcome[] = ['answered', 'voicemail', 'no_answer', 'failed'];
  protected readonly directions: readonly CallDirection[] = ['inbound', 'outbound'];
  protected readonly outcomeLabels = CALL_OUTCOME_LABELS;
  protected readonly directionLabels = CALL_DIRECTION_LABELS;
  protected readonly filters = new FormGroup({
    outcome: new FormControl<CallOutcome | null>(null),
    direction: new FormControl<CallDirection | null>(null),
  });

  protected load(): void {
    void this.store.workspace.load();
    void this.store.calls.load();
  }

  protected search(): void {
    void this.store.calls.search(this.filters.getRawValue());
  }
}
