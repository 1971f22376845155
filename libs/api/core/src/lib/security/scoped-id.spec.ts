import { isUuid, scopedId } from './scoped-id';

describe('scopedId', () => {
  it('keeps a uuid, lower-cased, so the scoped query compares like with like', () => {
    expect(scopedId('6F1C1F4E-8A51-4F0E-9F43-6A7CBBD3A001')).toBe('6f1c1f4e-8a51-4f0e-9f43-6a7cbbd3a001');
  });

  it.each(['', 'not-an-id', '6f1c1f4e-8a51-4f0e-9f43-6a7cbbd3a00', "1' OR '1'='1", '6f1c1f4e8a514f0e9f436a7cbbd3a001'])(
    'turns %j into an id no row has, so it answers exactly like a missing one',
    (raw) => {
      expect(scopedId(raw)).toBe('00000000-0000-0000-0000-000000000000');
      expect(isUuid(raw)).toBe(false);
    },
  );
});
