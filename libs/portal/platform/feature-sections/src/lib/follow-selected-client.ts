import { type Signal, computed, effect, inject, untracked } from '@angular/core';
import { SessionStore } from '@aidial/portal/core';

/**
 * For a page of client-scoped platform data: reads it now and again whenever a partner selects another client in
 * the header (the data is the selected client's). A partner with no client selected is not asked for data the API
 * would refuse with `client_selection_required`: the returned signal is true and the page prompts for a client.
 * Call from a constructor.
 */
export function loadForSelectedClient(load: () => void): Signal<boolean> {
  const session = inject(SessionStore).session;
  const selectedClientId = computed(() => session()?.client?.id ?? null);
  const needsClient = computed(() => session()?.tenant.kind === 'partner' && selectedClientId() === null);
  effect(() => {
    selectedClientId();
    if (!needsClient()) untracked(load);
  });
  return needsClient;
}
