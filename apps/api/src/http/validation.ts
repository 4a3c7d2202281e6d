import { ValidationError, ValidationPipe } from '@nestjs/common';

/** A 400 that names every offending field by its path (`survey.institution.name`, `ratings.3.level`). */
export class FieldErrors extends Error {
  constructor(readonly fields: { field: string; messages: string[] }[]) {
    super(`invalid fields: ${fields.map((f) => f.field).join(', ')}`);
  }
}

const flatten = (errors: ValidationError[], prefix = ''): { field: string; messages: string[] }[] =>
  errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = e.constraints ? [{ field, messages: Object.values(e.constraints) }] : [];
    return [...own, ...flatten(e.children ?? [], field)];
  });

export const strictValidationPipe = () =>
  new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => new FieldErrors(flatten(errors)),
  });
