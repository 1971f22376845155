import type { Role } from './roles';
import { type Section, canAccessSection } from './sections';

/**
 * What an API key may be given, and the portal sections a creator's role must open to give it (docs/integrations.md).
 * A creator may grant a scope only if their own role can open at least one of its sections: a key never reaches beyond
 * the person who made it. `whoami` needs no section. Each `/v1` route names its scope with `@ApiKeyScope(...)`; the
 * platform routes also name their section, checked against the creator's role on every call.
 */
export const API_KEY_SCOPES = {
  whoami: [],
  'projects:read': ['dashboard'],
  'audit:read': ['audit_log'],
  'platform:read': ['dashboard', 'calls', 'billing', 'partner_campaigns', 'capacity'],
} as const satisfies Record<string, readonly Section[]>;

export type ApiKeyScope = keyof typeof API_KEY_SCOPES;

export const API_KEY_SCOPE_LIST = Object.keys(API_KEY_SCOPES) as ApiKeyScope[];

export function isApiKeyScope(value: unknown): value is ApiKeyScope {
  return typeof value === 'string' && Object.hasOwn(API_KEY_SCOPES, value);
}

/** Whether `role` may give a key this scope. */
export function canGrantScope(role: Role, scope: ApiKeyScope): boolean {
  const sections: readonly Section[] = API_KEY_SCOPES[scope];
  return sections.length === 0 || sections.some((section) => canAccessSection(role, section));
}

/** Every scope `role` may give a key, in table order (the portal offers exactly these). */
export function grantableScopes(role: Role): ApiKeyScope[] {
  return API_KEY_SCOPE_LIST.filter((scope) => canGrantScope(role, scope));
}

/** Longest lifetime of a key (expiry is mandatory), and the overlap window of a rotation: default and maximum. */
export const API_KEY_MAX_LIFETIME_DAYS = 365;
export const API_KEY_ROTATION_OVERLAP_DEFAULT_HOURS = 24;
export const API_KEY_ROTATION_OVERLAP_MAX_HOURS = 7 * 24;
