export { type Readiness, type ServiceHealth, StatusStore } from './lib/status.store';
