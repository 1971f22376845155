import fc from 'fast-check';
import { parseAustralianMobile } from './australian-mobile';

describe('parseAustralianMobile', () => {
  it.each([
    '0412 345 678',
    '0412345678',
    '04-1234-5678',
    '(04) 1234 5678',
    '+61 412 345 678',
    '+61412345678',
    '+61 (0) 412 345 678',
    '+610412345678',
    '61412345678',
    '412345678',
    '  0412 345 678  ',
    '0412.345.678',
  ])('normalises %j to +61412345678', (typed) => {
    expect(parseAustralianMobile(typed)).toEqual({ ok: true, e164: '+61412345678' });
  });

  it.each([
    ['+44 7700 900123', 'a United Kingdom mobile'],
    ['+1 202 555 0143', 'a United States number'],
    ['+64 21 123 4567', 'a New Zealand mobile'],
    ['+999 1234', 'a calling code that does not exist'],
    ['+6 412 345 678', 'a calling code that only starts like Australia'],
    ['+62 812 3456 7890', 'Indonesia (+62)'],
  ])('refuses %j (%s) as not Australian', (typed) => {
    expect(parseAustralianMobile(typed)).toEqual({ ok: false, reason: 'not_australian' });
  });

  it.each([
    ['02 9374 4000', 'a Sydney landline'],
    ['+61 2 9374 4000', 'the same landline written internationally'],
    ['1300 123 456', 'a shared-cost service number'],
  ])('refuses %j (%s) as not a mobile', (typed) => {
    expect(parseAustralianMobile(typed)).toEqual({ ok: false, reason: 'not_a_mobile' });
  });

  it.each([
    ['', 'nothing'],
    ['   ', 'spaces'],
    ['abc', 'letters'],
    ['+61 4', 'too short'],
    ['0412 345 6789', 'one digit too many'],
    ['+61 5 1234 5678', 'an unallocated Australian range'],
    ['0412345678 ext 5', 'an extension'],
    ['0412345678;1', 'a separator'],
    ['０４１２３４５６７８', 'full-width digits'],
    ['+', 'a plus alone'],
    ['()-', 'punctuation alone'],
  ])('refuses %j (%s) as not a number', (typed) => {
    expect(parseAustralianMobile(typed)).toEqual({ ok: false, reason: 'not_a_number' });
  });

  it('accepts only +61 4xx xxx xxx mobiles, whatever it is given', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 40 }),
          fc.stringMatching(/^\+?[\d ()-.]{1,20}$/),
          fc
            .tuple(fc.integer({ min: 1, max: 999 }), fc.stringMatching(/^\d{4,12}$/))
            .map(([cc, rest]) => `+${cc} ${rest}`),
        ),
        (typed) => {
          const result = parseAustralianMobile(typed);
          if (result.ok) expect(result.e164).toMatch(/^\+614\d{8}$/);
        },
      ),
      { numRuns: 2_000 },
    );
  });
});
