import type { Routes } from '@angular/router';
import { AuditLogPage } from './audit-log.page';

/** Loaded lazily under `/audit-log` and `/admin/audit-log`. */
export const AUDIT_LOG_ROUTES: Routes = [{ path: '', component: AuditLogPage, title: 'Audit Log' }];
