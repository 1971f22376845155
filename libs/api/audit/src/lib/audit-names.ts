import { isUuid } from '@aidial/api/core';
import { INTERNAL_ROLES } from '@aidial/shared/access';
import type { AuditActorRow, AuditEventRow } from './audit-event.repository';

/**
 * The Audit Log in words: who acted (a person's name and email, or a label for what is not a person) and what the event
 * is about, put together at read time from the ids a row holds and the names their owners give for them. The rows
 * themselves, and so the hash chain, never change.
 */

export const AUDIT_ACTOR_KINDS = ['person', 'aidial_support', 'api_key', 'system'] as const;
export type AuditActorKind = (typeof AUDIT_ACTOR_KINDS)[number];

/** The `actor` filter's values for what is not one person: AiDial's staff together, events with no actor. */
export const AIDIAL_SUPPORT_ACTOR = 'aidial_support';
export const SYSTEM_ACTOR = 'system';
/** The `actor` filter's value for one API key: this prefix and the key's id. */
export const API_KEY_ACTOR_PREFIX = 'api_key:';

export const AIDIAL_SUPPORT_LABEL = 'AiDial support';
export const SYSTEM_LABEL = 'System';

/** An actor as the Audit Log shows it. `id` is what the `actor` filter takes to show only this actor's events. */
export interface AuditActor {
  readonly kind: AuditActorKind;
  readonly id: string;
  readonly name: string;
  readonly email: string | null;
}

/** Who reads: internal roles see everyone by name; everyone else sees AiDial's staff as "AiDial support". */
export interface AuditReader {
  readonly internal: boolean;
  /** The tenants whose events the reader may see; null: every tenant (internal roles). */
  readonly tenantIds: readonly string[] | null;
}

/** What the owners of people, tenants, invitations and API keys said about the ids of a page. Absent: no longer exists. */
export interface KnownNames {
  readonly people: ReadonlyMap<string, { readonly displayName: string | null; readonly email: string | null }>;
  readonly tenants: ReadonlyMap<string, string>;
  readonly invitations: ReadonlyMap<string, { readonly email: string; readonly tenantId: string }>;
  readonly apiKeys: ReadonlyMap<
    string,
    { readonly name: string; readonly lastFour: string; readonly tenantId: string }
  >;
}

/** The ids a set of rows names, by owner: one batched lookup each, whatever the number of rows. */
export interface NameReferences {
  readonly userIds: string[];
  readonly tenantIds: string[];
  readonly invitationIds: string[];
  readonly apiKeyIds: string[];
}

/** What the `actor` filter asks for. */
export type AuditActorFilter =
  | { readonly kind: 'person'; readonly userId: string }
  | { readonly kind: 'api_key'; readonly apiKeyId: string }
  | { readonly kind: 'aidial_support' }
  | { readonly kind: 'system' };

/** The `actor` filter's accepted values (validation of the query DTO). */
export const ACTOR_FILTER_PATTERN =
  /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|api_key:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|aidial_support|system)$/i;

export function actorFilterOf(value: string | undefined): AuditActorFilter | undefined {
  if (value === undefined) return undefined;
  const actor = value.toLowerCase();
  if (actor === AIDIAL_SUPPORT_ACTOR) return { kind: 'aidial_support' };
  if (actor === SYSTEM_ACTOR) return { kind: 'system' };
  if (actor.startsWith(API_KEY_ACTOR_PREFIX))
    return { kind: 'api_key', apiKeyId: actor.slice(API_KEY_ACTOR_PREFIX.length) };
  return { kind: 'person', userId: actor };
}

/** The roles whose events a non-internal reader sees as "AiDial support": AiDial's own staff. */
export const AIDIAL_STAFF_ROLES: readonly string[] = INTERNAL_ROLES;

/** Whether the reader sees this row's acting person only as "AiDial support" (AiDial staff, to a customer or partner). */
function actsAsAidialSupport(row: AuditEventRow, reader: AuditReader): boolean {
  return !reader.internal && row.actor_user_id !== null && AIDIAL_STAFF_ROLES.includes(row.actor_role ?? '');
}

function detail(row: AuditEventRow, field: string): string | null {
  const value = row.details[field];
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

/** The ids these rows name, for the owners to put into words. Ids that are not UUIDs are nobody's and are left out. */
export function referencesOf(rows: readonly AuditEventRow[], reader: AuditReader): NameReferences {
  const references: NameReferences = { userIds: [], tenantIds: [], invitationIds: [], apiKeyIds: [] };
  const add = (list: string[], id: string | null) => {
    if (id && isUuid(id)) list.push(id.toLowerCase());
  };
  for (const row of rows) {
    addActorReference(references, {
      apiKeyId: row.actor_api_key_id,
      userId: row.actor_user_id,
      seenAsSupport: actsAsAidialSupport(row, reader),
    });
    switch (row.target_type) {
      case 'user':
        add(references.userIds, row.target_id);
        break;
      case 'membership':
        add(references.userIds, detail(row, 'user_id'));
        break;
      case 'tenant':
        add(references.tenantIds, row.target_id);
        break;
      case 'invitation':
        add(references.invitationIds, row.target_id);
        break;
      case 'api_key':
        add(references.apiKeyIds, row.target_id);
        break;
    }
  }
  return references;
}

function personName(person: { displayName: string | null; email: string | null }): string {
  return person.displayName?.trim() || person.email || 'Unnamed user';
}

function keyLabel(key: { name: string; lastFour: string }): string {
  return `API key ${key.name} …${key.lastFour}`;
}

const AIDIAL_SUPPORT: AuditActor = {
  kind: 'aidial_support',
  id: AIDIAL_SUPPORT_ACTOR,
  name: AIDIAL_SUPPORT_LABEL,
  email: null,
};
const SYSTEM: AuditActor = { kind: 'system', id: SYSTEM_ACTOR, name: SYSTEM_LABEL, email: null };

/** An API key as an actor: named only when `named` (the reader may see that key's tenant), "(deleted)" when gone. */
function keyActor(apiKeyId: string, names: KnownNames, named: (key: { tenantId: string }) => boolean): AuditActor {
  const id = apiKeyId.toLowerCase();
  const key = names.apiKeys.get(id);
  const name = !key ? 'API key (deleted)' : named(key) ? keyLabel(key) : 'API key';
  return { kind: 'api_key', id: `${API_KEY_ACTOR_PREFIX}${id}`, name, email: null };
}

/** A person as an actor, by name and email; "User (deleted)" when their record is gone. */
function personActor(userId: string, names: KnownNames): AuditActor {
  const id = userId.toLowerCase();
  const person = names.people.get(id);
  return person
    ? { kind: 'person', id, name: personName(person), email: person.email }
    : { kind: 'person', id, name: 'User (deleted)', email: null };
}

/** Adds an actor's id to the owner's lookup: the key, or the person unless the reader sees them as AiDial support. */
function addActorReference(
  references: NameReferences,
  actor: { apiKeyId: string | null; userId: string | null; seenAsSupport: boolean },
): void {
  if (actor.apiKeyId && isUuid(actor.apiKeyId)) references.apiKeyIds.push(actor.apiKeyId.toLowerCase());
  else if (actor.userId && !actor.seenAsSupport && isUuid(actor.userId))
    references.userIds.push(actor.userId.toLowerCase());
}

/** The actor of a row, in words, for this reader. A key is named only in the event's own tenant. */
export function actorOf(row: AuditEventRow, names: KnownNames, reader: AuditReader): AuditActor {
  if (row.actor_api_key_id) return keyActor(row.actor_api_key_id, names, (key) => key.tenantId === row.tenant_id);
  if (row.actor_user_id)
    return actsAsAidialSupport(row, reader) ? AIDIAL_SUPPORT : personActor(row.actor_user_id, names);
  return SYSTEM;
}

/** Words for a target type this module does not know yet (a newer event type): its words, never its id. */
function typeInWords(type: string): string {
  const words = type.replace(/[_.]+/g, ' ').trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : 'Unknown target';
}

/**
 * What a row is about, in words, for this reader: "User Ben Ortiz", "Member Ben Ortiz", "Tenant Northwind", "API key
 * CRM sync …a1b2", "Invitation for ana@example.com"; "(deleted)" when the thing no longer exists. Null when the event
 * is about nothing. Never an id.
 */
export function targetDescriptionOf(row: AuditEventRow, names: KnownNames, reader: AuditReader): string | null {
  const id = row.target_id?.toLowerCase() ?? null;
  switch (row.target_type) {
    case null:
      return null;
    case 'user': {
      if (!id) return 'No user identified';
      if (id === row.actor_user_id?.toLowerCase() && actsAsAidialSupport(row, reader)) return AIDIAL_SUPPORT_LABEL;
      const person = names.people.get(id);
      return person ? `User ${personName(person)}` : 'User (deleted)';
    }
    case 'membership': {
      const userId = detail(row, 'user_id')?.toLowerCase();
      if (!userId) return 'Membership';
      const person = names.people.get(userId);
      return person ? `Member ${personName(person)}` : 'Member (deleted)';
    }
    case 'tenant': {
      const stored = detail(row, 'client_name') ?? detail(row, 'name');
      if (!id) return row.action === 'tenancy.client.cleared' ? 'Client selection' : 'Tenant';
      const visible = reader.tenantIds === null || reader.tenantIds.includes(id) || id === row.tenant_id;
      if (!visible) return 'Another tenant';
      const name = names.tenants.get(id);
      if (name) return `Tenant ${name}`;
      return stored ? `Tenant ${stored} (deleted)` : 'Tenant (deleted)';
    }
    case 'invitation': {
      const pending = id ? names.invitations.get(id) : undefined;
      if (pending && pending.tenantId === row.tenant_id) return `Invitation for ${pending.email}`;
      const email = detail(row, 'email');
      return email ? `Invitation for ${email} (no longer pending)` : 'Invitation (no longer pending)';
    }
    case 'api_key': {
      const key = id ? names.apiKeys.get(id) : undefined;
      if (key) return key.tenantId === row.tenant_id ? keyLabel(key) : 'API key';
      const name = detail(row, 'name');
      return name ? `API key ${name} (deleted)` : 'API key (deleted)';
    }
    case 'session': {
      const actor = actorOf(row, names, reader);
      return actor.kind === 'person' || actor.kind === 'aidial_support'
        ? `Session of ${actor.name}`
        : 'Sign-in session';
    }
    case 'route':
      return id ? `Route ${row.target_id}` : 'Route';
    case 'ticket':
      return row.action === 'support.ticket.refused' ? 'Support ticket (not created)' : 'Support ticket';
    default:
      return typeInWords(row.target_type);
  }
}

/** The ids the picker's actor rows name (AiDial staff are not looked up for a reader who sees them as a group). */
export function actorReferencesOf(rows: readonly AuditActorRow[], reader: AuditReader): NameReferences {
  const references: NameReferences = { userIds: [], tenantIds: [], invitationIds: [], apiKeyIds: [] };
  for (const row of rows) {
    addActorReference(references, {
      apiKeyId: row.actor_api_key_id,
      userId: row.actor_user_id,
      seenAsSupport: row.staff && !reader.internal,
    });
  }
  return references;
}

const KIND_ORDER: Readonly<Record<AuditActorKind, number>> = { person: 0, aidial_support: 1, api_key: 2, system: 3 };

/**
 * The person picker's list: each actor of the scope once, in words, as the events show them (a customer or partner
 * sees AiDial's staff as one "AiDial support"): people by name, then AiDial support, API keys, System.
 */
export function actorListOf(rows: readonly AuditActorRow[], names: KnownNames, reader: AuditReader): AuditActor[] {
  const actors = new Map<string, AuditActor>();
  // The picker lists actors across the scope, not per event: a key is named when its tenant is in the reader's scope.
  const inScope = (key: { tenantId: string }) => reader.tenantIds === null || reader.tenantIds.includes(key.tenantId);
  for (const row of rows) {
    const actor = row.actor_api_key_id
      ? keyActor(row.actor_api_key_id, names, inScope)
      : row.actor_user_id
        ? row.staff && !reader.internal
          ? AIDIAL_SUPPORT
          : personActor(row.actor_user_id, names)
        : SYSTEM;
    actors.set(actor.id, actor);
  }
  return [...actors.values()].sort(
    (a, b) =>
      KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
      a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }) ||
      (a.email ?? '').localeCompare(b.email ?? ''),
  );
}
