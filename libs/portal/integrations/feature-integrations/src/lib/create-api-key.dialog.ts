import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import {
  MAT_DIALOG_DATA,
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  MatDialogTitle,
} from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import type { ApiKeyScope, CreatedApiKeyDto } from '@aidial/portal/api-client';
import { CLOCK } from '@aidial/portal/core';
import { ApiKeysStore } from '@aidial/portal/integrations/data-access';
import { API_KEY_SCOPE_LABELS, ApiKeySecret } from '@aidial/portal/integrations/ui';
import { PartnerProjectsStore } from '@aidial/portal/partner/data-access';
import { type ApiProblem, fieldErrorsOf } from '@aidial/portal/shared/data-access';
import { ErrorNotice } from '@aidial/portal/shared/ui';

export interface CreateApiKeyData {
  readonly grantableScopes: readonly ApiKeyScope[];
  readonly maxLifetimeDays: number;
  /** Partners choose the managed client whose data the key reads; empty for other roles. */
  readonly clients: readonly { readonly id: string; readonly name: string }[];
  readonly isPartner: boolean;
}

const DEFAULT_LIFETIME_DAYS = 90;

/**
 * Creates an API key: name, scopes (only those the role may grant; `whoami` always), client and projects for partners,
 * and an expiry no later than the maximum. Then shows the whole key once. The key lives only in this dialog's state:
 * closing the dialog drops it.
 */
@Component({
  selector: 'aidial-create-api-key-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ApiKeySecret,
    DatePipe,
    ErrorNotice,
    MatButton,
    MatCheckbox,
    MatDialogActions,
    MatDialogClose,
    MatDialogContent,
    MatDialogTitle,
    MatError,
    MatFormField,
    MatHint,
    MatInput,
    MatLabel,
    MatOption,
    MatSelect,
    ReactiveFormsModule,
  ],
  providers: [PartnerProjectsStore],
  template: `
    @if (created(); as key) {
      <h2 mat-dialog-title>API key created</h2>
      <mat-dialog-content>
        <p>
          <strong>{{ key.name }}</strong> can call the AiDial API until {{ key.expires_at | date: 'medium' }}.
        </p>
        <aidial-api-key-secret [secret]="key.key" />
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-flat-button type="button" [mat-dialog-close]="true">Done</button>
      </mat-dialog-actions>
    } @else {
      <h2 mat-dialog-title id="create-key-title">Create an API key</h2>
      <form [formGroup]="form" (ngSubmit)="create()" aria-labelledby="create-key-title">
        <mat-dialog-content class="fields">
          <mat-form-field>
            <mat-label>Name</mat-label>
            <input matInput formControlName="name" autocomplete="off" cdkFocusInitial />
            <mat-hint>What the key is for, such as "CRM sync"</mat-hint>
            @if (serverError('name'); as message) {
              <mat-error>{{ message }}</mat-error>
            } @else if (form.controls.name.hasError('required')) {
              <mat-error>Enter a name for the key.</mat-error>
            } @else if (form.controls.name.hasError('maxlength')) {
              <mat-error>Use at most 100 characters.</mat-error>
            }
          </mat-form-field>

          <fieldset class="scopes">
            <legend>Scopes</legend>
            @for (scope of data.grantableScopes; track scope) {
              <mat-checkbox
                [checked]="scope === 'whoami' || scopes().has(scope)"
                [disabled]="scope === 'whoami'"
                (change)="toggleScope(scope, $event.checked)"
                >{{ scopeLabel(scope) }} <code>{{ scope }}</code></mat-checkbox
              >
            }
            <p class="hint">Only the scopes your role may use are offered: a key never reaches beyond its creator.</p>
          </fieldset>

          @if (data.isPartner) {
            <mat-form-field>
              <mat-label>Client</mat-label>
              <mat-select formControlName="clientId">
                <mat-option [value]="null">No client (client data answers "select a client")</mat-option>
                @for (client of data.clients; track client.id) {
                  <mat-option [value]="client.id">{{ client.name }}</mat-option>
                }
              </mat-select>
              <mat-hint>The client whose platform data the key reads</mat-hint>
            </mat-form-field>
            @if (form.controls.clientId.value) {
              <mat-form-field>
                <mat-label>Projects</mat-label>
                <mat-select formControlName="projectIds" multiple>
                  @for (project of projects(); track project.id) {
                    <mat-option [value]="project.id">{{ project.name }}</mat-option>
                  }
                </mat-select>
                <mat-hint>None chosen: every project of the client you can see</mat-hint>
              </mat-form-field>
            }
          }

          <mat-form-field>
            <mat-label>Expires in (days)</mat-label>
            <input
              matInput
              type="number"
              formControlName="expiresInDays"
              min="1"
              [max]="data.maxLifetimeDays"
              inputmode="numeric"
            />
            @if (form.controls.expiresInDays.invalid) {
              <mat-error>Choose between 1 and {{ data.maxLifetimeDays }} days.</mat-error>
            } @else {
              <mat-hint
                >At most {{ data.maxLifetimeDays }} days; expires {{ expiresOn() | date: 'mediumDate' }}</mat-hint
              >
            }
          </mat-form-field>

          @if (problem(); as problem) {
            <aidial-error-notice [problem]="problem" />
          }
        </mat-dialog-content>
        <mat-dialog-actions align="end">
          <button mat-button type="button" [mat-dialog-close]="false">Cancel</button>
          <button mat-flat-button type="submit" [disabled]="store.saving()">Create key</button>
        </mat-dialog-actions>
      </form>
    }
  `,
  styles: `
    .fields {
      display: grid;
      gap: 0.75rem;
      min-inline-size: min(32rem, 80vw);
    }
    .scopes {
      display: grid;
      gap: 0.25rem;
      margin: 0;
      padding: 0.5rem 0.75rem;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 0.5rem;
    }
    legend {
      font: var(--mat-sys-title-small);
    }
    .hint {
      margin: 0;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class CreateApiKeyDialog {
  protected readonly data = inject<CreateApiKeyData>(MAT_DIALOG_DATA);
  protected readonly store = inject(ApiKeysStore);
  private readonly projectsStore = inject(PartnerProjectsStore);
  private readonly clock = inject(CLOCK);

  protected readonly form = new FormGroup({
    name: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(100)] }),
    clientId: new FormControl<string | null>(null),
    projectIds: new FormControl<string[]>([], { nonNullable: true }),
    expiresInDays: new FormControl(Math.min(DEFAULT_LIFETIME_DAYS, this.data.maxLifetimeDays), {
      nonNullable: true,
      validators: [Validators.required, Validators.min(1), Validators.max(this.data.maxLifetimeDays)],
    }),
  });
  protected readonly scopes = signal<ReadonlySet<ApiKeyScope>>(new Set());
  protected readonly problem = signal<ApiProblem | null>(null);
  /** The created key, secret included: only here, only while the dialog is open. */
  protected readonly created = signal<CreatedApiKeyDto | null>(null);

  private readonly days = toSignal(this.form.controls.expiresInDays.valueChanges, {
    initialValue: this.form.controls.expiresInDays.value,
  });
  protected readonly expiresOn = computed(
    () => new Date(this.clock.now().getTime() + (Number(this.days()) || 0) * 86_400_000),
  );
  protected readonly projects = computed(() => {
    const state = this.projectsStore.state();
    return state.kind === 'loaded' ? state.projects : [];
  });

  constructor() {
    this.form.controls.clientId.valueChanges.pipe(takeUntilDestroyed()).subscribe((clientId) => {
      this.form.controls.projectIds.setValue([]);
      if (clientId) void this.projectsStore.load(clientId);
    });
  }

  protected scopeLabel(scope: string): string {
    return API_KEY_SCOPE_LABELS[scope] ?? scope;
  }

  protected toggleScope(scope: ApiKeyScope, checked: boolean): void {
    this.scopes.update((scopes) => {
      const next = new Set(scopes);
      if (checked) next.add(scope);
      else next.delete(scope);
      return next;
    });
  }

  protected create(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    void this.submit();
  }

  private async submit(): Promise<void> {
    const { name, clientId, projectIds, expiresInDays } = this.form.getRawValue();
    this.problem.set(null);
    const result = await this.store.create({
      name: name.trim(),
      scopes: ['whoami', ...[...this.scopes()].filter((scope) => scope !== 'whoami')],
      expiresInDays: Number(expiresInDays),
      clientId: this.data.isPartner ? clientId : null,
      projectIds: this.data.isPartner && clientId && projectIds.length > 0 ? projectIds : null,
    });
    if (result.ok) {
      this.created.set(result.data);
      return;
    }
    this.problem.set(result.problem);
    const fields = fieldErrorsOf(result.problem);
    if (fields['name']) {
      this.form.controls.name.setErrors({ server: fields['name'] });
      this.form.controls.name.markAsTouched();
    }
  }

  protected serverError(name: 'name'): string | null {
    const errors = this.form.controls[name].errors;
    return typeof errors?.['server'] === 'string' ? errors['server'] : null;
  }
}
