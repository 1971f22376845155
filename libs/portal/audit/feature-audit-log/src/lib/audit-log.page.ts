import {
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  computed,
  effect,
  inject,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import {
  type AbstractControl,
  FormControl,
  FormGroup,
  ReactiveFormsModule,
  type ValidationErrors,
} from '@angular/forms';
import { MatAutocomplete, MatAutocompleteTrigger } from '@angular/material/autocomplete';
import { MatAnchor, MatButton } from '@angular/material/button';
import { MatCard, MatCardContent } from '@angular/material/card';
import { MatError, MatFormField, MatHint, MatLabel, MatSuffix } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { ActivatedRoute, Router } from '@angular/router';
import type { AuditAction, AuditActorDto, AuditOutcome } from '@aidial/portal/api-client';
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
  AUDIT_ACTOR_KIND_LABELS,
  AUDIT_OUTCOME_LABELS,
  AUDIT_TARGET_TYPE_LABELS,
  type AuditActorRow,
  AuditEventsTable,
  type AuditTargetChoice,
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

/** The most actors the picker lists at once: typing narrows the rest. */
const ACTOR_OPTIONS = 50;

/** The actor filter's field holds the actor picked from the list, or the text typed to search for one. */
type ActorFieldValue = AuditActorRow | string | null;

/** Only an actor picked from the list is a filter: typed text that picked no one is an error, not a search. */
function pickedFromTheList(control: AbstractControl<ActorFieldValue>): ValidationErrors | null {
  const value = control.value;
  return typeof value === 'string' && value.trim() !== '' ? { notPicked: true } : null;
}

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
    MatAutocomplete,
    MatAutocompleteTrigger,
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
    MatSuffix,
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
    .actor-field {
      inline-size: min(22rem, 100%);
    }
    .actor-option {
      display: block;
      line-height: 1.25;
    }
    .actor-option-second {
      display: block;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .target-filter {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.25rem 0.75rem;
      flex-basis: 100%;
      margin: 0 0 0.75rem;
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
    actor: new FormControl<ActorFieldValue>(null, { validators: [pickedFromTheList] }),
    action: new FormControl<AuditAction | null>(null),
    outcome: new FormControl<AuditOutcome | null>(null),
    targetType: new FormControl<string | null>(null),
    /** Set by choosing a target in the list (never typed): shown as the sentence above the filters' buttons. */
    targetId: new FormControl<string | null>(null),
    clientId: new FormControl<string | null>(null),
    tenantId: new FormControl<string | null>(null),
  });
  private readonly actorField = toSignal(this.filterForm.controls.actor.valueChanges, { initialValue: null });

  /** The actors whose name or email holds what was typed (all of them before anything is typed). */
  protected readonly matchingActors = computed(() => {
    const typed = this.actorField();
    const search = typeof typed === 'string' ? typed.trim().toLowerCase() : '';
    const actors = this.store.actors();
    const matching = search
      ? actors.filter((actor) => `${actor.name} ${actor.email ?? ''}`.toLowerCase().includes(search))
      : actors;
    return matching.slice(0, ACTOR_OPTIONS);
  });

  /** What the target filter is about, in words: as chosen in the list, or as the events on show describe it. */
  private readonly chosenTarget = signal<AuditTargetChoice | null>(null);
  protected readonly targetFilter = computed(() => {
    const { targetId } = this.store.filters();
    if (!targetId) return null;
    const chosen = this.chosenTarget();
    if (chosen?.id === targetId) return chosen.description;
    const view = this.store.view();
    const shown = view.kind === 'loaded' ? view.events.find((event) => event.target_id === targetId) : undefined;
    return shown?.target_description ?? 'the chosen target';
  });

  /** Under the actor field: how to use it, or why it offers no one yet. */
  protected readonly actorHint = computed(() => {
    switch (this.store.actorsView().kind) {
      case 'loading':
        return 'Loading the people in this log…';
      case 'error':
        return 'The list of people could not be loaded.';
      default:
        return 'Search by name or email';
    }
  });

  protected readonly displayActor = (value: ActorFieldValue): string =>
    typeof value === 'string' ? value : (value?.name ?? '');

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
      void this.store.loadActors(filters);
    });
    // An actor named only by id in the address gets its name once the people in the scope are known.
    effect(() => {
      const actors = this.store.actors();
      const field = this.filterForm.controls.actor;
      const value = untracked(() => field.value);
      if (value && typeof value !== 'string') {
        const known = actors.find((actor) => actor.id === value.id);
        if (known && known !== value) field.setValue(known);
      }
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

  protected showActor(actor: AuditActorRow): void {
    this.filterForm.controls.actor.setValue(actor);
    this.navigateTo({ ...this.store.filters(), actor: actor.id });
  }

  protected showTarget(target: AuditTargetChoice): void {
    this.chosenTarget.set(target);
    this.filterForm.patchValue({ targetType: target.type, targetId: target.id });
    this.navigateTo({ ...this.store.filters(), targetType: target.type, targetId: target.id });
  }

  protected anyTarget(): void {
    this.filterForm.controls.targetId.setValue(null);
    this.navigateTo({ ...this.store.filters(), targetId: null });
  }

  protected clearActor(): void {
    this.filterForm.controls.actor.setValue(null);
  }

  protected actorSecondLine(actor: AuditActorDto): string {
    return actor.email ?? AUDIT_ACTOR_KIND_LABELS[actor.kind] ?? '';
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
      actor: value.actor && typeof value.actor !== 'string' ? value.actor.id : null,
      action: value.action,
      outcome: value.outcome,
      targetType: value.targetType,
      targetId: value.targetId,
      clientId: audience === 'partner' ? value.clientId : null,
      tenantId: audience === 'internal' ? value.tenantId : null,
    };
  }

  private showInForm(filters: AuditFilters): void {
    this.filterForm.setValue({
      from: toLocalInput(filters.from),
      to: toLocalInput(filters.to),
      actor: filters.actor ? this.actorChoice(filters.actor) : null,
      action: filters.action,
      outcome: filters.outcome,
      targetType: filters.targetType,
      targetId: filters.targetId,
      clientId: filters.clientId,
      tenantId: filters.tenantId,
    });
  }

  /** The actor an id names: from the picker's list, else from the events on show, else a placeholder until known. */
  private actorChoice(id: string): AuditActorRow {
    const listed = this.store.actors().find((actor) => actor.id === id);
    if (listed) return listed;
    const view = this.store.view();
    const shown = view.kind === 'loaded' ? view.events.find((event) => event.actor.id === id)?.actor : undefined;
    return shown ?? { kind: 'person', id, name: 'The chosen actor', email: null };
  }

  private focusResults(): void {
    setTimeout(() => this.resultsHeading()?.nativeElement.focus());
  }
}
