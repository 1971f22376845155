import { roleLabel } from '@aidial/shared/access';

/** One line of an event's details as a person reads it. */
export interface AuditDetailLine {
  readonly label: string;
  readonly value: string;
}

/** The detail fields the event types declare (docs/audit.md "Event types"), in words. */
export const AUDIT_DETAIL_LABELS: Readonly<Record<string, string>> = {
  email: 'Email',
  role: 'Role',
  from_role: 'From role',
  to_role: 'To role',
  team: 'Team',
  sessions_ended: 'Sessions ended',
  count: 'Sessions ended',
  note: 'Note',
  reason: 'Reason',
  amr: 'Sign-in methods',
  step_up: 'Step-up sign-in',
  status: 'Status',
  enabled: 'Enabled',
  mfa_policy: 'MFA policy',
  name: 'Name',
  kind: 'Kind',
  client_name: 'Client',
  scopes: 'Scopes',
  expires_at: 'Expires',
  old_expires_at: 'Replaced key works until',
  category: 'Category',
  phone_tail: 'Phone',
  added: 'Added',
  removed: 'Removed',
  method: 'Method',
  section: 'Section',
  action: 'Action',
  scope: 'Scope',
  by: 'Named by',
};

const ROLE_FIELDS = new Set(['role', 'from_role', 'to_role']);
const TEAMS: Readonly<Record<string, string>> = { team: 'Team', partner_team: 'Partner Team' };
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
/** A value recorded as a code (`not_found`, `wrong_secret`): read as words. */
const CODE = /^[a-z0-9]+(?:_[a-z0-9]+)+$/;

/** Fields that hold ids (`user_id`, `successor_public_id`, `project_ids`): the export and the API keep them. */
function isIdField(field: string): boolean {
  return field === 'id' || field.endsWith('_id') || field.endsWith('_ids');
}

function words(text: string): string {
  const spaced = text.replace(/[_.]+/g, ' ').trim();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

function valueInWords(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.length ? value.map((item) => valueInWords(field, item)).join(', ') : 'None';
  if (typeof value !== 'string') return JSON.stringify(value);
  if (ROLE_FIELDS.has(field)) return roleLabel(value);
  if (field === 'team') return TEAMS[value] ?? words(value);
  return CODE.test(value) ? words(value) : value;
}

/**
 * An event's recorded details (already redacted by the API) as lines a person reads: each field in words, role codes
 * as role names, codes as words. Ids are left out: the CSV export and the API carry them, the page names the people
 * and things they stand for.
 */
export function auditDetailLines(details: Readonly<Record<string, unknown>> | null | undefined): AuditDetailLine[] {
  return Object.entries(details ?? {})
    .filter(([field, value]) => !isIdField(field) && !UUID.test(JSON.stringify(value) ?? ''))
    .map(([field, value]) => ({
      label: AUDIT_DETAIL_LABELS[field] ?? words(field),
      value: valueInWords(field, value),
    }));
}
