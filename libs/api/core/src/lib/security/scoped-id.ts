/** The nil uuid: no row has it, so a lookup with it finds nothing, exactly as for a missing id. */
const NO_SUCH_ID = '00000000-0000-0000-0000-000000000000';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * An id from a URL, a query or a body, made safe to look up in the caller's scope (DESIGN.md §5: a resource of another
 * tenant, client or project answers exactly like a missing one). The one strategy every resource uses: a malformed
 * value becomes an id no row has, so it runs the same scoped query as a missing or out-of-scope id and gets the same
 * answer (404 for one resource, an empty page for a filter) — never a 400, never a different code path.
 */
export function scopedId(raw: string): string {
  return UUID.test(raw) ? raw.toLowerCase() : NO_SUCH_ID;
}

/** Whether a value is a uuid (cursor decoding: a cursor is ours, and a forged one is refused as malformed). */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
