/** What each scope lets a key call, in words (docs/integrations.md). */
export const API_KEY_SCOPE_LABELS: Readonly<Record<string, string>> = {
  whoami: 'Who am I (always included)',
  'projects:read': 'Read projects',
  'audit:read': 'Read the audit log',
  'platform:read': 'Read platform data: dashboard, calls, billing, campaigns, capacity',
};

export const API_KEY_STATUS_LABELS: Readonly<Record<string, string>> = {
  active: 'Active',
  expired: 'Expired',
  revoked: 'Revoked',
};
