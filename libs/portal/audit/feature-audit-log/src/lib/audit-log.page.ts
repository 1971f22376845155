import {
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  computed,
  effect,
  inject,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatAnchor, MatButton } from '@angular/material/button';
import { MatCard, MatCardContent } from '@angular/material/card';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { ActivatedRoute, Router } from '@angular/router';
import type { AuditAction, AuditOutcome } from '@aidial/portal/api-client';
import {
  AUDIT_ACTIONS,
  AUDIT_OUTCOMES,
  AUDIT_TARGET_TYPES,
  type AuditFilters,
  AuditLogStore,
  auditFiltersFrom,
  auditQueryOf,
  sameAuditFilters,
} from '@aidial/portal/audit/data-access';
import {
  AUDIT_ACTION_LABELS,
  AUDIT_OUTCOME_LABELS,
  AUDIT_TARGET_TYPE_LABELS,
  AuditEventsTable,
  BROKEN_LINK_REASON_LABELS,
  auditLabelOf,
} from '@aidial/portal/audit/ui';
import { SessionStore } from '@aidial/portal/core';
import { ClientSelectionStore } from '@aidial/portal/partner/data-access';
import { ErrorNotice } from '@aidial/portal/shared/ui';
import { ROLE_AUDIENCE } from '@aidial/shared/access';
import { fromLocalInput, toLocalInput } from './local-time';

/** The integrity check's choice for the chain of events that belong to no tenant. */
const NO_TENANT_CHAIN = 'none';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * `/audit-log` (client_admin, client_manager, partner_admin, partner_user) and `/admin/audit-log` (aidial_admin,
 * aidial_operator): the security events of the caller's scope, filtered, a page at a time, exported as CSV; for
 * internal roles also the integrity check of a tenant's hash chain. The filters live in the address, so a view can
 * be shared and survives a reload; the API decides the scope.
 */
@Component({
  selector: 'aidial-audit-log-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    AuditEventsTable,
    ErrorNotice,
    MatAnchor,
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
  ],
  providers: [AuditLogStore],
  templateUrl: './audit-log.page.html',
  styles: `
    .scope {
      margin: 0 0 1rem;
      color: var(--mat-sys-on-surface-variant);
    }
    .filters {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-start;
      gap: 0 0.75rem;
    }
    .filter-actions,
    .list-actions {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.75rem;
    }
    .filter-actions {
      margin-block-start: 0.5rem;
    }
    .list-actions {
      justify-content: space-between;
      margin-block: 1rem 0.5rem;
    }
    .verify {
      margin-block-end: 1.5rem;
    }
    .verify-form {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 0.75rem;
    }
    .verdict {
      margin: 0.5rem 0 0;
    }
    .verdict-ok {
      color: var(--mat-sys-primary);
    }
    .verdict-broken {
      color: var(--mat-sys-error);
    }
    .events-region {
      min-block-size: 12rem;
    }
  `,
})
export class AuditLogPage {
  protected readonly store = inject(AuditLogStore);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  protected readonly session = inject(SessionStore).session;
  private readonly clientSelection = inject(ClientSelectionStore);

  protected readonly audience = computed(() => {
    const role = this.session()?.role;
    return role ? ROLE_AUDIENCE[role] : null;
  });
  protected readonly actions = AUDIT_ACTIONS;
  protected readonly outcomes = AUDIT_OUTCOMES;
  protected readonly targetTypes = AUDIT_TARGET_TYPES;
  protected readonly actionLabels = AUDIT_ACTION_LABELS;
  protected readonly outcomeLabels = AUDIT_OUTCOME_LABELS;
  protected readonly targetTypeLabels = AUDIT_TARGET_TYPE_LABELS;
  protected readonly noTenantChain = NO_TENANT_CHAIN;

  /** A partner's managed clients, for the client filter. */
  protected readonly clients = this.clientSelection.clients;
  /** Names of the tenants whose events the caller may see, for the tenant column and tenant targets. */
  protected readonly tenantNames = computed<Record<string, string>>(() => {
    const names: Record<string, string> = {};
    const tenant = this.session()?.tenant;
    if (tenant) names[tenant.id] = tenant.name;
    for (const client of this.clients()) names[client.id] = client.name;
    for (const option of this.store.tenants()) names[option.id] = option.name;
    return names;
  });

  protected readonly filterForm = new FormGroup({
    from: new FormControl('', { nonNullable: true }),
    to: new FormControl('', { nonNullable: true }),
    actor: new FormControl('', { nonNullable: true, validators: [Validators.pattern(UUID)] }),
    action: new FormControl<AuditAction | null>(null),
    outcome: new FormControl<AuditOutcome | null>(null),
    targetType: new FormControl<string | null>(null),
    targetId: new FormControl('', { nonNullable: true }),
    clientId: new FormControl<string | null>(null),
    tenantId: new FormControl<string | null>(null),
  });
  protected readonly verifyForm = new FormGroup({
    chain: new FormControl<string>(NO_TENANT_CHAIN, { nonNullable: true }),
  });

  /** Where focus goes after a page change: the results' heading, so the reader starts at the top of the new page. */
  private readonly resultsHeading = viewChild<ElementRef<HTMLElement>>('resultsHeading');

  protected readonly summary = computed(() => {
    const view = this.store.view();
    if (view.kind === 'loading') return 'Loading events…';
    if (view.kind === 'empty') return 'No events match these filters.';
    if (view.kind === 'error') return 'The events could not be loaded.';
    const count = view.events.length;
    return `Page ${this.store.pageNumber()}: ${count} ${count === 1 ? 'event' : 'events'}, newest first.`;
  });

  constructor() {
    const audience = this.audience();
    if (audience === 'partner') void this.clientSelection.load();
    if (audience === 'internal') void this.store.loadTenants();

    // The address is the source of the filters: opening, reloading, Back and Forward all land here.
    this.route.queryParamMap.pipe(takeUntilDestroyed()).subscribe((params) => {
      const filters = auditFiltersFrom((name) => params.get(name));
      this.showInForm(filters);
      void this.store.search(filters);
    });

    // The integrity check follows the tenant filter until the user picks another chain.
    effect(() => {
      const tenantId = this.store.filters().tenantId;
      const chain = this.verifyForm.controls.chain;
      if (tenantId && chain.pristine) chain.setValue(tenantId);
    });
  }

  protected applyFilters(): void {
    if (this.filterForm.invalid) {
      this.filterForm.markAllAsTouched();
      return;
    }
    this.navigateTo(this.filtersInForm());
  }

  protected clearFilters(): void {
    this.filterForm.reset();
    this.navigateTo(auditFiltersFrom(() => null));
  }

  protected showActor(actor: string): void {
    this.filterForm.controls.actor.setValue(actor);
    this.navigateTo({ ...this.store.filters(), actor });
  }

  protected older(): void {
    void this.store.older().then(() => this.focusResults());
  }

  protected newer(): void {
    void this.store.newer().then(() => this.focusResults());
  }

  protected verify(): void {
    const chain = this.verifyForm.controls.chain.value;
    void this.store.verify(chain === NO_TENANT_CHAIN ? null : chain);
  }

  protected chainName(tenantId: string | null): string {
    return tenantId ? (this.tenantNames()[tenantId] ?? tenantId) : 'events of no tenant';
  }

  protected reasonOf(reason: string): string {
    return auditLabelOf(BROKEN_LINK_REASON_LABELS, reason);
  }

  private navigateTo(filters: AuditFilters): void {
    const current = auditFiltersFrom((name) => this.route.snapshot.queryParamMap.get(name));
    if (sameAuditFilters(filters, current)) {
      // The same address: Angular would not navigate, so read the events again here.
      void this.store.search(filters);
      return;
    }
    void this.router.navigate([], { relativeTo: this.route, queryParams: auditQueryOf(filters) });
  }

  private filtersInForm(): AuditFilters {
    const value = this.filterForm.getRawValue();
    const audience = this.audience();
    return {
      from: fromLocalInput(value.from),
      to: fromLocalInput(value.to),
      actor: value.actor.trim() || null,
      action: value.action,
      outcome: value.outcome,
      targetType: value.targetType,
      targetId: value.targetId.trim() || null,
      clientId: audience === 'partner' ? value.clientId : null,
      tenantId: audience === 'internal' ? value.tenantId : null,
    };
  }

  private showInForm(filters: AuditFilters): void {
    this.filterForm.setValue({
      from: toLocalInput(filters.from),
      to: toLocalInput(filters.to),
      actor: filters.actor ?? '',
      action: filters.action,
      outcome: filters.outcome,
      targetType: filters.targetType,
      targetId: filters.targetId ?? '',
      clientId: filters.clientId,
      tenantId: filters.tenantId,
    });
  }

  private focusResults(): void {
    setTimeout(() => this.resultsHeading()?.nativeElement.focus());
  }
}
