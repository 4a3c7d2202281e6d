import { ValidationPipe } from '@nestjs/common';
import { fieldErrors } from './field-messages';

/** A 400 that names every offending field by its path (`survey.institution.name`, `ratings.3.level`). */
export class FieldErrors extends Error {
  constructor(readonly fields: { field: string; messages: string[] }[]) {
    super(`invalid fields: ${fields.map((f) => f.field).join(', ')}`);
  }
}

export const strictValidationPipe = () =>
  new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    // The target and value let field-messages.ts find each field's label and bounds and tell a missing answer apart.
    validationError: { target: true, value: true },
    exceptionFactory: (errors) => new FieldErrors(fieldErrors(errors)),
  });
