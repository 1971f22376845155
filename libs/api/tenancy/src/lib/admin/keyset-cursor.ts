import { ApiError, isUuid } from '@aidial/api/core';

/** Where a keyset-paginated list continues: the sort key and id of the last item of the previous page. */
export interface KeysetPosition {
  readonly key: string;
  readonly id: string;
}

/** The opaque `next_cursor` of a list answer: base64url of `[key, id]`. Clients pass it back unchanged. */
export function encodeCursor(position: KeysetPosition): string {
  return Buffer.from(JSON.stringify([position.key, position.id]), 'utf8').toString('base64url');
}

/** Reads a cursor this API issued; anything else is 400 `validation_failed` on the `cursor` field. */
export function decodeCursor(cursor: string): KeysetPosition {
  let decoded: unknown;
  try {
    decoded = /^[A-Za-z0-9_-]+$/.test(cursor) ? JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) : null;
  } catch {
    decoded = null;
  }
  if (
    Array.isArray(decoded) &&
    decoded.length === 2 &&
    typeof decoded[0] === 'string' &&
    typeof decoded[1] === 'string' &&
    isUuid(decoded[1])
  ) {
    return { key: decoded[0], id: decoded[1] };
  }
  throw new ApiError('validation_failed', {
    fields: [{ field: 'cursor', message: 'cursor must be a next_cursor value from a previous page' }],
  });
}
