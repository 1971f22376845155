export { AUDIT_LOG_ROUTES } from './lib/audit-log.routes';
