import { ChangeDetectionStrategy, Component, Injector, computed, inject, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { SessionStore } from '@aidial/portal/core';
import { ApiKeysStore } from '@aidial/portal/integrations/data-access';
import { type ApiKeyRow, ApiKeysTable } from '@aidial/portal/integrations/ui';
import { ClientSelectionStore } from '@aidial/portal/partner/data-access';
import { ErrorNotice, confirmWith } from '@aidial/portal/shared/ui';
import { ROLE_AUDIENCE, canPerform } from '@aidial/shared/access';
import { firstValueFrom } from 'rxjs';
import { CreateApiKeyDialog, type CreateApiKeyData } from './create-api-key.dialog';
import { RotateApiKeyDialog, type RotateApiKeyData } from './rotate-api-key.dialog';

/**
 * `/integrations` (partner roles) and `/admin/integrations` (internal roles): the organisation's API keys for trusted
 * server-side integrations. partner_admin and aidial_admin create, rotate and revoke them (`integrations.manage`); the
 * others read the list. A key's secret is shown once, in the dialog that made it, and nowhere else.
 */
@Component({
  selector: 'aidial-integrations-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ApiKeysTable, ErrorNotice, MatButton],
  providers: [ApiKeysStore],
  template: `
    <h1 class="page-title">Integrations</h1>
    <p class="intro">
      API keys let your own servers call the AiDial API (<code>/v1</code>) with the <code>X-API-Key</code> header. Never
      put a key in a browser, an app or a repository: anyone holding it acts for your organisation within its scopes
      until it expires or is revoked.
    </p>

    @if (!canManage()) {
      <p class="read-only-note">
        You can see your organisation's API keys. Only {{ manager() }} can create, rotate or revoke them.
      </p>
    }

    <p class="state-message" role="status">{{ announcement() }}</p>

    @let state = store.state();
    @if (state.kind === 'loading') {
      <p class="state-message" role="status">Loading API keys…</p>
    } @else if (state.kind === 'error') {
      <aidial-error-notice [problem]="state.problem" />
      <p><button mat-stroked-button type="button" (click)="store.load()">Try again</button></p>
    } @else {
      @if (canManage()) {
        <p>
          <button mat-flat-button type="button" (click)="openCreate()">Create an API key</button>
        </p>
      }
      @if (store.changeProblem(); as problem) {
        <aidial-error-notice [problem]="problem" />
      }
      @if (state.keys.length === 0) {
        <p class="state-message">No API keys yet.</p>
      } @else {
        <aidial-api-keys-table
          [keys]="state.keys"
          [canManage]="canManage()"
          [saving]="store.saving()"
          (rotate)="openRotate($event)"
          (revoke)="revoke($event)"
        />
      }
    }
  `,
  styles: `
    .intro {
      max-inline-size: 48rem;
      margin: 0 0 1rem;
    }
  `,
})
export class IntegrationsPage {
  protected readonly store = inject(ApiKeysStore);
  private readonly dialog = inject(MatDialog);
  private readonly injector = inject(Injector);
  private readonly role = inject(SessionStore).role;
  private readonly clientSelection = inject(ClientSelectionStore);

  private readonly isPartner = computed(() => {
    const role = this.role();
    return !!role && ROLE_AUDIENCE[role] === 'partner';
  });
  /** The action table decides; the API's own answer (`can_manage`) must agree. */
  protected readonly canManage = computed(() => {
    const role = this.role();
    const state = this.store.state();
    return !!role && canPerform(role, 'integrations.manage') && (state.kind !== 'loaded' || state.canManage);
  });
  protected readonly manager = computed(() =>
    this.isPartner() ? 'a partner administrator' : 'an AiDial administrator',
  );
  protected readonly announcement = signal('');

  constructor() {
    void this.store.load();
    if (this.isPartner()) void this.clientSelection.load();
  }

  protected openCreate(): void {
    void this.create();
  }

  private async create(): Promise<void> {
    const state = this.store.state();
    if (state.kind !== 'loaded') return;
    this.announcement.set('');
    const data: CreateApiKeyData = {
      grantableScopes: state.grantableScopes,
      maxLifetimeDays: state.maxLifetimeDays,
      clients: this.clientSelection.clients().filter((client) => client.status === 'active'),
      isPartner: this.isPartner(),
    };
    const reference = this.dialog.open(CreateApiKeyDialog, {
      data,
      injector: this.injector,
      autoFocus: 'first-tabbable',
      restoreFocus: true,
      // The secret is on screen after creation: closing needs a deliberate "Done", not a stray click outside.
      disableClose: true,
    });
    if (await firstValueFrom(reference.afterClosed())) this.announcement.set('The API key was created.');
  }

  protected openRotate(key: ApiKeyRow): void {
    void this.rotate(key);
  }

  private async rotate(key: ApiKeyRow): Promise<void> {
    this.announcement.set('');
    const data: RotateApiKeyData = { id: key.id, name: key.name, expiresAt: key.expires_at };
    const reference = this.dialog.open(RotateApiKeyDialog, {
      data,
      injector: this.injector,
      autoFocus: 'first-tabbable',
      restoreFocus: true,
      disableClose: true,
    });
    if (await firstValueFrom(reference.afterClosed())) this.announcement.set(`${key.name} was rotated.`);
  }

  protected revoke(key: ApiKeyRow): void {
    void this.confirmRevocation(key);
  }

  private async confirmRevocation(key: ApiKeyRow): Promise<void> {
    this.announcement.set('');
    const confirmed = await confirmWith(this.dialog, {
      title: `Revoke ${key.name}?`,
      message: `Calls with ${key.prefix}…${key.last_four} are refused from now on. This cannot be undone.`,
      confirm: 'Revoke key',
      destructive: true,
    });
    if (confirmed && (await this.store.revoke(key.id))) this.announcement.set(`${key.name} was revoked.`);
  }
}
