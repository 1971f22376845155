// Signal stores of the partner workspace over the generated client.
export { type ClientListState, ClientSelectionStore } from './lib/client-selection.store';
export { type PartnerProjectsState, PartnerProjectsStore } from './lib/partner-projects.store';
