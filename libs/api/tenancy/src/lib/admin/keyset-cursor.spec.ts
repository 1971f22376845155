import { ApiError } from '@aidial/api/core';
import { decodeCursor, encodeCursor } from './keyset-cursor';

describe('keyset cursors', () => {
  const position = { key: 'acme health', id: '0b9c3c1e-8a5d-4f5e-9a4b-2c1d0e9f8a7b' };

  it('reads back what it wrote, including keys with any characters', () => {
    expect(decodeCursor(encodeCursor(position))).toEqual(position);
    const unicode = { key: 'zoë "quoted" / ünïcode', id: position.id };
    expect(decodeCursor(encodeCursor(unicode))).toEqual(unicode);
  });

  it.each([
    ['not base64url', '!!!'],
    ['not JSON', Buffer.from('hello').toString('base64url')],
    ['the wrong shape', Buffer.from(JSON.stringify({ key: 'a', id: position.id })).toString('base64url')],
    ['an id that is not a UUID', Buffer.from(JSON.stringify(['a', 'b'])).toString('base64url')],
    ['a key that is not a string', Buffer.from(JSON.stringify([1, position.id])).toString('base64url')],
  ])('refuses a cursor that is %s with validation_failed on the cursor field', (_why, cursor) => {
    let error: unknown;
    try {
      decodeCursor(cursor);
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'validation_failed', fields: [{ field: 'cursor' }] });
  });
});
