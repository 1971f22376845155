import { isWellFormedRequestId } from './request-id';

describe('isWellFormedRequestId', () => {
  it.each(['3f2b8c1e-8a5d-4f5e-9a4b-2c1d0e9f8a7b', 'req_01HZX3K9Q2', 'trace:1234.abcd-5678'])('keeps %s', (id) => {
    expect(isWellFormedRequestId(id)).toBe(true);
  });

  it.each([
    '',
    'short',
    'has space 123456',
    'line\nbreak-123456',
    '<script>alert(1)</script>',
    'x'.repeat(101),
    undefined,
  ])('replaces %j', (id) => {
    expect(isWellFormedRequestId(id)).toBe(false);
  });
});
