/** Words for the API's enum values, as pages show them. */
export const TENANT_KIND_LABELS: Readonly<Record<string, string>> = {
  customer: 'Customer',
  partner: 'Partner',
  internal: 'Internal',
};

export const TENANT_STATUS_LABELS: Readonly<Record<string, string>> = {
  active: 'Active',
  suspended: 'Suspended',
  closed: 'Closed',
};

export const MFA_POLICY_LABELS: Readonly<Record<string, string>> = {
  role_default: 'As each role requires',
  required: 'Required for every member',
};

export const PROJECT_STATUS_LABELS: Readonly<Record<string, string>> = {
  active: 'Active',
  archived: 'Archived',
};

/** A value's words, or the value itself when it has none (a role the portal does not recognise, say). */
export function labelOf(labels: Readonly<Record<string, string>>, value: string): string {
  return labels[value] ?? value;
}

/**
 * How a page names a person in a sentence or a button: their display name, else their email, else `fallback` ("This
 * member", "This user"), never their id.
 */
export function personName(person: { display_name?: string | null; email?: string | null }, fallback: string): string {
  return person.display_name?.trim() || person.email || fallback;
}
