export { ClientSelector, type SelectableClient } from './lib/client-selector';
