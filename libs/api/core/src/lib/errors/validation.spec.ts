import type { ValidationError } from '@nestjs/common';
import { toFieldErrors } from './validation';

describe('toFieldErrors', () => {
  it('flattens nested errors into dotted field paths, one entry per broken rule', () => {
    const errors: ValidationError[] = [
      { property: 'email', constraints: { isEmail: 'email must be an email' }, children: [] },
      {
        property: 'address',
        children: [
          {
            property: 'postcode',
            constraints: { length: 'postcode must be 4 characters', isNumeric: 'postcode must be a number' },
            children: [],
          },
        ],
      },
    ];
    expect(toFieldErrors(errors)).toEqual([
      { field: 'email', message: 'email must be an email' },
      { field: 'address.postcode', message: 'postcode must be 4 characters' },
      { field: 'address.postcode', message: 'postcode must be a number' },
    ]);
  });
});
