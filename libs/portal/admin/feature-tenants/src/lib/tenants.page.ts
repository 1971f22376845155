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
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import { type NewTenant, type TenantFilters, TenantListStore } from '@aidial/portal/admin/data-access';
import type { NewTenantKind, TenantKind, TenantStatus } from '@aidial/portal/api-client';
import { SessionStore } from '@aidial/portal/core';
import { type ApiProblem, fieldErrorsOf } from '@aidial/portal/shared/data-access';
import {
  ErrorNotice,
  MFA_POLICY_LABELS,
  TENANT_KIND_LABELS,
  TENANT_STATUS_LABELS,
  labelOf,
} from '@aidial/portal/shared/ui';
import { canPerform } from '@aidial/shared/access';

/** Form field → the API's field name in `validation_failed`. */
const API_FIELDS = { name: 'name', kind: 'kind', managingPartnerId: 'managing_partner_id' } as const;

/** `/admin/tenants`: every tenant, searched and filtered, and a new one created (aidial_admin). */
@Component({
  selector: 'aidial-tenants-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    DatePipe,
    ErrorNotice,
    MatButton,
    MatCard,
    MatCardContent,
    MatError,
    MatFormField,
    MatHint,
    MatInput,
    MatLabel,
    MatOption,
    MatSelect,
    ReactiveFormsModule,
    RouterLink,
  ],
  providers: [TenantListStore],
  templateUrl: './tenants.page.html',
  styles: `
    .create {
      margin-block-end: 1.5rem;
    }
    .create-form {
      display: grid;
      gap: 0.5rem;
      max-inline-size: 32rem;
    }
    .form-actions {
      display: flex;
      gap: 0.75rem;
    }
  `,
})
export class TenantsPage {
  private readonly store = inject(TenantListStore);
  private readonly router = inject(Router);
  private readonly role = inject(SessionStore).role;

  protected readonly list = this.store.list;
  protected readonly partners = this.store.partners;
  protected readonly kindLabels = TENANT_KIND_LABELS;
  protected readonly statusLabels = TENANT_STATUS_LABELS;
  protected readonly policyLabels = MFA_POLICY_LABELS;
  protected readonly labelOf = labelOf;
  protected readonly kinds: readonly TenantKind[] = ['customer', 'partner', 'internal'];
  protected readonly statuses: readonly TenantStatus[] = ['active', 'suspended', 'closed'];

  protected readonly canCreate = computed(() => {
    const role = this.role();
    return !!role && canPerform(role, 'admin.tenants.create');
  });

  protected readonly filters = new FormGroup({
    q: new FormControl('', { nonNullable: true }),
    kind: new FormControl<TenantKind | null>(null),
    status: new FormControl<TenantStatus | null>(null),
  });

  protected readonly creating = signal(false);
  protected readonly submitting = signal(false);
  protected readonly createProblem = signal<ApiProblem | null>(null);
  protected readonly createForm = new FormGroup({
    name: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(120)] }),
    kind: new FormControl<NewTenantKind>('customer', { nonNullable: true }),
    managingPartnerId: new FormControl<string | null>(null),
  });
  private readonly newTenantButton = viewChild<ElementRef<HTMLButtonElement>>('newTenantButton');
  private readonly nameInput = viewChild<ElementRef<HTMLInputElement>>('nameInput');

  constructor() {
    void this.list.load();
  }

  protected search(): void {
    const { q, kind, status } = this.filters.getRawValue();
    const filters: TenantFilters = { q, kind, status };
    void this.list.search(filters);
  }

  protected openCreate(): void {
    this.creating.set(true);
    this.createProblem.set(null);
    void this.store.loadPartners();
    setTimeout(() => this.nameInput()?.nativeElement.focus());
  }

  protected cancelCreate(): void {
    this.creating.set(false);
    this.createForm.reset();
    setTimeout(() => this.newTenantButton()?.nativeElement.focus());
  }

  protected create(): void {
    if (this.createForm.invalid) {
      this.createForm.markAllAsTouched();
      return;
    }
    void this.submitCreate();
  }

  private async submitCreate(): Promise<void> {
    const { name, kind, managingPartnerId } = this.createForm.getRawValue();
    const tenant: NewTenant = { name: name.trim(), kind, managingPartnerId };
    this.submitting.set(true);
    this.createProblem.set(null);
    const result = await this.store.create(tenant);
    this.submitting.set(false);
    if (result.ok) {
      await this.router.navigate(['/admin/tenants', result.data.id]);
      return;
    }
    this.createProblem.set(result.problem);
    const fieldErrors = fieldErrorsOf(result.problem);
    for (const [control, apiField] of Object.entries(API_FIELDS)) {
      const message = fieldErrors[apiField];
      if (message) {
        const formControl = this.createForm.get(control);
        formControl?.setErrors({ server: message });
        formControl?.markAsTouched();
      }
    }
  }

  protected serverError(control: keyof typeof API_FIELDS): string | null {
    const errors = this.createForm.get(control)?.errors;
    return typeof errors?.['server'] === 'string' ? errors['server'] : null;
  }
}
