import { ValidationPipe, type ValidationError } from '@nestjs/common';
import type { FieldError } from '@aidial/shared/access';
import { ApiError } from './api-error';

/** Flattens class-validator's tree into `{field, message}` pairs with dotted paths (`address.postcode`, `items.0.name`). */
export function toFieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...toFieldErrors(error.children ?? [], field)];
  });
}

/** Strict validation for every DTO: unknown fields are an error, not silently dropped. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new ApiError('validation_failed', { fields: toFieldErrors(errors) }),
  });
}
