import type { IncomingHttpHeaders } from 'node:http';

/**
 * Fetch-metadata headers only browsers send. `Sec-Fetch-Mode` is left out on purpose: Node.js's own `fetch` (undici)
 * sends `Sec-Fetch-Mode: cors` on every request, so it would refuse the server-side integrations keys are for;
 * browsers always send `Sec-Fetch-Site` (and `Sec-Fetch-Dest`) alongside it.
 */
const BROWSER_ONLY_FETCH_METADATA = ['sec-fetch-site', 'sec-fetch-dest', 'sec-fetch-user'] as const;

/**
 * Whether a request carries what browsers add and server-side integrations do not: an `Origin` header, a browser's
 * `Sec-Fetch-*` metadata, or a `Cookie` header. A request with these and an `X-API-Key` is refused on `/v1` (spec/02:
 * browser code must not send API keys), so a key pasted into a web page cannot be used from it.
 */
export function hasBrowserSignals(headers: IncomingHttpHeaders): boolean {
  if (headers.origin !== undefined || headers.cookie !== undefined) return true;
  return BROWSER_ONLY_FETCH_METADATA.some((name) => headers[name] !== undefined);
}
